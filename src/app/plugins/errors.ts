import type { FastifyError, FastifyInstance } from 'fastify';
import { AppError } from '../../shared/errors.js';

/**
 * One error shape for the API: { error: { code, message, details } }. Unknown errors are logged
 * and answered with a generic message: no stack trace or internal detail reaches a caller.
 */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | AppError | Error, request, reply) => {
    if (err instanceof AppError) {
      return reply.status(err.status).send({ error: { code: err.code, message: err.message, details: err.details ?? {} } });
    }
    const fe = err as FastifyError;
    if (fe.validation) {
      return reply.status(400).send({ error: { code: 'invalid_request', message: fe.message, details: {} } });
    }
    if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
      return reply.status(fe.statusCode).send({ error: { code: fe.code ?? 'bad_request', message: fe.message, details: {} } });
    }
    request.log.error({ err }, 'unhandled error');
    return reply.status(500).send({ error: { code: 'internal_error', message: 'Something went wrong on our side. Try again later.', details: {} } });
  });
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send({ error: { code: 'not_found', message: `No route for ${request.method} ${request.url.split('?')[0]}`, details: {} } }),
  );
}
