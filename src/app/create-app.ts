import { briefingsApi } from './api/v1/briefings/routes.js';
import { briefingPages } from './web/briefings/routes.js';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import Fastify from 'fastify';
import type { FastifyBaseLogger, FastifyInstance, FastifyServerOptions } from 'fastify';
import { pingDb } from '../db/index.js';
import type { Services } from '../services/index.js';
import { VERSION } from '../version.js';
import { docsApi } from './api/v1/docs/routes.js';
import { languageApi } from './api/v1/language/routes.js';
import { reviewsApi } from './api/v1/reviews/routes.js';
import { searchApi } from './api/v1/search/routes.js';
import { sessionApi } from './api/v1/session/routes.js';
import { themesApi } from './api/v1/themes/routes.js';
import { uploadsApi } from './api/v1/uploads/routes.js';
import { registerErrorHandling } from './plugins/errors.js';
import { registerSecurity } from './plugins/security.js';
import { registerSessions } from './plugins/session.js';
import { registerStatic } from './plugins/static.js';
import { registerViews } from './plugins/views.js';
import { accountPages } from './web/account/routes.js';
import { adminPages } from './web/admin/routes.js';
import { feedPages } from './web/feeds/routes.js';
import { homePages } from './web/home/routes.js';
import { languagePages } from './web/language/routes.js';
import { publicationPages } from './web/publication/routes.js';
import { reviewPages } from './web/reviews/routes.js';
import { searchPages } from './web/search/routes.js';
import { themeEditPages } from './web/themes/edit-routes.js';
import { reviewThemePages } from './web/themes/review-routes.js';
import { themePages } from './web/themes/routes.js';
import { uploadPages } from './web/upload/routes.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** every route: method and URL pattern */
    routeTable: ReadonlyArray<{ method: string; url: string }>;
  }
}

export async function createApp(services: Services): Promise<FastifyInstance> {
  const options: FastifyServerOptions & { loggerInstance: FastifyBaseLogger } = {
    // pino's Logger and Fastify's logger interface differ only in optional typing details.
    loggerInstance: services.logger as unknown as FastifyBaseLogger,
    bodyLimit: 1024 * 1024,
    return503OnClosing: true,
    // Behind a proxy, rate limits and the audit log need the client's address, not the proxy's.
    trustProxy: services.config.trustProxy,
  };
  const app: FastifyInstance = Fastify(options);
  // Every route as registered, for the tests that probe each one (authorisation, hostile input).
  const routeTable: Array<{ method: string; url: string }> = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routeTable.push({ method, url: route.url });
  });
  app.decorate('routeTable', routeTable);
  await registerSecurity(app);
  await registerStatic(app);
  await app.register(formbody, { bodyLimit: 64 * 1024 });
  await registerSessions(app, services);
  registerViews(app, { uploadsEnabled: services.config.uploadsEnabled });
  await app.register(multipart, {
    limits: { fileSize: services.config.maxFileBytes, files: 1, fields: 20, fieldSize: 10_000, parts: 22 },
  });
  registerErrorHandling(app);

  app.get('/health', async (_request, reply) => {
    try {
      await pingDb(services.db);
      return { status: 'ok', version: VERSION, database: { backend: services.db.dialect, status: 'ok' } };
    } catch (err) {
      services.logger.error({ err }, 'health check: database unreachable');
      return reply.status(503).send({
        status: 'unavailable',
        version: VERSION,
        database: { backend: services.db.dialect, status: 'unreachable' },
      });
    }
  });

  homePages(app, services);
  accountPages(app, services);
  adminPages(app, services);
  reviewPages(app, services);
  briefingPages(app, services);
  publicationPages(app, services);
  searchPages(app, services);
  themeEditPages(app, services);
  themePages(app, services);
  languagePages(app, services);
  reviewThemePages(app, services);
  feedPages(app, services);
  uploadPages(app, services);
  reviewsApi(app, services);
  briefingsApi(app, services);
  searchApi(app, services);
  sessionApi(app, services);
  themesApi(app, services);
  languageApi(app, services);
  uploadsApi(app, services);
  docsApi(app, services);
  await app.ready();
  return app;
}
