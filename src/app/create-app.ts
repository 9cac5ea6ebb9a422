import Fastify from 'fastify';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { pingDb } from '../db/index.js';
import type { Services } from '../services/index.js';
import { VERSION } from '../version.js';
import { reviewsApi } from './api/v1/reviews/routes.js';
import { registerErrorHandling } from './plugins/errors.js';

export async function createApp(services: Services): Promise<FastifyInstance> {
  const app: FastifyInstance = Fastify({
    // pino's Logger and Fastify's logger interface differ only in optional typing details.
    loggerInstance: services.logger as unknown as FastifyBaseLogger,
    bodyLimit: 1024 * 1024,
    disableRequestLogging: false,
  });
  registerErrorHandling(app);

  app.get('/health', async (_request, reply) => {
    try {
      await pingDb(services.db);
      return { status: 'ok', version: VERSION, database: { backend: services.db.dialect, status: 'ok' } };
    } catch (err) {
      services.logger.error({ err }, 'health check: database unreachable');
      return reply
        .status(503)
        .send({ status: 'unavailable', version: VERSION, database: { backend: services.db.dialect, status: 'unreachable' } });
    }
  });

  reviewsApi(app, services);
  await app.ready();
  return app;
}
