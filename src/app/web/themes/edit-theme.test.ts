import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, signIn } from '../../../../test/support/auth.js';
import type { TestSession } from '../../../../test/support/auth.js';
import { SAMPLE_MARKDOWN } from '../../../../test/support/fixtures.js';
import { testEnv } from '../../../../test/support/services.js';
import type { TestEnv } from '../../../../test/support/services.js';
import { createApp } from '../../create-app.js';

const body = (fields: Array<[string, string]>) => ({
  payload: new URLSearchParams(fields).toString(),
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
});

describe('analysts edit the taxonomy on the web', () => {
  let t: TestEnv;
  let app: FastifyInstance;
  let analyst: TestSession;

  beforeAll(async () => {
    t = await testEnv('sqlite');
    app = await createApp(t.services);
    analyst = await signIn(app, t.services, { role: 'analyst' });
    await t.services.importer.importBytes(Buffer.from(SAMPLE_MARKDOWN), 'child-q.md', {});
  }, 60_000);
  afterAll(async () => {
    await app.close();
    await t.cleanup();
  });

  // `as` sends the session's CSRF token in the header, as the form's hidden field would.
  const post = (url: string, fields: Array<[string, string]>) =>
    app.inject(as(analyst, { method: 'POST', url, ...body(fields) }));

  it('changes a definition and adds an indicator as a new version, kept in the history with who', async () => {
    const before = (await t.services.themes.history('neglect')).length;
    const res = await post('/themes/neglect/edit', [
      ['definition', 'A persistent failure to meet basic needs, as the taxonomy says (edited in a test).'],
      ['match', 'exact'],
      ['indicator', 'no food in the house'],
      ['strength', 'strong'],
    ]);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toMatch(/^\/themes\/neglect\/edit\?saved=\d+$/);
    const history = await t.services.themes.history('neglect');
    expect(history.length).toBe(before + 1);
    expect(history.at(-1)?.changedBy ?? history[0]?.changedBy).toBeDefined();
    expect(JSON.stringify(history)).toContain(analyst.person.email);
    const theme = (await t.services.themes.themes()).find((th) => th.slug === 'neglect');
    expect(theme?.definition).toContain('edited in a test');
    expect(theme?.indicators.some((i) => i.text === 'no food in the house' && i.strength === 'strong')).toBe(
      true,
    );
    const page = await app.inject(as(analyst, { url: res.headers.location as string }));
    expect(page.body).toContain('Re-code every review now');
    const log = await t.services.audit.search({ action: 'theme.change' }, 1, 10);
    expect(log.entries[0]?.target_id).toBe('neglect');
  });

  it('refuses a pattern that is not a valid regular expression, naming the field', async () => {
    const res = await post('/themes/neglect/edit', [
      ['match', 'regex'],
      ['indicator', '(unclosed'],
    ]);
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('href="#indicator"');
  });

  it('adds a new theme, and re-codes every review in the background', async () => {
    const res = await post('/themes/new', [
      ['slug', 'cost-of-living'],
      ['label', 'Cost of living'],
      ['definition', 'Money worries, debt, fuel and food poverty shaping what families could manage.'],
      ['group', 'harm'],
      ['applies', 'child'],
      ['applies', 'adult'],
      ['match', 'any'],
      ['indicator', 'rent arrears'],
      ['strength', 'strong'],
    ]);
    expect(res.statusCode).toBe(303);
    expect((await t.services.themes.themes()).some((th) => th.slug === 'cost-of-living')).toBe(true);
    const again = await post('/themes/new', [
      ['slug', 'cost-of-living'],
      ['label', 'Again'],
      ['definition', 'Again.'],
      ['match', 'any'],
      ['indicator', 'arrears'],
    ]);
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('exists already');
    const recode = await post('/themes/recode', [['slug', 'cost-of-living']]);
    expect(recode.statusCode).toBe(303);
    for (let i = 0; i < 200; i++) {
      const p = await t.services.themes.recodeProgress();
      if (p.total > 0 && p.done === p.total) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    const p = await t.services.themes.recodeProgress();
    expect(p.done).toBe(p.total);
    expect(p.total).toBeGreaterThan(0);
  });

  it('is for analysts and administrators only', async () => {
    const practitioner = await signIn(app, t.services, { role: 'practitioner' });
    expect((await app.inject(as(practitioner, { url: '/themes/neglect/edit' }))).statusCode).toBe(403);
    expect((await app.inject('/themes/new')).statusCode).toBe(303);
    expect((await app.inject(as(analyst, { url: '/themes/no-such-theme/edit' }))).statusCode).toBe(404);
    expect((await app.inject(as(analyst, { url: '/themes' }))).body).toContain('href="/themes/new"');
    expect((await app.inject('/themes')).body).not.toContain('href="/themes/new"');
  });
});
