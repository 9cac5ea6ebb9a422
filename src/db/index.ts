import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import type { Migration, MigrationProvider } from 'kysely';
import pg from 'pg';
import type { Dialect } from './dialect.js';
import { reviewLibrary } from './migrations/0001_review_library.js';
import { uploadJobs } from './migrations/0002_upload_jobs.js';
import { searchIndex } from './migrations/0003_search_index.js';
import { reviewTerms } from './migrations/0004_review_terms.js';
import { reviewsUpdatedIndex } from './migrations/0005_reviews_updated_index.js';
import { reviewSearch } from './migrations/0006_review_search.js';
import { themes } from './migrations/0007_themes.js';
import { accounts } from './migrations/0008_accounts.js';
import { publication } from './migrations/0009_publication.js';
import { retention } from './migrations/0010_retention.js';
import { briefings } from './migrations/0011_briefings.js';
import { reviewSearchColumns } from './migrations/0012_review_search_columns.js';
import { reviewFigures } from './migrations/0013_review_figures.js';
import { reviewSearchSample } from './migrations/0014_review_search_sample.js';
import { passageSample } from './migrations/0015_passage_sample.js';
import { termReviews } from './migrations/0016_term_reviews.js';
import { passageFilters } from './migrations/0017_passage_filters.js';
import { passageAccess } from './migrations/0018_passage_access.js';
import { SqliteReadPool, readOnlyKysely } from './sqlite-read-pool.js';
import type { Database } from './types.js';

export type { Dialect } from './dialect.js';

export interface DbOptions {
  dataDir: string;
  databaseUrl?: string | undefined;
  dbSchema?: string | undefined;
}

export interface Db {
  kysely: Kysely<Database>;
  /**
   * For long reads (searches), off the server's thread: on SQLite, read-only connections in worker
   * threads (which see what the main connection has committed); on PostgreSQL, the same pool.
   */
  read: Kysely<Database>;
  dialect: Dialect;
  /** Where the data lives, for /health and logs; never includes a password. */
  location: string;
  close(): Promise<void>;
}

// node-postgres returns BIGINT (count(*), sums) as strings; our counts fit in a JS number.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));

/** One place that knows the migrations, in order; each is written once for both backends. */
function migrationsFor(dialect: Dialect): Record<string, Migration> {
  return {
    '0001_review_library': reviewLibrary(dialect),
    '0002_upload_jobs': uploadJobs(),
    '0003_search_index': searchIndex(dialect),
    '0004_review_terms': reviewTerms(),
    '0005_reviews_updated_index': reviewsUpdatedIndex(),
    '0006_review_search': reviewSearch(dialect),
    '0007_themes': themes(dialect),
    '0008_accounts': accounts(dialect),
    '0009_publication': publication(dialect),
    '0010_retention': retention(),
    '0011_briefings': briefings(),
    '0012_review_search_columns': reviewSearchColumns(dialect),
    '0013_review_figures': reviewFigures(),
    '0014_review_search_sample': reviewSearchSample(dialect),
    '0015_passage_sample': passageSample(dialect),
    '0016_term_reviews': termReviews(dialect),
    '0017_passage_filters': passageFilters(dialect),
    '0018_passage_access': passageAccess(dialect),
  };
}

class StaticProvider implements MigrationProvider {
  constructor(private readonly migrations: Record<string, Migration>) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    return this.migrations;
  }
}

export function createDb(options: DbOptions): Db {
  if (options.databaseUrl) {
    const url = new URL(options.databaseUrl);
    const schema = options.dbSchema;
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: 10,
      ...(schema ? { options: `-c search_path=${schema}` } : {}),
    });
    const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return {
      kysely,
      read: kysely,
      dialect: 'postgres',
      location: `postgresql://${url.hostname}:${url.port || 5432}${url.pathname}${schema ? ` (schema ${schema})` : ''}`,
      close: () => kysely.destroy(),
    };
  }
  fs.mkdirSync(options.dataDir, { recursive: true });
  const file = path.join(options.dataDir, 'slh.sqlite');
  const database = new SQLite(file);
  database.pragma('journal_mode = WAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  database.pragma('synchronous = NORMAL');
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
  const read = readOnlyKysely(new SqliteReadPool(file));
  return {
    kysely,
    read,
    dialect: 'sqlite',
    location: file,
    close: async () => {
      await read.destroy();
      await kysely.destroy();
    },
  };
}

export class MigrationError extends Error {
  readonly code = 'migration_failed';
}

/** Brings the schema up to date; safe to run from several processes at once (Kysely takes a lock). */
export async function migrateToLatest(db: Db, schema?: string): Promise<void> {
  const migrations = migrationsFor(db.dialect);
  if (await upToDate(db, schema, Object.keys(migrations))) return;
  if (db.dialect === 'postgres' && schema) {
    await sql`create schema if not exists ${sql.id(schema)}`.execute(db.kysely);
  }
  const migrator = new Migrator({
    db: db.kysely,
    provider: new StaticProvider(migrations),
    // Numbers are handed out to work in progress: a library may have run 0013 before 0012 arrives.
    allowUnorderedMigrations: true,
    ...(db.dialect === 'postgres' && schema ? { migrationTableSchema: schema } : {}),
  });
  for (let attempt = 1; ; attempt++) {
    const { error, results } = await migrator.migrateToLatest();
    if (!error) return;
    // Before migrating, Kysely reads the catalogue of every schema in the database, and a schema
    // dropped meanwhile (test runs in parallel drop theirs) fails that read with "does not exist".
    // Nothing has run then (no results): read again.
    const message = String((error as Error).message ?? error);
    if (results === undefined && attempt < 3 && /does not exist/.test(message)) continue;
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new MigrationError(`Database migration ${failed} failed: ${message}`);
  }
}

/**
 * Whether every migration has run, read from the migration table alone. Kysely's migrator first looks
 * for its tables through the catalogue of every schema in the database, and that fails when another
 * library's schema is dropped at the same moment (test runs in parallel drop theirs): a process
 * starting on an up-to-date library, which is nearly every start, need not ask.
 */
async function upToDate(db: Db, schema: string | undefined, names: readonly string[]): Promise<boolean> {
  const table =
    db.dialect === 'postgres' && schema
      ? sql.table(`${schema}.kysely_migration`)
      : sql.table('kysely_migration');
  try {
    const rows = await sql<{ name: string }>`select name from ${table}`.execute(db.kysely);
    const done = new Set(rows.rows.map((r) => r.name));
    return done.size === names.length && names.every((n) => done.has(n));
  } catch {
    // no migration table yet (a new library), or one we cannot read: the migrator decides
    return false;
  }
}

/** Drops a PostgreSQL schema and everything in it (test and benchmark stores). */
export async function dropSchema(databaseUrl: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`drop schema if exists ${client.escapeIdentifier(schema)} cascade`);
  } finally {
    await client.end();
  }
}

/** A cheap round trip for health checks. */
export async function pingDb(db: Db): Promise<void> {
  await sql`select 1`.execute(db.kysely);
}
