import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ensureChromium } from './chromium.js';

export interface BrowserOptions {
  /** false for the no-JavaScript variant of a journey: every page must work without it */
  javaScriptEnabled?: boolean;
}

// Headless as root in a container (no sandbox, no GPU), and none of Chromium's own traffic (updates,
// sync, QUIC, first-run) since the machines reach nothing but the test server.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

const VIEWPORT = { width: 1280, height: 900 };

// Chromium sets JavaScript per context, and Playwright cannot read it back; axe.ts needs to know.
const browserDefaults = new WeakMap<Browser, boolean>();
const contextsWithoutJs = new WeakSet<BrowserContext>();

/** Debian's Chromium (installed on first use), with a default for the pages newPage() opens in it. */
export async function launchBrowser(options: BrowserOptions = {}): Promise<Browser> {
  const executablePath = await ensureChromium();
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  browserDefaults.set(browser, options.javaScriptEnabled ?? true);
  return browser;
}

/**
 * A page in a context of its own, so cookies never leak between journeys; close it with
 * `page.context().close()`. javaScriptEnabled defaults to what launchBrowser() was given.
 */
export async function newPage(browser: Browser, options: BrowserOptions = {}): Promise<Page> {
  const javaScriptEnabled = options.javaScriptEnabled ?? browserDefaults.get(browser) ?? true;
  const context = await browser.newContext({ javaScriptEnabled, viewport: VIEWPORT });
  if (!javaScriptEnabled) contextsWithoutJs.add(context);
  return context.newPage();
}

export function isJavaScriptEnabled(page: Page): boolean {
  return !contextsWithoutJs.has(page.context());
}

export { VIEWPORT };
