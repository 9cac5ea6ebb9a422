import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

export const CHROMIUM_PATH = '/usr/bin/chromium';

const INSTALL_TIMEOUT_MS = 10 * 60 * 1000;

/**
 * The browser journeys drive Debian's Chromium, not a Playwright-downloaded build: only the package
 * registries are reachable from our machines, so `playwright install` cannot work. A fresh machine
 * (developer or CI) gets the `chromium` package here, the first time a journey needs it.
 */
export async function ensureChromium(): Promise<string> {
  if (fs.existsSync(CHROMIUM_PATH)) return CHROMIUM_PATH;

  process.stderr.write(
    `e2e: ${CHROMIUM_PATH} is missing; installing Debian's chromium package (needs root)…\n`,
  );
  run('apt-get', ['update']);
  run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium']);

  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `e2e: Chromium is still missing at ${CHROMIUM_PATH} after apt-get install; ` +
        'install it by hand with `apt-get update && apt-get install -y --no-install-recommends chromium` (as root).',
    );
  }
  return CHROMIUM_PATH;
}

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, {
    // apt's progress goes to stderr so a test runner's stdout stays readable.
    stdio: ['ignore', 2, 2],
    timeout: INSTALL_TIMEOUT_MS,
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  const line = `${command} ${args.join(' ')}`;
  if (result.error) throw new Error(`e2e: \`${line}\` could not run: ${result.error.message}`);
  if (result.signal)
    throw new Error(
      `e2e: \`${line}\` was stopped by ${result.signal} (time limit ${INSTALL_TIMEOUT_MS / 60000} min?)`,
    );
  if (result.status !== 0) throw new Error(`e2e: \`${line}\` exited with status ${result.status}`);
}
