import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../shared/errors.js';

function wantsJson(request: FastifyRequest): boolean {
  return request.url.startsWith('/api/') || request.url.startsWith('/health');
}

/** Database outages and overload are "service unavailable", not our bug: say so and invite a retry. */
function isUnavailable(err: unknown): boolean {
  const code = (err as { code?: string }).code ?? '';
  return [
    'ECONNREFUSED',
    'ECONNRESET',
    'ETIMEDOUT',
    '57P01',
    '57P03',
    '53300',
    'SQLITE_BUSY',
    'SQLITE_LOCKED',
  ].includes(code);
}

const PAGES = {
  404: {
    pageTitle: 'Page not found',
    heading: 'Page not found',
    lines: [
      'If you typed the web address, check it is correct.',
      'If you pasted the web address, check you copied the entire address.',
    ],
  },
  500: {
    pageTitle: 'Sorry, there is a problem with the service',
    heading: 'Sorry, there is a problem with the service',
    lines: ['Try again later.', 'Nothing you entered has been lost or half-saved.'],
  },
  503: {
    pageTitle: 'Sorry, the service is unavailable',
    heading: 'Sorry, the service is unavailable',
    lines: ['You will be able to use the service again shortly. Try again in a few minutes.'],
  },
} as const;

function errorPage(reply: FastifyReply, status: 404 | 500 | 503, heading?: string) {
  const page = PAGES[status];
  return reply.page('error.njk', { ...page, ...(heading ? { heading, pageTitle: heading } : {}) }, status);
}

/**
 * One error shape for the API — { error: { code, message, details } } — and GOV.UK error pages for
 * the web. Unknown errors are logged and answered generically: no stack trace or internal detail leaks.
 */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | AppError | Error, request, reply) => {
    const json = wantsJson(request);
    if (err instanceof AppError) {
      if (json)
        return reply
          .status(err.status)
          .send({ error: { code: err.code, message: err.message, details: err.details ?? {} } });
      if (err.status === 404) return errorPage(reply, 404);
      if (err.status === 401 && request.method === 'GET')
        return reply.redirect(`/sign-in?next=${encodeURIComponent(request.url)}`, 303);
      return reply.page(
        'error.njk',
        { pageTitle: 'There is a problem', heading: 'There is a problem', lines: [err.message] },
        err.status,
      );
    }
    const fe = err as FastifyError;
    if (fe.validation || (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500)) {
      const status = fe.statusCode ?? 400;
      if (json)
        return reply
          .status(status)
          .send({ error: { code: fe.code ?? 'bad_request', message: fe.message, details: {} } });
      if (status === 404) return errorPage(reply, 404);
      return reply.page(
        'error.njk',
        { pageTitle: 'There is a problem', heading: 'There is a problem', lines: [fe.message] },
        status,
      );
    }
    if (isUnavailable(err)) {
      request.log.error({ err }, 'service unavailable');
      if (json)
        return reply.status(503).send({
          error: {
            code: 'service_unavailable',
            message: 'The service is unavailable. Try again in a few minutes.',
            details: {},
          },
        });
      return errorPage(reply, 503);
    }
    request.log.error({ err }, 'unhandled error');
    if (json)
      return reply.status(500).send({
        error: {
          code: 'internal_error',
          message: 'Something went wrong on our side. Try again later.',
          details: {},
        },
      });
    return errorPage(reply, 500);
  });
  app.setNotFoundHandler((request, reply) => {
    if (wantsJson(request)) {
      return reply.status(404).send({
        error: {
          code: 'not_found',
          message: `No route for ${request.method} ${request.url.split('?')[0]}`,
          details: {},
        },
      });
    }
    return errorPage(reply, 404);
  });
}
