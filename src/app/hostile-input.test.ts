import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, signIn } from '../../test/support/auth.js';
import type { TestSession } from '../../test/support/auth.js';
import { SAMPLE_MARKDOWN } from '../../test/support/fixtures.js';
import { multipart } from '../../test/support/multipart.js';
import { BACKENDS, rowCounts, testEnv } from '../../test/support/services.js';
import type { TestEnv } from '../../test/support/services.js';
import { OPERATOR_ACCESS } from '../services/review-service.js';
import { createApp } from './create-app.js';

/** Strings that break a query built by concatenation, or walk out of a folder. */
const HOSTILE = [
  "' OR '1'='1",
  '1; DROP TABLE reviews; --',
  "%' UNION SELECT password_hash, email FROM users --",
  '"); DELETE FROM audit_log; --',
  '../../../../etc/passwd',
  '..%2F..%2Fetc%2Fpasswd',
  '<script>alert(1)</script>',
];
const PARAMS = [
  'q',
  'type',
  'nation',
  'region',
  'area',
  'agency',
  'theme',
  'subject',
  'age',
  'from',
  'to',
  'page',
  'pageSize',
  'sort',
  'view',
  'next',
  'actor',
  'action',
  'target',
];

const SECRET = 'gorsewhistle';

/**
 * Every GET route, with every path and query parameter filled with hostile input, as a visitor and as
 * a signed-in practitioner: nothing may fail with a 500, show a restricted review's words, echo a
 * password hash, or change what is stored.
 */
describe.each(BACKENDS)('hostile input on every route, on %s', (backend) => {
  let t: TestEnv;
  let app: FastifyInstance;
  let practitioner: TestSession;
  let restrictedId: string;

  beforeAll(async () => {
    t = await testEnv(backend);
    app = await createApp(t.services);
    practitioner = await signIn(app, t.services, { role: 'practitioner' });
    await t.services.importer.importBytes(Buffer.from(SAMPLE_MARKDOWN), 'public.md', {});
    const restricted = await t.services.importer.importBytes(
      Buffer.from(
        SAMPLE_MARKDOWN.replace(/Child Q/g, 'Child R').replace('skull fracture', `${SECRET} fracture`),
      ),
      'restricted.md',
      { visibility: 'restricted' },
    );
    if (restricted.kind !== 'imported') throw new Error('fixture not imported');
    restrictedId = restricted.id;
  }, 60_000);
  afterAll(async () => {
    await app.close();
    await t.cleanup();
  });

  const stored = () => rowCounts(t.services, ['reviews', 'users', 'passages']);

  it('answers every GET route without a server error or a leak, whatever is in the path and query', async () => {
    const before = await stored();
    const routes = app.routeTable.filter(
      (r) => r.method === 'GET' && !r.url.includes('*') && !r.url.startsWith('/static'),
    );
    expect(routes.length).toBeGreaterThan(25);
    const failures: string[] = [];
    for (const route of routes) {
      const fills = route.url.includes(':') ? [restrictedId, ...HOSTILE.map(encodeURIComponent)] : [''];
      for (const fill of fills) {
        const path = route.url.replace(/:[A-Za-z]+/g, fill || 'x');
        for (const value of HOSTILE) {
          const query = PARAMS.map((p) => `${p}=${encodeURIComponent(value)}`).join('&');
          for (const who of [null, practitioner]) {
            const request = { url: `${path}?${query}` };
            const res = await app.inject(who ? as(who, request) : request);
            const label = `${who ? 'practitioner' : 'visitor'} GET ${path} (${value})`;
            if (res.statusCode >= 500) failures.push(`${label}: ${res.statusCode}`);
            if (res.body.includes(SECRET)) failures.push(`${label}: restricted text`);
            if (res.body.includes('$argon2')) failures.push(`${label}: a password hash`);
            if (/<script>alert\(1\)<\/script>/.test(res.body)) failures.push(`${label}: unescaped script`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
    expect(await stored()).toEqual(before);
  }, 300_000);

  it('refuses hostile sign-in, reset and session input with a 4xx, never a 500', async () => {
    const page = await app.inject('/sign-in');
    const cookie = page.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    for (const value of HOSTILE) {
      for (const url of ['/sign-in', '/password-reset']) {
        const res = await app.inject({
          method: 'POST',
          url,
          payload: new URLSearchParams({ _csrf: csrf, email: value, password: value }).toString(),
          headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
        });
        expect(res.statusCode, `${url} ${value}`).toBeLessThan(500);
        expect(res.body).not.toContain('$argon2');
      }
      const api = await app.inject({
        method: 'POST',
        url: '/api/v1/session',
        payload: { email: value, password: value },
      });
      expect([400, 401, 429]).toContain(api.statusCode);
    }
    expect((await stored()).users).toBe(1);
  });

  it('stores an upload under a safe name whatever path its file name claims, and refuses SVG', async () => {
    const editor = await signIn(app, t.services);
    const traversal = await app.inject(
      as(editor, {
        method: 'POST',
        url: '/api/v1/reviews',
        ...multipart(
          {},
          { name: '../../../etc/cron.d/child-s.md', bytes: SAMPLE_MARKDOWN.replace(/Child Q/g, 'Child S') },
        ),
      }),
    );
    expect(traversal.statusCode).toBe(201);
    const id = traversal.json<{ upload: { reviewId: string } }>().upload.reviewId;
    const detail = await t.services.reviews.get(id, OPERATOR_ACCESS);
    expect(detail.documents[0]?.file_name).toBe('child-s.md');
    expect(detail.documents[0]?.storage_key).toMatch(/^[0-9a-f/]+$/);
    const svg = await app.inject(
      as(editor, {
        method: 'POST',
        url: '/api/v1/reviews',
        ...multipart(
          {},
          {
            name: 'chart.svg',
            bytes: '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
            type: 'image/svg+xml',
          },
        ),
      }),
    );
    expect(svg.statusCode).toBe(400);
    expect(svg.json()).toMatchObject({
      error: { details: { fields: { file: expect.stringContaining('must be a PDF') } } },
    });
  });
});
