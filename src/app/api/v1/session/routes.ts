import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { loggableEmail } from '../../../../services/audit-service.js';
import type { Services } from '../../../../services/index.js';
import { AppError, ValidationError } from '../../../../shared/errors.js';

const signInSchema = z.object({ email: z.string().max(320), password: z.string().max(1000) }).strict();

/**
 * Sessions for API clients: sign in with an email and password to get the session cookie, then
 * send the returned CSRF token in an X-CSRF-Token header with every request that changes anything.
 */
export function sessionApi(app: FastifyInstance, services: Services): void {
  app.get('/api/v1/session', async (request, reply) => {
    const person = request.principal.person;
    return {
      person: person
        ? {
            id: person.id,
            email: person.email,
            name: person.name,
            role: person.role,
            partnerships: person.partnerships,
          }
        : null,
      csrfToken: reply.csrfToken(),
    };
  });

  app.post(
    '/api/v1/session',
    { config: { rateLimit: { max: 10, timeWindow: '1 minute' } } },
    async (request, reply) => {
      // JSON only: a cross-site form cannot send it without a CORS preflight, so nobody can be signed
      // in as someone else by a page they visit (login CSRF).
      if (!String(request.headers['content-type'] ?? '').startsWith('application/json'))
        throw new AppError('unsupported_media_type', 'Send {"email", "password"} as application/json', 415);
      const body = signInSchema.safeParse(request.body);
      if (!body.success) throw new ValidationError('Send {"email", "password"} as JSON');
      const result = await services.accounts.signIn(body.data.email, body.data.password, request.ip);
      if (!result.ok) {
        await services.audit.record(request.principal, {
          action: 'user.sign-in-failed',
          detail: {
            email: loggableEmail(body.data.email),
            reason: result.reason,
            via: 'api',
          },
          from: request.ip,
        });
        throw result.reason === 'locked'
          ? new AppError(
              'sign_in_locked',
              `Too many attempts for this email address; try again after ${result.until}`,
              429,
            )
          : new AppError('sign_in_failed', 'The email address or password is not correct', 401);
      }
      await services.accounts.signOut(request.sessionToken);
      reply.startSession(result.token);
      await services.audit.record(
        { person: result.person },
        { action: 'user.sign-in', detail: { via: 'api' }, from: request.ip },
      );
      const p = result.person;
      return reply.status(201).send({
        person: { id: p.id, email: p.email, name: p.name, role: p.role, partnerships: p.partnerships },
        csrfToken: reply.csrfToken(),
      });
    },
  );

  app.delete('/api/v1/session', async (request, reply) => {
    await services.accounts.signOut(request.sessionToken);
    reply.endSession();
    return reply.status(204).send();
  });
}
