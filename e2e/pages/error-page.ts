import type { Locator, Page, Response } from 'playwright-core';

/** The GOV.UK error pages: "Page not found", "Sorry, there is a problem with the service". */
export class ErrorPage {
  readonly heading: Locator;

  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {
    this.heading = page.getByRole('heading', { level: 1 });
  }

  goto(path: string): Promise<Response | null> {
    return this.page.goto(`${this.baseUrl}${path}`);
  }

  async headingText(): Promise<string> {
    return (await this.heading.innerText()).trim();
  }
}
