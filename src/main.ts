import type { FastifyInstance } from 'fastify';
import { createApp } from './app/create-app.js';
import { loadDemoIfEmpty } from './services/demo-service.js';
import type { Services } from './services/index.js';

export interface StartOptions {
  port: number;
  host: string;
  demo: boolean;
}

/** Starts the web server on built services; loads the demo corpus first into an empty library. */
export async function startServer(services: Services, options: StartOptions): Promise<FastifyInstance> {
  const { logger } = services;
  if (options.demo) {
    const started = Date.now();
    const outcome = await loadDemoIfEmpty(services.reviews, services.importer);
    if (outcome) {
      logger.info(
        { imported: outcome.imported.length, skipped: outcome.skipped.length, failed: outcome.failed.length, ms: Date.now() - started },
        'demo corpus loaded into the empty library',
      );
      for (const f of outcome.failed) logger.warn({ code: f.code, message: f.error }, 'a demo file failed to import');
    }
  }
  await services.uploads.resume();
  const app = await createApp(services);
  await app.listen({ port: options.port, host: options.host });
  const shutdown = async (signal: string) => {
    logger.info({ signal }, 'shutting down');
    await app.close();
    await services.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  return app;
}
