import type { Locator, Page, Response } from 'playwright-core';
import { follow } from './navigation.js';
import { ReviewPage } from './review-page.js';

/** `/search`: the words, the "Refine" panel with facet counts, the results with their snippets. */
export class SearchPage {
  readonly heading: Locator;
  readonly searchBox: Locator;
  /** "12 reviews found for “…”" */
  readonly count: Locator;
  /** One item per result: a level 2 heading with a link, details, snippets. */
  readonly results: Locator;

  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {
    const main = page.getByRole('main');
    this.heading = page.getByRole('heading', { level: 1 });
    this.searchBox = page.getByRole('searchbox', { name: 'Search for' });
    this.count = main.getByRole('status');
    this.results = page.locator('#results > li');
  }

  goto(search = ''): Promise<Response | null> {
    return this.page.goto(`${this.baseUrl}/search${search ? `?${search}` : ''}`);
  }

  searchParams(): URLSearchParams {
    return new URL(this.page.url()).searchParams;
  }

  async countText(): Promise<string> {
    return (await this.count.innerText()).trim();
  }

  async resultTitles(): Promise<string[]> {
    return (await this.results.getByRole('heading', { level: 2 }).allInnerTexts()).map((t) => t.trim());
  }

  /** The highlighted words of every snippet shown. */
  async highlighted(): Promise<string[]> {
    return (await this.results.locator('mark').allInnerTexts()).map((t) => t.trim().toLowerCase());
  }

  /** Ticks a facet value in a group of the Refine panel, opening the group first if it is folded away. */
  async tick(group: string, optionStartingWith: string): Promise<void> {
    const details = this.page.locator('details').filter({ has: this.page.getByText(group, { exact: true }) });
    if ((await details.count()) > 0 && !(await details.first().getAttribute('open')))
      await details.first().locator('summary').click();
    await this.page
      .getByRole('group', { name: group })
      .getByRole('checkbox', {
        name: new RegExp(`^${optionStartingWith.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(\\d+\\)$`),
      })
      .check();
  }

  async chooseView(label: 'Reviews' | 'Every matching paragraph'): Promise<void> {
    await this.page.getByRole('radio', { name: label, exact: true }).check();
  }

  async apply(): Promise<void> {
    await follow(this.page, this.page.getByRole('button', { name: 'Apply' }));
  }

  async openResult(title: string): Promise<ReviewPage> {
    await follow(this.page, this.results.getByRole('link', { name: title, exact: true }).first());
    return new ReviewPage(this.page, this.baseUrl);
  }
}
