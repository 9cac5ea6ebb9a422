import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { MIN_PASSWORD } from '../../../services/account-service.js';
import { loggableEmail } from '../../../services/audit-service.js';
import type { Services } from '../../../services/index.js';
import { ROLE_LABELS } from '../../../services/policy.js';
import { SignInRequiredError } from '../../../shared/errors.js';

/** Sign-in attempts per client address per minute, on top of the per-address lockout. */
const SIGN_IN_RATE = 10;

const signInSchema = z.object({
  email: z.string().max(320).default(''),
  password: z.string().max(1000).default(''),
  next: z.string().max(2000).optional(),
});

/** Only a path on this site: never an absolute or protocol-relative address (open redirect). */
export function safeNext(next: string | undefined): string | undefined {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return undefined;
  return /^[\x21-\x7e]+$/.test(next) ? next : undefined;
}

function timeOf(iso: string): string {
  return new Date(iso).toLocaleTimeString('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/London',
  });
}

export function accountPages(app: FastifyInstance, services: Services): void {
  const { accounts, audit } = services;

  const signInPage = (
    reply: FastifyReply,
    extra: { values?: Record<string, string>; errors?: Record<string, string>; next?: string } = {},
    status = 200,
  ) =>
    reply.page(
      'account/sign-in.njk',
      {
        pageTitle: 'Sign in',
        csrfToken: reply.csrfToken(),
        values: extra.values ?? {},
        errors: extra.errors ?? {},
        errorList: Object.entries(extra.errors ?? {}).map(([field, text]) => ({ text, href: `#${field}` })),
        next: extra.next,
      },
      status,
    );

  app.get('/sign-in', async (request, reply) => {
    const next = safeNext((request.query as { next?: string }).next);
    if (request.principal.person) return reply.redirect(next ?? '/account', 303);
    return signInPage(reply, next ? { next } : {});
  });

  app.post(
    '/sign-in',
    { config: { rateLimit: { max: SIGN_IN_RATE, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const form = signInSchema.safeParse(request.body ?? {});
      const input = form.success ? form.data : { email: '', password: '', next: undefined };
      const next = safeNext(input.next);
      const errors: Record<string, string> = {};
      if (!input.email.trim()) errors['email'] = 'Enter your email address';
      if (!input.password) errors['password'] = 'Enter your password';
      if (Object.keys(errors).length)
        return signInPage(reply, { values: { email: input.email }, errors, ...(next ? { next } : {}) }, 400);
      const result = await accounts.signIn(input.email, input.password, request.ip);
      if (!result.ok) {
        await audit.record(request.principal, {
          action: 'user.sign-in-failed',
          detail: { email: loggableEmail(input.email), reason: result.reason },
          from: request.ip,
        });
        const message =
          result.reason === 'locked'
            ? `There have been too many attempts to sign in with this email address. Try again after ${timeOf(result.until)}.`
            : 'Enter a correct email address and password';
        return signInPage(
          reply,
          { values: { email: input.email }, errors: { email: message }, ...(next ? { next } : {}) },
          result.reason === 'locked' ? 429 : 400,
        );
      }
      // A new session, never the cookie the visitor arrived with (session fixation).
      await accounts.signOut(request.cookies['slh_session']);
      reply.startSession(result.token);
      await audit.record({ person: result.person }, { action: 'user.sign-in', from: request.ip });
      return reply.redirect(next ?? '/account', 303);
    },
  );

  const requirePerson = (request: FastifyRequest) => {
    const person = request.principal.person;
    if (!person) throw new SignInRequiredError();
    return person;
  };

  app.get('/account', async (request, reply) => {
    const person = request.principal.person;
    if (!person) return reply.redirect('/sign-in?next=%2Faccount', 303);
    const names = new Map((await accounts.listPartnerships()).map((p) => [p.id, p.name]));
    return reply.page('account/account.njk', {
      pageTitle: 'Your account',
      person,
      roleLabel: ROLE_LABELS[person.role],
      partnerships: person.partnerships.map((p) => names.get(p) ?? p).join(', '),
      csrfToken: reply.csrfToken(),
      notice:
        (request.query as { done?: string }).done === 'everywhere'
          ? 'You have been signed out on every other device'
          : undefined,
    });
  });

  app.post('/sign-out', async (request, reply) => {
    const person = request.principal.person;
    await accounts.signOut(request.sessionToken);
    reply.endSession();
    if (person) await audit.record({ person }, { action: 'user.sign-out', from: request.ip });
    return reply.redirect('/', 303);
  });

  app.post('/sign-out-everywhere', async (request, reply) => {
    const person = requirePerson(request);
    const ended = await accounts.signOutEverywhere(person.id);
    // This device stays signed in, with a new session.
    reply.startSession(await accounts.startSession(person.id, 'password', request.ip));
    await audit.record(
      { person },
      { action: 'user.sign-out-everywhere', detail: { sessions: ended }, from: request.ip },
    );
    return reply.redirect('/account?done=everywhere', 303);
  });

  app.get('/password-reset', async (_request, reply) =>
    reply.page('account/reset-request.njk', {
      pageTitle: 'Reset your password',
      csrfToken: reply.csrfToken(),
    }),
  );

  app.post(
    '/password-reset',
    { config: { rateLimit: { max: SIGN_IN_RATE, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const email = String((request.body as { email?: unknown } | undefined)?.email ?? '').slice(0, 320);
      if (!email.trim())
        return reply.page(
          'account/reset-request.njk',
          {
            pageTitle: 'Reset your password',
            csrfToken: reply.csrfToken(),
            errors: { email: 'Enter your email address' },
            errorList: [{ text: 'Enter your email address', href: '#email' }],
          },
          400,
        );
      // Not awaited: the answer must take as long for an address with no account as for one with.
      const from = request.ip;
      void accounts
        .requestReset(email, `${services.config.publicUrl}/password-reset`)
        .then(async (sent) => {
          if (sent)
            await audit.record(
              { system: 'password-reset' },
              { action: 'user.password-reset-requested', target: { type: 'user', id: sent.userId }, from },
            );
        })
        .catch((err: unknown) => request.log.error({ err }, 'password reset request failed'));
      return reply.page('account/reset-request.njk', {
        pageTitle: 'Check your email',
        sent: true,
        minutes: 60,
      });
    },
  );

  const tokenOf = (request: FastifyRequest) => {
    const token = (request.params as { token: string }).token;
    return /^[A-Za-z0-9_-]{43}$/.test(token) ? token : null;
  };

  app.get('/password-reset/:token', async (request, reply) => {
    const token = tokenOf(request);
    const live = token !== null && (await accounts.resetIsLive(token));
    // The token is in the address: keep it out of the Referer of anything this page links to.
    reply.header('Referrer-Policy', 'no-referrer');
    return reply.page('account/reset-password.njk', {
      pageTitle: live ? 'Choose a new password' : 'This link has expired',
      expired: !live,
      token,
      minLength: MIN_PASSWORD,
      csrfToken: reply.csrfToken(),
    });
  });

  app.post(
    '/password-reset/:token',
    { config: { rateLimit: { max: SIGN_IN_RATE, timeWindow: '1 minute' } } },
    async (request, reply) => {
      reply.header('Referrer-Policy', 'no-referrer');
      const token = tokenOf(request);
      const body = (request.body ?? {}) as { password?: unknown; confirm?: unknown };
      const password = String(body.password ?? '');
      const errors: Record<string, string> = {};
      if (password.length < MIN_PASSWORD)
        errors['password'] = `Password must be ${MIN_PASSWORD} characters or more`;
      else if (password.length > 256) errors['password'] = 'Password must be 256 characters or fewer';
      else if (password !== String(body.confirm ?? '')) errors['confirm'] = 'The passwords do not match';
      if (token && Object.keys(errors).length)
        return reply.page(
          'account/reset-password.njk',
          {
            pageTitle: 'Choose a new password',
            token,
            minLength: MIN_PASSWORD,
            csrfToken: reply.csrfToken(),
            errors,
            errorList: Object.entries(errors).map(([field, text]) => ({ text, href: `#${field}` })),
          },
          400,
        );
      const person = token ? await accounts.resetPassword(token, password).catch(() => null) : null;
      if (!person)
        return reply.page(
          'account/reset-password.njk',
          { pageTitle: 'This link has expired', expired: true },
          400,
        );
      await audit.record({ person }, { action: 'user.password-reset', from: request.ip });
      reply.endSession();
      return reply.page('account/reset-password.njk', {
        pageTitle: 'Your password has been changed',
        done: true,
      });
    },
  );
}
