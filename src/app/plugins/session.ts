import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AccessScope } from '../../repositories/access.js';
import type { Services } from '../../services/index.js';
import { ANONYMOUS, scopeOf } from '../../services/policy.js';
import type { Principal } from '../../services/policy.js';
import { AppError } from '../../shared/errors.js';

export const SESSION_COOKIE = 'slh_session';
export const CSRF_COOKIE = 'slh_csrf';
export const CSRF_FIELD = '_csrf';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    /** who is asking: resolved from the session cookie before any handler runs */
    principal: Principal;
    /** what they may read: the policy's answer, handed to every query */
    access: AccessScope;
    /** the session cookie's value, when it named a live session */
    sessionToken: string | undefined;
    /** throws 403 unless `token` is this visitor's CSRF token (multipart forms check after reading) */
    verifyCsrf(token: string | undefined): void;
  }
  interface FastifyReply {
    /** this visitor's CSRF token for a form, setting its cookie if needed */
    csrfToken(): string;
    /** starts a signed-in session: a new cookie value, never the one the visitor arrived with */
    startSession(token: string): void;
    endSession(): void;
  }
}

export class CsrfError extends AppError {
  constructor() {
    super('csrf_invalid', 'This form has expired. Go back, reload the page and try again.', 403);
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Sessions and CSRF protection.
 *
 * The session cookie holds a random token whose hash names a row in `sessions` (HttpOnly, SameSite
 * Lax, Secure unless configured off). Signing in always issues a new token, so a token planted
 * before sign-in (session fixation) is worth nothing.
 *
 * CSRF: signed double submit. Each visitor has a random secret in an HttpOnly cookie; a form's
 * token is an HMAC of that secret and the session under a key kept in the database, so a token
 * from before sign-in, from another visitor or from another session is refused. Every unsafe
 * request to a page must carry it (a hidden field, or the X-CSRF-Token header); API requests must
 * when they carry a session cookie. Multipart forms are checked by their handler once the fields
 * are read (the hook runs before the body is).
 */
export async function registerSessions(app: FastifyInstance, services: Services): Promise<void> {
  await app.register(cookie);
  const secure = services.config.secureCookies;
  const key = await services.accounts.secret('csrf');
  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure };

  // Set on every request by the hook below; null only until then.
  app.decorateRequest('principal', null as never);
  app.decorateRequest('access', null as never);
  app.decorateRequest('sessionToken', undefined);

  const expected = (request: FastifyRequest, secret: string) =>
    createHmac('sha256', key)
      .update(`${secret}|${request.sessionToken ?? '-'}`)
      .digest('base64url');
  const csrfSecret = (request: FastifyRequest): string | undefined => {
    const value = request.cookies[CSRF_COOKIE];
    return value && /^[A-Za-z0-9_-]{43}$/.test(value) ? value : undefined;
  };

  app.decorateRequest('verifyCsrf', function verifyCsrf(this: FastifyRequest, token: string | undefined) {
    const secret = csrfSecret(this);
    if (!secret || !token) throw new CsrfError();
    const want = Buffer.from(expected(this, secret));
    const got = Buffer.from(token);
    if (want.length !== got.length || !timingSafeEqual(want, got)) throw new CsrfError();
  });

  app.decorateReply('csrfToken', function csrfToken(this: FastifyReply) {
    let secret = csrfSecret(this.request);
    if (!secret) {
      secret = randomBytes(32).toString('base64url');
      // Seen by the next request from this visitor, and by this one's own token below.
      this.request.cookies[CSRF_COOKIE] = secret;
      this.setCookie(CSRF_COOKIE, secret, cookieOptions);
    }
    return expected(this.request, secret);
  });

  app.decorateReply('startSession', function startSession(this: FastifyReply, token: string) {
    this.request.sessionToken = token;
    this.setCookie(SESSION_COOKIE, token, {
      ...cookieOptions,
      maxAge: services.config.sessionMaxHours * 3600,
    });
  });

  app.decorateReply('endSession', function endSession(this: FastifyReply) {
    this.request.sessionToken = undefined;
    this.clearCookie(SESSION_COOKIE, cookieOptions);
  });

  app.addHook('onRequest', async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    const person = token ? await services.accounts.resolveSession(token) : null;
    request.principal = person ? { person } : ANONYMOUS;
    request.sessionToken = person ? token : undefined;
    request.access = scopeOf(request.principal);
    // A stale cookie is removed rather than sent with every request.
    if (token && !person) reply.clearCookie(SESSION_COOKIE, cookieOptions);
    // What a signed-in person sees may be theirs alone: never kept by a shared cache.
    if (person) reply.header('Cache-Control', 'private, no-store');
  });

  app.addHook('preHandler', async (request) => {
    if (!UNSAFE.has(request.method)) return;
    const api = request.url.startsWith('/api/');
    if (api && request.cookies[SESSION_COOKIE] === undefined) return;
    const header = request.headers[CSRF_HEADER];
    const headerToken = typeof header === 'string' ? header : undefined;
    if (request.isMultipart()) {
      // Only routes that read the token from the form themselves (uploads) take multipart without
      // the header; anywhere else a multipart post is a way round the form token.
      if ((request.routeOptions.config as { csrfInHandler?: boolean }).csrfInHandler === true) return;
      request.verifyCsrf(headerToken);
      return;
    }
    const body = request.body as Record<string, unknown> | undefined;
    const field = body && typeof body === 'object' ? body[CSRF_FIELD] : undefined;
    request.verifyCsrf(headerToken ?? (typeof field === 'string' ? field : undefined));
  });
}
