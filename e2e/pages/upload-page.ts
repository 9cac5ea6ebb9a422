import type { Locator, Page, Response } from 'playwright-core';
import { describedBy, follow, isFocused } from './navigation.js';
import { UploadStatusPage } from './upload-status-page.js';

/** A file chosen in the test rather than from disk. */
export interface FilePayload {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** `/upload`: the "Review file" input, optional details, and the GOV.UK error summary when something is wrong. */
export class UploadPage {
  readonly heading: Locator;
  readonly fileInput: Locator;
  readonly uploadButton: Locator;
  /** The GOV.UK error summary ("There is a problem"); its role="alert" box sits inside the focusable summary. */
  readonly errorSummary: Locator;

  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.fileInput = page.getByLabel('Review file');
    this.uploadButton = page.getByRole('button', { name: 'Upload review' });
    this.errorSummary = page
      .getByRole('alert')
      .filter({ has: page.getByRole('heading', { name: 'There is a problem' }) });
  }

  goto(): Promise<Response | null> {
    return this.page.goto(`${this.baseUrl}/upload`);
  }

  /** A path on disk, or bytes built in the test. */
  async chooseFile(file: string | FilePayload): Promise<void> {
    await this.fileInput.setInputFiles(file);
  }

  /** Presses "Upload review": the next page is this form again (with errors) or the status page. */
  async submit(): Promise<void> {
    await follow(this.page, this.uploadButton);
  }

  async upload(file: string | FilePayload): Promise<UploadStatusPage> {
    await this.chooseFile(file);
    await this.submit();
    const status = new UploadStatusPage(this.page, this.baseUrl);
    await status.waitForResult();
    return status;
  }

  async errorSummaryLinks(): Promise<string[]> {
    return (await this.errorSummary.getByRole('link').allInnerTexts()).map((t) => t.trim());
  }

  /**
   * Whether the error summary has keyboard focus (GOV.UK Frontend's script moves focus to it, so a
   * screen reader announces it first). The focus lands on the summary box around the alert.
   */
  async isErrorSummaryFocused(): Promise<boolean> {
    const summaryBox = this.errorSummary.locator('xpath=..');
    return (await isFocused(this.page, summaryBox)) || (await isFocused(this.page, this.errorSummary));
  }

  /** What a screen reader reads with the file input: its hint and, after a failed submit, its error message. */
  fileInputDescription(): Promise<string> {
    return describedBy(this.page, this.fileInput);
  }
}
