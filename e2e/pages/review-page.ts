import type { Locator, Page, Response } from 'playwright-core';

/** `/reviews/{id}`: a review's details, contents, numbered paragraphs and recommendations. */
export class ReviewPage {
  readonly heading: Locator;
  readonly contents: Locator;
  /** The Contents link to the recommendations, e.g. "Recommendations (8)". */
  readonly recommendationsLink: Locator;
  /** The section the recommendations link leads to (#recommendations). */
  readonly recommendations: Locator;

  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.contents = page.getByRole('navigation', { name: 'Contents' });
    this.recommendationsLink = this.contents.getByRole('link', { name: /\(\d+\)$/ });
    // The section's id is the contract the Contents link and shared links (#recommendations) rely on.
    this.recommendations = page.locator('[id="recommendations"]');
  }

  goto(id: string): Promise<Response | null> {
    return this.page.goto(`${this.baseUrl}/reviews/${id}`);
  }

  async title(): Promise<string> {
    return (await this.heading.innerText()).trim();
  }

  /** A value from the summary list of details, e.g. detail("Published by"); undefined when absent. */
  async detail(key: string): Promise<string | undefined> {
    const main = this.page.getByRole('main');
    const keys = (await main.getByRole('term').allInnerTexts()).map((t) => t.trim());
    const values = (await main.getByRole('definition').allInnerTexts()).map((t) => t.trim());
    return values[keys.indexOf(key)];
  }

  /** Clicks "Recommendations (N)" in Contents: a jump within the page, so no new page loads. */
  async jumpToRecommendations(): Promise<void> {
    await this.recommendationsLink.click();
    await this.page.waitForURL((url) => url.hash === '#recommendations');
  }

  /** The first recommendation: a list item, or a numbered paragraph in reports that number them so. */
  firstRecommendation(): Locator {
    return this.recommendations.getByRole('listitem').or(this.recommendations.getByRole('paragraph')).first();
  }

  /** A numbered paragraph, by the anchor it can be linked with: paragraph("1.1") is #para-1.1. */
  paragraph(number: string): Locator {
    return this.page.locator(`[id="para-${number}"]`);
  }

  hash(): string {
    return new URL(this.page.url()).hash;
  }

  /** Whether any part of the element is inside the browser window as it is scrolled now. */
  async isInViewport(target: Locator): Promise<boolean> {
    const box = await target.boundingBox();
    const viewport = this.page.viewportSize();
    if (!box || !viewport) return false;
    return (
      box.y + box.height > 0 && box.y < viewport.height && box.x + box.width > 0 && box.x < viewport.width
    );
  }
}
