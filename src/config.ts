import path from 'node:path';
import { z } from 'zod';

/** Every environment variable the service reads; each is listed in .env.example. */
const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  SLH_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  SLH_DB_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'must be a lower-case SQL identifier')
    .optional(),
  SLH_MAX_FILE_MB: z.coerce.number().positive().default(100),
  SLH_UPLOADS: z.enum(['on', 'off']).default('on'),
  SLH_UPLOAD_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(10000).default(20),
  SLH_SECURE_COOKIES: z.enum(['on', 'off']).default('on'),
  SLH_SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).max(1440).default(120),
  SLH_SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(168).default(12),
  SLH_PUBLIC_URL: z
    .string()
    .regex(
      /^https?:\/\/[^/]+$/,
      'must be a scheme and host without a trailing slash, like https://learning.example.org',
    )
    .optional()
    .or(z.literal('').transform(() => undefined)),
  SLH_TRUST_PROXY: z
    .string()
    .regex(
      /^(off|on|[0-9a-fA-F:./]+(,[0-9a-fA-F:./]+)*)$/,
      "must be off, on, or the proxies' addresses (comma-separated, CIDR allowed)",
    )
    .default('off'),
  SLH_RETENTION_YEARS: z.coerce.number().int().min(0).max(100).default(5),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  dbSchema: string | undefined;
  maxFileBytes: number;
  logLevel: z.infer<typeof schema>['LOG_LEVEL'];
  /** the upload pages and API; until accounts exist anyone who can reach the service may upload */
  uploadsEnabled: boolean;
  uploadRatePerMinute: number;
  /** the Secure flag on cookies; off only for plain-http development away from localhost */
  secureCookies: boolean;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  /** the address people reach the service at, for links sent by email */
  publicUrl: string;
  /** years after publication when a report's full copy is withdrawn (0: never) */
  retentionYears: number;
  /** read the client's address from X-Forwarded-For: false, true (any proxy), or the proxies' addresses */
  trustProxy: boolean | string;
}

export class ConfigError extends Error {
  readonly code = 'config_invalid';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`Invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.SLH_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    dbSchema: e.SLH_DB_SCHEMA,
    maxFileBytes: Math.round(e.SLH_MAX_FILE_MB * 1024 * 1024),
    logLevel: e.LOG_LEVEL,
    uploadsEnabled: e.SLH_UPLOADS === 'on',
    uploadRatePerMinute: e.SLH_UPLOAD_RATE_PER_MINUTE,
    secureCookies: e.SLH_SECURE_COOKIES === 'on',
    sessionIdleMinutes: e.SLH_SESSION_IDLE_MINUTES,
    sessionMaxHours: e.SLH_SESSION_MAX_HOURS,
    publicUrl: e.SLH_PUBLIC_URL ?? `http://${e.HOST}:${e.PORT}`,
    retentionYears: e.SLH_RETENTION_YEARS,
    trustProxy: e.SLH_TRUST_PROXY === 'on' ? true : e.SLH_TRUST_PROXY === 'off' ? false : e.SLH_TRUST_PROXY,
  };
}
