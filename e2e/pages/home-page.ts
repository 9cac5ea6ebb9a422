import type { Locator, Page, Response } from 'playwright-core';
import { follow } from './navigation.js';
import { SearchPage } from './search-page.js';

/** `/`: the search box, the library's counts and the recently added reviews. */
export class HomePage {
  readonly heading: Locator;
  readonly searchBox: Locator;
  readonly searchButton: Locator;

  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.searchBox = page.getByLabel('Search the reviews');
    this.searchButton = page.getByRole('button', { name: 'Search reviews' });
  }

  goto(): Promise<Response | null> {
    return this.page.goto(`${this.baseUrl}/`);
  }

  async search(words: string): Promise<SearchPage> {
    await this.searchBox.fill(words);
    await follow(this.page, this.searchButton);
    return new SearchPage(this.page, this.baseUrl);
  }
}
