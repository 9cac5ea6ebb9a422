import type { Locator, Page, Response } from 'playwright-core';
import { follow } from './navigation.js';
import { ReviewPage } from './review-page.js';

const IN_PROGRESS = ['Your file is waiting to be read', 'Your file is being read'];

/** `/uploads/{id}`: what happened to an uploaded file. */
export class UploadStatusPage {
  readonly heading: Locator;
  /** The problem with a file that could not be added (an alert naming the file and what is wrong). */
  readonly problem: Locator;
  /** "Read <title>" once the review has been added. */
  readonly readReviewLink: Locator;

  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.problem = page.getByRole('alert');
    this.readReviewLink = page.getByRole('main').getByRole('link', { name: /^Read / });
  }

  goto(jobId: string): Promise<Response | null> {
    return this.page.goto(`${this.baseUrl}/uploads/${jobId}`);
  }

  async headingText(): Promise<string> {
    return (await this.heading.innerText()).trim();
  }

  /**
   * A small file is normally read before the form answers; a slow machine may show "being read"
   * first. Then, as a person would, press "Check again" until there is a result (with JavaScript the
   * page also reloads itself; either way a new page loads).
   */
  async waitForResult(attempts = 30): Promise<string> {
    for (let i = 0; i < attempts; i++) {
      const heading = await this.headingText();
      if (!IN_PROGRESS.includes(heading)) return heading;
      await this.page.waitForTimeout(1000);
      if (IN_PROGRESS.includes(await this.headingText())) {
        await follow(this.page, this.page.getByRole('link', { name: 'Check again' }));
      }
    }
    throw new Error(`e2e: the upload at ${this.page.url()} was still being read after ${attempts} checks`);
  }

  async problemText(): Promise<string> {
    return (await this.problem.innerText()).trim();
  }

  async readReview(): Promise<ReviewPage> {
    await follow(this.page, this.readReviewLink);
    return new ReviewPage(this.page, this.baseUrl);
  }
}
