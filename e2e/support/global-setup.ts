import { ensureChromium } from './chromium.js';

/**
 * Runs once before any test file: installs Debian's Chromium if it is missing, so that browser
 * journeys in parallel test files never race two apt-get runs against each other.
 */
export default async function setup(): Promise<void> {
  await ensureChromium();
}
