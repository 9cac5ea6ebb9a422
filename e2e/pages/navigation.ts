import type { Locator, Page } from 'playwright-core';

/**
 * Does what a person does to go to another page (clicks a link, presses a button, presses Enter) and
 * waits until the new page has loaded, so the next step never reads the page being left.
 */
export async function goesToNewPage(page: Page, action: () => Promise<unknown>): Promise<void> {
  const navigated = page.waitForEvent('framenavigated', { predicate: (frame) => frame === page.mainFrame() });
  await action();
  await navigated;
  await page.waitForLoadState('load');
}

/** Follows a link or presses a button that leads to another page. */
export function follow(page: Page, target: Locator): Promise<void> {
  return goesToNewPage(page, () => target.click());
}

/**
 * Whether the element has keyboard focus, i.e. is document.activeElement. Checked with the `:focus`
 * selector (resolved by Playwright, not by a script in the page) so that it also works in a context
 * with JavaScript disabled, where page.evaluate never returns.
 */
export async function isFocused(page: Page, target: Locator): Promise<boolean> {
  return (await target.and(page.locator(':focus')).count()) === 1;
}

/** Presses Tab until the target has focus; returns how many presses it took, or throws after `max`. */
export async function tabTo(page: Page, target: Locator, max = 40): Promise<number> {
  for (let presses = 1; presses <= max; presses++) {
    await page.keyboard.press('Tab');
    if (await isFocused(page, target)) return presses;
  }
  throw new Error(`e2e: ${max} presses of Tab did not reach ${target.toString()}`);
}

/** The accessible description an input gets from aria-describedby (hint, error message), as read. */
export async function describedBy(page: Page, input: Locator): Promise<string> {
  const ids = ((await input.getAttribute('aria-describedby')) ?? '').split(/\s+/).filter(Boolean);
  const texts: string[] = [];
  for (const id of ids) texts.push((await page.locator(`[id="${id}"]`).innerText()).trim());
  // innerText breaks lines around GOV.UK's visually hidden "Error:"; a screen reader reads one line.
  return texts.join(' ').replace(/\s+/g, ' ').trim();
}
