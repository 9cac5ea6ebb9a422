import path from 'node:path';
import pino from 'pino';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { createDb, migrateToLatest } from '../db/index.js';
import type { Db } from '../db/index.js';
import { FileStore } from '../storage/file-store.js';
import { ImportService } from './import-service.js';
import { ReviewService } from './review-service.js';

export interface Services {
  config: Config;
  db: Db;
  logger: Logger;
  reviews: ReviewService;
  importer: ImportService;
  close(): Promise<void>;
}

/** The composition root: the web server and the CLI both build their services here. */
export async function createServices(config: Config, logger?: Logger): Promise<Services> {
  const log = logger ?? pino({ level: config.logLevel });
  const db = createDb(config);
  await migrateToLatest(db, config.dbSchema);
  const files = new FileStore(path.join(config.dataDir, 'files'));
  return {
    config,
    db,
    logger: log,
    reviews: new ReviewService(db),
    importer: new ImportService(db, files, config.maxFileBytes, log),
    close: () => db.close(),
  };
}
