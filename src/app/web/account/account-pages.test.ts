import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD, as, signIn } from '../../../../test/support/auth.js';
import { SAMPLE_MARKDOWN } from '../../../../test/support/fixtures.js';
import { multipart } from '../../../../test/support/multipart.js';
import { testEnv } from '../../../../test/support/services.js';
import type { TestEnv } from '../../../../test/support/services.js';
import { MemoryMailer } from '../../../services/mailer.js';
import { createApp } from '../../create-app.js';
import { safeNext } from './routes.js';

/** The cookies a response set, as a Cookie header for the next request. */
const cookiesOf = (res: LightMyRequestResponse, before = '') => {
  const jar = new Map(
    before
      .split('; ')
      .filter(Boolean)
      .map((c) => c.split('=') as [string, string]),
  );
  for (const c of res.cookies) {
    if (c.value === '' || (c.maxAge !== undefined && c.maxAge <= 0)) jar.delete(c.name);
    else jar.set(c.name, c.value);
  }
  return [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
};
const tokenIn = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
const form = (fields: Record<string, string>) => ({
  payload: new URLSearchParams(fields).toString(),
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
});

describe('signing in on the web', () => {
  let t: TestEnv;
  let app: FastifyInstance;
  const mailer = new MemoryMailer();

  beforeAll(async () => {
    t = await testEnv('sqlite', {}, { mailer });
    app = await createApp(t.services);
    await t.services.accounts.addUser({
      email: 'jo@example.org',
      role: 'practitioner',
      password: TEST_PASSWORD,
    });
  });
  afterAll(async () => {
    await app.close();
    await t.cleanup();
  });

  /** GET the sign-in page and POST the form, as a browser would; returns the response and cookies. */
  async function signInThroughForm(email: string, password: string, jar = '', next?: string) {
    const page = await app.inject({ url: '/sign-in', headers: jar ? { cookie: jar } : {} });
    const cookies = cookiesOf(page, jar);
    const res = await app.inject({
      method: 'POST',
      url: '/sign-in',
      ...form({ _csrf: tokenIn(page.body), email, password, ...(next ? { next } : {}) }),
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookies },
    });
    return { res, cookies: cookiesOf(res, cookies) };
  }

  it('sets the session cookie HttpOnly, SameSite=Lax and Secure, and lands on the account page', async () => {
    const { res, cookies } = await signInThroughForm('jo@example.org', TEST_PASSWORD);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/account');
    const session = res.cookies.find((c) => c.name === 'slh_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: true, path: '/' });
    const account = await app.inject({ url: '/account', headers: { cookie: cookies } });
    expect(account.statusCode).toBe(200);
    expect(account.body).toContain('jo@example.org');
    expect(account.headers['cache-control']).toBe('private, no-store');
  });

  it('refuses a form without a CSRF token, or with a token made for another visitor', async () => {
    const none = await app.inject({
      method: 'POST',
      url: '/sign-in',
      ...form({ email: 'jo@example.org', password: TEST_PASSWORD }),
    });
    expect(none.statusCode).toBe(403);
    expect(none.body).toContain('This form has expired');
    expect(none.cookies.find((c) => c.name === 'slh_session')).toBeUndefined();
    const mine = await app.inject('/sign-in');
    const theirs = await app.inject('/sign-in');
    const crossed = await app.inject({
      method: 'POST',
      url: '/sign-in',
      ...form({ _csrf: tokenIn(theirs.body), email: 'jo@example.org', password: TEST_PASSWORD }),
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookiesOf(mine) },
    });
    expect(crossed.statusCode).toBe(403);
  });

  it('issues a new session at sign-in: a session token planted beforehand is never used (fixation)', async () => {
    const planted = 'slh_session=planted-token-value-from-an-attacker';
    const { res, cookies } = await signInThroughForm('jo@example.org', TEST_PASSWORD, planted);
    const issued = res.cookies.find((c) => c.name === 'slh_session')?.value;
    expect(issued).toBeDefined();
    expect(issued).not.toBe('planted-token-value-from-an-attacker');
    expect(cookies).not.toContain('planted-token');
    // A token taken from before sign-in (an earlier session of the same person) stops working at sign-out.
    const out = await app.inject({ url: '/account', headers: { cookie: cookies } });
    await app.inject({
      method: 'POST',
      url: '/sign-out',
      ...form({ _csrf: tokenIn(out.body) }),
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookies },
    });
    const after = await app.inject({ url: '/account', headers: { cookie: cookies } });
    expect(after.statusCode).toBe(303);
    expect(after.headers.location).toBe('/sign-in?next=%2Faccount');
  });

  it('says only "enter a correct email address and password" whether or not the account exists', async () => {
    const wrong = await signInThroughForm('jo@example.org', 'not the right password');
    const unknown = await signInThroughForm('nobody-here@example.org', 'not the right password');
    for (const { res } of [wrong, unknown]) {
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('<a href="#email">Enter a correct email address and password</a>');
    }
  });

  it('goes back to the page the person was sent from, but never to another site', async () => {
    const { res } = await signInThroughForm('jo@example.org', TEST_PASSWORD, '', '/themes');
    expect(res.headers.location).toBe('/themes');
    expect(safeNext('//evil.example/')).toBeUndefined();
    expect(safeNext('https://evil.example/')).toBeUndefined();
    expect(safeNext('/\\evil.example')).toBeUndefined();
    expect(safeNext('/reviews?type=sar')).toBe('/reviews?type=sar');
  });

  it('resets a password by an emailed one-time link; the link does not work twice', async () => {
    const page = await app.inject('/password-reset');
    const jar = cookiesOf(page);
    const sent = await app.inject({
      method: 'POST',
      url: '/password-reset',
      ...form({ _csrf: tokenIn(page.body), email: 'jo@example.org' }),
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar },
    });
    expect(sent.body).toContain('Check your email');
    // The mail goes out after the answer (so that its timing does not tell whether the account exists).
    for (let i = 0; i < 100 && !mailer.sent.some((m) => m.to === 'jo@example.org'); i++)
      await new Promise((r) => setTimeout(r, 20));
    const link = /http:\/\/127\.0\.0\.1:3000(\/password-reset\/[A-Za-z0-9_-]{43})/.exec(
      mailer.sent.at(-1)?.text ?? '',
    )?.[1];
    expect(link).toBeDefined();
    const choose = await app.inject({ url: link ?? '', headers: { cookie: jar } });
    expect(choose.body).toContain('Choose a new password');
    expect(choose.headers['referrer-policy']).toBe('no-referrer');
    const post = (password: string, confirm: string) =>
      app.inject({
        method: 'POST',
        url: link ?? '',
        ...form({ _csrf: tokenIn(choose.body), password, confirm }),
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar },
      });
    const mismatch = await post('a brand new passphrase', 'something else entirely');
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.body).toContain('The passwords do not match');
    expect((await post('a brand new passphrase', 'a brand new passphrase')).body).toContain(
      'Your password has been changed',
    );
    expect((await post('a third new passphrase', 'a third new passphrase')).body).toContain(
      'This link has expired',
    );
    expect((await signInThroughForm('jo@example.org', 'a brand new passphrase')).res.statusCode).toBe(303);
  });

  it('sends a visitor to sign in for the upload page, and refuses it to a practitioner', async () => {
    const visitor = await app.inject('/upload');
    expect(visitor.statusCode).toBe(303);
    expect(visitor.headers.location).toBe('/sign-in?next=%2Fupload');
    const practitioner = await signIn(app, t.services, { role: 'practitioner' });
    const refused = await app.inject(as(practitioner, { url: '/upload' }));
    expect(refused.statusCode).toBe(403);
    const api = await app.inject(
      as(practitioner, {
        method: 'POST',
        url: '/api/v1/reviews',
        ...multipart({}, { name: 'x.md', bytes: SAMPLE_MARKDOWN }),
      }),
    );
    expect(api.statusCode).toBe(403);
    expect(api.json()).toMatchObject({ error: { code: 'forbidden' } });
  });

  it('refuses an API upload with the session cookie but without the CSRF header', async () => {
    const editor = await signIn(app, t.services);
    const body = multipart({}, { name: 'x.md', bytes: SAMPLE_MARKDOWN });
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/reviews',
      payload: body.payload,
      headers: { ...body.headers, cookie: editor.cookie },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ error: { code: 'csrf_invalid' } });
    // A body whose boundary is not the one its header names is refused as the sender's mistake.
    const broken = await app.inject(
      as(editor, {
        method: 'POST',
        url: '/api/v1/reviews',
        payload: body.payload,
        headers: multipart({}).headers,
      }),
    );
    expect(broken.statusCode).toBe(400);
    expect(broken.json()).toMatchObject({ error: { code: 'invalid_request' } });
  });

  it('refuses a multipart post without the header token to any route but an upload, and a form-encoded API sign-in', async () => {
    const editor = await signIn(app, t.services);
    const body = multipart({ decision: 'redact' });
    const sneaky = await app.inject({
      method: 'POST',
      url: '/sign-out-everywhere',
      payload: body.payload,
      headers: { ...body.headers, cookie: editor.cookie },
    });
    expect(sneaky.statusCode).toBe(403);
    const formSignIn = await app.inject({
      method: 'POST',
      url: '/api/v1/session',
      ...form({ email: 'jo@example.org', password: TEST_PASSWORD }),
    });
    expect(formSignIn.statusCode).toBe(415);
    expect(formSignIn.cookies.find((c) => c.name === 'slh_session')).toBeUndefined();
  });

  it('shows an editor only their own uploads', async () => {
    const a = await signIn(app, t.services);
    const b = await signIn(app, t.services);
    const up = await app.inject(
      as(a, {
        method: 'POST',
        url: '/api/v1/reviews',
        ...multipart({}, { name: 'own.md', bytes: SAMPLE_MARKDOWN.replace(/Child Q/g, 'Child Own') }),
      }),
    );
    const job = up.json<{ upload: { id: string } }>().upload.id;
    expect((await app.inject(as(a, { url: `/api/v1/uploads/${job}` }))).statusCode).toBe(200);
    expect((await app.inject(as(b, { url: `/api/v1/uploads/${job}` }))).statusCode).toBe(404);
    expect((await app.inject(as(b, { url: `/uploads/${job}` }))).statusCode).toBe(404);
    expect((await app.inject({ url: `/uploads/${job}` })).statusCode).toBe(404);
  });

  it('lets an administrator add a person (who gets a link to set a password), disable them, and export the log', async () => {
    const admin = await signIn(app, t.services, { role: 'admin' });
    const page = await app.inject(as(admin, { url: '/admin/users' }));
    expect(page.statusCode).toBe(200);
    const added = await app.inject(
      as(admin, {
        method: 'POST',
        url: '/admin/users',
        ...form({
          _csrf: tokenIn(page.body),
          email: 'new.person@example.org',
          name: 'New Person',
          role: 'inspector',
        }),
      }),
    );
    expect(added.statusCode).toBe(303);
    expect(mailer.sent.at(-1)?.to).toBe('new.person@example.org');
    const bad = await app.inject(
      as(admin, {
        method: 'POST',
        url: '/admin/users',
        ...form({ _csrf: tokenIn(page.body), email: 'x@example.org', role: 'editor' }),
      }),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('A partnership editor must belong to at least one partnership');
    const repeated = await app.inject(
      as(admin, {
        method: 'POST',
        url: '/admin/users',
        ...form({ _csrf: tokenIn(page.body), email: 'y@example.org' }),
        payload: 'role=admin&role=editor&email=y%40example.org',
      }),
    );
    expect(repeated.statusCode).toBe(400);
    await app.inject(
      as(admin, {
        method: 'POST',
        url: '/admin/users/disable',
        ...form({ _csrf: tokenIn(page.body), email: 'new.person@example.org' }),
      }),
    );
    expect((await t.services.accounts.user('new.person@example.org')).disabled).toBe(true);
    const log = await app.inject(as(admin, { url: '/admin/audit?action=user.add' }));
    expect(log.body).toContain('new.person@example.org');
    const csv = await app.inject(as(admin, { url: '/admin/audit.csv?action=user.disable' }));
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.body.split('\r\n')[0]).toBe(
      'id,at,actor_email,actor_role,action,target_type,target_id,ip,detail',
    );
    expect(csv.body).toContain('user.disable');
    const practitioner = await signIn(app, t.services, { role: 'practitioner' });
    expect((await app.inject(as(practitioner, { url: '/admin/audit' }))).statusCode).toBe(403);
    expect((await app.inject(as(practitioner, { url: '/admin/audit.csv' }))).statusCode).toBe(403);
  });
});
