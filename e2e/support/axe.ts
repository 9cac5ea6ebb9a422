import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { isJavaScriptEnabled } from './browser.js';

// axe-core's own types, taken from the builder so we need not import axe-core (a transitive dependency).
type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>;

/** WCAG 2.2 AA, as the public sector accessibility regulations require, with the 2.0/2.1 rules it builds on. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Runs axe-core on the page as it is now and throws when it finds any WCAG A/AA violation, with a
 * message naming each rule, its impact and where it failed, so a red test says what to fix.
 *
 * The pages' strict Content-Security-Policy stays on: AxeBuilder injects axe through the DevTools
 * protocol, which CSP does not govern (checked with a `script-src 'self'` page), so no bypassCSP.
 * A context with JavaScript disabled cannot run axe at all (evaluate never returns), so such a page
 * is checked as a copy: see checkAsServed().
 */
export async function expectNoAxeViolations(page: Page, label: string): Promise<void> {
  const results = isJavaScriptEnabled(page) ? await analyze(page) : await checkAsServed(page);
  if (results.violations.length > 0) throw new Error(formatViolations(label, results.violations));
}

function analyze(page: Page): Promise<AxeResults> {
  return new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
}

/**
 * For the no-JavaScript variant: the page's current HTML is served again, at the same address and
 * with the same cookies, into a JavaScript-enabled context, under a CSP of `script-src 'none'` so
 * the page's own scripts still do not run; axe then sees exactly what a person without JavaScript
 * sees (including the result of a form post, which re-requesting the URL would not give).
 */
async function checkAsServed(page: Page): Promise<AxeResults> {
  const browser = page.context().browser();
  if (!browser) throw new Error('e2e: expectNoAxeViolations needs a page from launchBrowser()');
  const html = await page.content();
  const address = page.url().split('#')[0] ?? page.url();
  const context = await browser.newContext({
    storageState: await page.context().storageState(),
    viewport: page.viewportSize(),
  });
  try {
    await context.route(
      (url) => url.href === address,
      (route) =>
        route.request().isNavigationRequest()
          ? route.fulfill({
              status: 200,
              headers: {
                'content-type': 'text/html; charset=utf-8',
                'content-security-policy': "script-src 'none'",
              },
              body: html,
            })
          : route.fallback(),
    );
    const copy = await context.newPage();
    await copy.goto(address);
    return await analyze(copy);
  } finally {
    await context.close();
  }
}

export function formatViolations(label: string, violations: AxeResults['violations']): string {
  const lines = violations.map((v) => {
    // A target is a list of selectors: one per iframe or shadow root on the way to the element.
    const targets = v.nodes.slice(0, 3).map((n) => n.target.map(String).join(' >>> '));
    const more = v.nodes.length > 3 ? ` (+${v.nodes.length - 3} more)` : '';
    return `  - ${v.id} [${v.impact ?? 'no impact given'}]: ${v.help}\n      at ${targets.join(', ')}${more}\n      see ${v.helpUrl}`;
  });
  const count =
    violations.length === 1 ? '1 accessibility violation' : `${violations.length} accessibility violations`;
  return `${label}: ${count}\n${lines.join('\n')}`;
}
