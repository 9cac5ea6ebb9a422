import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe.js';
import { launchBrowser, newPage } from './support/browser.js';
import { startTestServer } from './support/server.js';
import type { TestServer } from './support/server.js';

const SETUP_TIMEOUT_MS = 120_000;

describe('smoke: the app in a real browser', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  }, SETUP_TIMEOUT_MS);

  it('shows the health check as JSON with status ok', async () => {
    const page = await newPage(browser);
    try {
      const response = await page.goto(`${server.baseUrl}/health`);
      expect(response?.status()).toBe(200);
      expect(response?.headers()['content-type']).toMatch(/^application\/json/);
      const body = (await response?.json()) as { status?: unknown; database?: { backend?: unknown } };
      expect(body.status).toBe('ok');
      expect(body.database?.backend).toBe('sqlite');
      expect(await page.locator('body').innerText()).toContain('"status":"ok"');
    } finally {
      await page.context().close();
    }
  });

  it.for([true, false])(
    'serves a home page with no WCAG 2.2 AA violations (JavaScript enabled: %s)',
    async (javaScriptEnabled, context) => {
      const page = await newPage(browser, { javaScriptEnabled });
      try {
        const response = await page.goto(`${server.baseUrl}/`);
        if (response?.status() === 404) {
          // The web pages are being built; until / exists this smoke test checks only the health route.
          console.warn('e2e smoke: GET / answered 404, so the home page accessibility check was skipped');
          context.skip();
        }
        expect(response?.status(), `GET / answered ${response?.status()}`).toBe(200);
        await expectNoAxeViolations(page, `home page (/), JavaScript ${javaScriptEnabled ? 'on' : 'off'}`);
      } finally {
        await page.context().close();
      }
    },
  );
});
