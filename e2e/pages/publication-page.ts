import type { Locator, Page } from 'playwright-core';
import { follow } from './navigation.js';

/** `/reviews/{id}/publication`: the anonymisation check of a draft, its findings, and publishing. */
export class PublicationPage {
  readonly heading: Locator;
  readonly runCheckButton: Locator;
  readonly publishButton: Locator;
  /** one card per finding, titled "Kind: “words”" */
  readonly findings: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.runCheckButton = page.getByRole('button', { name: /anonymisation check|Run the check again/ });
    this.publishButton = page.getByRole('button', { name: 'Publish the review' });
    this.findings = page.locator('.govuk-summary-card');
  }

  async runCheck(): Promise<void> {
    await follow(this.page, this.runCheckButton);
  }

  async findingTitles(): Promise<string[]> {
    return this.findings.locator('.govuk-summary-card__title').allInnerTexts();
  }

  /** Presses "Remove it" on each open finding in turn (each press loads the page again). */
  async removeAll(): Promise<number> {
    let removed = 0;
    for (;;) {
      const button = this.page.getByRole('button', { name: 'Remove it' }).first();
      if ((await button.count()) === 0) return removed;
      await follow(this.page, button);
      removed++;
    }
  }

  async publish(): Promise<void> {
    await follow(this.page, this.publishButton);
  }
}
