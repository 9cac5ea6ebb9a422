import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { GOVUK_DIST, PUBLIC_DIR } from '../paths.js';

/** GOV.UK Frontend's assets straight from the package, and our own few files. */
export async function registerStatic(app: FastifyInstance): Promise<void> {
  const govuk = path.join(GOVUK_DIST, 'govuk');
  await app.register(fastifyStatic, {
    root: path.join(govuk, 'assets'),
    prefix: '/assets/',
    maxAge: '1d',
    decorateReply: false,
  });
  await app.register(fastifyStatic, {
    root: [govuk, PUBLIC_DIR],
    prefix: '/static/',
    maxAge: '1h',
    decorateReply: false,
    allowedPath: (pathName) =>
      /^\/(govuk-frontend\.min\.(css|js)|app\.css|app\.mjs|upload-status\.mjs)$/.test(pathName),
  });
}
