import path from 'node:path';
import pino from 'pino';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { createDb, migrateToLatest } from '../db/index.js';
import type { Db } from '../db/index.js';
import { FileStore } from '../storage/file-store.js';
import { ParsePool } from '../ingestion/parse-pool.js';
import { PostgresTsvectorIndex } from '../search/postgres-tsvector.js';
import type { SearchIndex } from '../search/search-index.js';
import { SqliteFts5Index } from '../search/sqlite-fts5.js';
import { AccountService, DEFAULT_ACCOUNT_OPTIONS } from './account-service.js';
import { AuditService } from './audit-service.js';
import { BriefingService } from './briefings/briefing-service.js';
import { FiguresService } from './figures-service.js';
import { ImportService } from './import-service.js';
import { PublicationService } from './publication-service.js';
import { RetentionService } from './retention-service.js';
import { LogMailer } from './mailer.js';
import type { Mailer } from './mailer.js';
import { ReviewService } from './review-service.js';
import { SearchService } from './search-service.js';
import { ThemeService } from './theme-service.js';
import { UploadService } from './upload-service.js';

export interface Services {
  config: Config;
  db: Db;
  logger: Logger;
  reviews: ReviewService;
  importer: ImportService;
  uploads: UploadService;
  search: SearchService;
  themes: ThemeService;
  figures: FiguresService;
  accounts: AccountService;
  audit: AuditService;
  briefings: BriefingService;
  publication: PublicationService;
  retention: RetentionService;
  files: FileStore;
  close(): Promise<void>;
}

export interface ServiceOptions {
  /** parse files in worker threads (the web server), not on the calling thread (the CLI) */
  parseInWorkers?: boolean;
  /** where password reset emails go (default: the log) */
  mailer?: Mailer;
}

/** The composition root: the web server and the CLI both build their services here. */
export async function createServices(
  config: Config,
  logger?: Logger,
  options: ServiceOptions = {},
): Promise<Services> {
  const log = logger ?? pino({ level: config.logLevel });
  const db = createDb(config);
  await migrateToLatest(db, config.dbSchema);
  const files = new FileStore(path.join(config.dataDir, 'files'));
  const pool = options.parseInWorkers ? new ParsePool(1) : null;
  const index: SearchIndex =
    db.dialect === 'sqlite'
      ? new SqliteFts5Index(db.kysely, { read: db.read })
      : new PostgresTsvectorIndex(db.kysely);
  const accounts = new AccountService(db.kysely, {
    ...DEFAULT_ACCOUNT_OPTIONS,
    sessionIdleMinutes: config.sessionIdleMinutes,
    sessionMaxHours: config.sessionMaxHours,
    mailer: options.mailer ?? new LogMailer(log),
  });
  const audit = new AuditService(db.kysely);
  const themes = new ThemeService(db.kysely, pool ? (b, n) => pool.parse(b, n) : undefined);
  const importer = new ImportService(
    db,
    files,
    config.maxFileBytes,
    log,
    pool ? (b, n) => pool.parse(b, n) : undefined,
    index,
    themes,
  );
  const uploads = new UploadService(db.kysely, importer, config.dataDir, log, audit);
  const search = new SearchService(db.kysely, index);
  const caughtUp = await search.catchUp();
  if (caughtUp) log.info({ reviews: caughtUp }, 'indexed reviews missing from the search index');
  const figures = new FiguresService(db.kysely);
  const figured = await figures.catchUp();
  if (figured) log.info({ reviews: figured }, 'computed readability and language figures of reviews');
  return {
    config,
    db,
    logger: log,
    reviews: new ReviewService(db),
    importer,
    uploads,
    search,
    themes,
    figures,
    accounts,
    audit,
    briefings: new BriefingService(db.kysely, themes, search, audit),
    publication: new PublicationService(db.kysely, index, themes, audit),
    retention: new RetentionService(db.kysely, files, index, audit),
    files,
    async close() {
      await uploads.idle();
      await pool?.close();
      await db.close();
    },
  };
}
