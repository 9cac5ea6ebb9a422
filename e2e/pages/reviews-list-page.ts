import type { Locator, Page, Response } from 'playwright-core';
import { follow } from './navigation.js';
import { ReviewPage } from './review-page.js';

/** `/reviews`: the filter panel, the count of matching reviews, the results and the pagination. */
export class ReviewsListPage {
  readonly heading: Locator;
  /** "Showing 1 to 20 of 44 reviews", "1 review" or "No reviews match these filters." */
  readonly count: Locator;
  /** One list item per review: its title (a level 2 heading with a link) and a line of details. */
  readonly results: Locator;
  readonly applyFiltersButton: Locator;
  readonly pagination: Locator;

  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {
    const main = page.getByRole('main');
    this.heading = page.getByRole('heading', { level: 1 });
    this.count = main.getByRole('status');
    this.results = main.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 2 }) });
    this.applyFiltersButton = page.getByRole('button', { name: 'Apply filters' });
    this.pagination = page.getByRole('navigation', { name: /pagination/i });
  }

  /** `search` is the query string, e.g. `q=Test%20Journey`, or nothing for every review. */
  goto(search = ''): Promise<Response | null> {
    return this.page.goto(`${this.baseUrl}/reviews${search ? `?${search}` : ''}`);
  }

  async countText(): Promise<string> {
    return (await this.count.innerText()).trim();
  }

  async resultTitles(): Promise<string[]> {
    return (await this.results.getByRole('heading', { level: 2 }).allInnerTexts()).map((t) => t.trim());
  }

  /** Where each result's title leads (/reviews/{id}). */
  async resultLinks(): Promise<string[]> {
    const links = await this.results.getByRole('heading', { level: 2 }).getByRole('link').all();
    const hrefs: string[] = [];
    for (const link of links) hrefs.push((await link.getAttribute('href')) ?? '');
    return hrefs;
  }

  /** Each result's line of details: type of review, publisher and place, date published. */
  async resultDetails(): Promise<string[]> {
    return (await this.results.getByRole('paragraph').allInnerTexts()).map((t) => t.trim());
  }

  /** Ticks a checkbox in one of the filter panel's groups, e.g. ("Type of review", "Safeguarding adults review"). */
  async tick(group: string, option: string): Promise<void> {
    await this.page
      .getByRole('group', { name: group })
      .getByRole('checkbox', { name: option, exact: true })
      .check();
  }

  async applyFilters(): Promise<void> {
    await follow(this.page, this.applyFiltersButton);
  }

  /** The links that take one filter away, e.g. "Remove filter Region: London". */
  removeFilterLink(label: string): Locator {
    return this.page.getByRole('link', { name: `Remove filter ${label}`, exact: true });
  }

  async removeFilter(label: string): Promise<void> {
    await follow(this.page, this.removeFilterLink(label));
  }

  async nextPage(): Promise<void> {
    await follow(this.page, this.pagination.getByRole('link', { name: /^Next/ }));
  }

  async openReview(title: string): Promise<ReviewPage> {
    await follow(this.page, this.results.getByRole('link', { name: title, exact: true }));
    return new ReviewPage(this.page, this.baseUrl);
  }

  /** The filter state, as the address bar holds it. */
  searchParams(): URLSearchParams {
    return new URL(this.page.url()).searchParams;
  }
}
