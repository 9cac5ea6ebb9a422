import type { Locator, Page } from 'playwright-core';
import { follow } from './navigation.js';

/** `/sign-in`: email address, password, and the GOV.UK error summary when they are wrong. */
export class SignInPage {
  readonly heading: Locator;
  readonly email: Locator;
  readonly password: Locator;
  readonly button: Locator;

  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.email = page.getByLabel('Email address');
    this.password = page.getByLabel('Password', { exact: true });
    this.button = page.getByRole('button', { name: 'Sign in' });
  }

  async goto(next?: string): Promise<void> {
    await this.page.goto(`${this.baseUrl}/sign-in${next ? `?next=${encodeURIComponent(next)}` : ''}`);
  }

  async signIn(email: string, password: string): Promise<void> {
    await this.email.fill(email);
    await this.password.fill(password);
    await follow(this.page, this.button);
  }

  errorSummaryLinks(): Promise<string[]> {
    return this.page.locator('.govuk-error-summary__list a').allInnerTexts();
  }
}
