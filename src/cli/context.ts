import pino from 'pino';
import { loadConfig } from '../config.js';
import type { Config } from '../config.js';
import { createServices } from '../services/index.js';
import type { Services } from '../services/index.js';

/** Exit codes every command shares. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

export class UsageError extends Error {}

/** Services for a CLI command; logs go to stderr so stdout stays clean for --json. */
export async function cliServices(quiet: boolean, overrides: Partial<Config> = {}): Promise<Services> {
  const config = { ...loadConfig(), ...overrides };
  const level = quiet && config.logLevel === 'info' ? 'warn' : config.logLevel;
  const logger = pino({ level }, pino.destination(2));
  return createServices(config, logger);
}
