import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import type { Config } from '../../src/config.js';
import { dropSchema } from '../../src/db/index.js';
import { createServices } from '../../src/services/index.js';
import type { Database } from '../../src/db/types.js';
import type { ServiceOptions, Services } from '../../src/services/index.js';

export type Backend = 'sqlite' | 'postgres';

/** SQLite always; PostgreSQL too when DATABASE_URL is set (as .ci/run does). */
export const BACKENDS: Backend[] = process.env['DATABASE_URL'] ? ['sqlite', 'postgres'] : ['sqlite'];

export interface TestEnv {
  services: Services;
  config: Config;
  /** environment for a child `slh` process that must see the same store */
  env: NodeJS.ProcessEnv;
  cleanup(): Promise<void>;
}

/**
 * A fresh, empty store: a temp folder for SQLite, or a new schema for PostgreSQL, so test files
 * running in parallel never see each other's data.
 */
export async function testEnv(
  backend: Backend,
  overrides: Partial<Config> = {},
  options: ServiceOptions = {},
): Promise<TestEnv> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'slh-test-'));
  const schema =
    backend === 'postgres' ? `t_${process.pid}_${Math.random().toString(36).slice(2, 10)}` : undefined;
  const config: Config = {
    port: 0,
    host: '127.0.0.1',
    dataDir,
    databaseUrl: backend === 'postgres' ? process.env['DATABASE_URL'] : undefined,
    dbSchema: schema,
    maxFileBytes: 100 * 1024 * 1024,
    logLevel: 'silent',
    uploadsEnabled: true,
    uploadRatePerMinute: 1000,
    secureCookies: true,
    sessionIdleMinutes: 120,
    sessionMaxHours: 12,
    publicUrl: 'http://127.0.0.1:3000',
    retentionYears: 5,
    trustProxy: false,
    ...overrides,
  };
  const services = await createServices(config, pino({ level: 'silent' }), options);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    SLH_DATA_DIR: dataDir,
    DATABASE_URL: config.databaseUrl ?? '',
    SLH_DB_SCHEMA: schema ?? '',
    SLH_MAX_FILE_MB: String(config.maxFileBytes / 1048576),
    LOG_LEVEL: 'warn',
  };
  if (!schema) delete env['SLH_DB_SCHEMA'];
  return {
    services,
    config,
    env,
    async cleanup() {
      await services.close();
      if (schema && config.databaseUrl) await dropSchema(config.databaseUrl, schema);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** How many rows each of these tables holds: to show that a failed or hostile request stored nothing. */
export async function rowCounts<T extends keyof Database>(
  services: Services,
  tables: readonly T[],
): Promise<Record<T, number>> {
  const counts = {} as Record<T, number>;
  for (const table of tables) {
    const row = await services.db.kysely
      .selectFrom(table as keyof Database)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts;
}
