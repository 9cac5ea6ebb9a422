import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, signIn } from '../../../../test/support/auth.js';
import type { TestSession } from '../../../../test/support/auth.js';
import { testEnv } from '../../../../test/support/services.js';
import type { TestEnv } from '../../../../test/support/services.js';
import { createApp } from '../../create-app.js';
import { FINDING_HEADING_REPORT } from '../../../../test/support/fixtures.js';

const REVIEW = `# Safeguarding Adults Review: Mr V

FICTIONAL TEST DOCUMENT: invented for the analyst review tests.

Published by the Westshire Safeguarding Adults Board, April 2024

## Findings

3.1 Mr V's partner told the district nurse that he had pushed her and took her bank card each week, and the nurse did not share this with adult social care.

3.2 Mr V lived in a flat that was cold and full of rubbish, and he refused help from the GP and from his neighbours.

## Recommendations

1. The board should make sure that disclosures of abuse to community nurses are shared with adult social care.
`;

const tokenIn = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
const form = (fields: Record<string, string>) => ({
  payload: new URLSearchParams(fields).toString(),
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
});

describe('an analyst reviews a review’s key themes on the web', () => {
  let t: TestEnv;
  let app: FastifyInstance;
  let analyst: TestSession;
  let id: string;

  beforeAll(async () => {
    t = await testEnv('sqlite');
    app = await createApp(t.services);
    analyst = await signIn(app, t.services, { role: 'analyst' });
    const result = await t.services.importer.importBytes(Buffer.from(REVIEW), 'mr-v.md', {});
    if (result.kind !== 'imported') throw new Error('not imported');
    id = result.id;
  }, 60_000);
  afterAll(async () => {
    await app.close();
    await t.cleanup();
  });

  const post = async (fields: Record<string, string>) => {
    const page = await app.inject(as(analyst, { url: `/reviews/${id}/themes` }));
    return app.inject(
      as(analyst, {
        method: 'POST',
        url: `/reviews/${id}/themes`,
        ...form({ _csrf: tokenIn(page.body), ...fields }),
      }),
    );
  };

  it('shows the link and the page only to analysts (and administrators)', async () => {
    expect((await app.inject(as(analyst, { url: `/reviews/${id}` }))).body).toContain(
      `href="/reviews/${id}/themes"`,
    );
    expect((await app.inject(`/reviews/${id}`)).body).not.toContain(`/reviews/${id}/themes"`);
    const practitioner = await signIn(app, t.services, { role: 'practitioner' });
    expect((await app.inject(as(practitioner, { url: `/reviews/${id}/themes` }))).statusCode).toBe(403);
    expect((await app.inject(`/reviews/${id}/themes`)).statusCode).toBe(303);
    expect((await app.inject(as(analyst, { url: '/reviews/zzzzzzzzzz/themes' }))).statusCode).toBe(404);
  });

  it("shows a finding's heading as such when it is a theme's evidence", async () => {
    const report = FINDING_HEADING_REPORT;
    const result = await t.services.importer.importBytes(Buffer.from(report), 'child-w.md', {});
    if (result.kind !== 'imported') throw new Error('not imported');
    const code = (await t.services.themes.codesFor(result.id)).find((c) => c.slug === 'information-sharing');
    const heading = code?.evidence.find((e) => e.heading);
    expect(heading).toMatchObject({
      text: "Nobody shared the school's concerns with the GP or the health visitor.",
      paragraph: null,
    });
    const page = (await app.inject(`/reviews/${result.id}`)).body;
    expect(page).toContain('Heading of a finding');
    expect(page).toContain('paragraph 4.3');
    // the theme's page quotes a review's first evidence, and says when it is a finding's heading
    const headed = await t.services.importer.importBytes(
      Buffer.from(report.replace('Child W', 'Child X').replace(/\n\n4\.3 [^\n]*/, '')),
      'child-x.md',
      {},
    );
    if (headed.kind !== 'imported') throw new Error('not imported');
    const first = (await t.services.themes.codesFor(headed.id)).find((c) => c.slug === 'information-sharing')
      ?.evidence[0];
    expect(first?.heading).toBe(true);
    const themePage = (await app.inject('/themes/information-sharing')).body;
    const entry = themePage.slice(themePage.indexOf(`/reviews/${headed.id}#themes`));
    expect(entry).toMatch(
      /“Nobody shared the school(&#39;|')s concerns[^<]*”<\/p><p[^>]*>Heading of a finding/,
    );
  });

  it('confirms and rejects suggested themes, and the review page and dashboards follow', async () => {
    const codes = await t.services.themes.codesFor(id);
    const suggested = codes.filter((c) => c.status === 'suggested').map((c) => c.slug);
    expect(suggested.length).toBeGreaterThanOrEqual(2);
    const [keep, drop] = suggested as [string, string];
    expect((await post({ slug: keep, decision: 'confirm' })).statusCode).toBe(303);
    expect((await post({ slug: drop, decision: 'reject' })).statusCode).toBe(303);
    const after = new Map((await t.services.themes.codesFor(id)).map((c) => [c.slug, c]));
    expect(after.get(keep)).toMatchObject({ status: 'confirmed', reviewedBy: analyst.person.email });
    expect(after.get(drop)?.status).toBe('rejected');
    // The cached review page shows the change at once.
    const page = await app.inject(`/reviews/${id}`);
    expect(page.body).toMatch(/Confirmed<\/strong>/);
    const log = await t.services.audit.search({ action: 'theme.decide', targetId: id }, 1, 10);
    expect(log.entries.map((e) => JSON.parse(e.detail) as { theme: string; decision: string })).toEqual(
      expect.arrayContaining([
        { theme: keep, decision: 'confirm' },
        { theme: drop, decision: 'reject' },
      ]),
    );
  });

  it('adds a missing theme only with a sentence that is in the review', async () => {
    const coded = new Set((await t.services.themes.codesFor(id)).map((c) => c.slug));
    const missing = (await t.services.themes.themes()).find((th) => !coded.has(th.slug))?.slug ?? '';
    const wrong = await post({
      slug: missing,
      decision: 'add',
      evidence: 'A sentence that the review never says at all.',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('The evidence is not in the review');
    const none = await post({ decision: 'add', evidence: 'whatever' });
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain('<a href="#slug">Choose a theme</a>');
    const ok = await post({
      slug: missing,
      decision: 'add',
      evidence: 'he refused help from the GP and from his neighbours',
    });
    expect(ok.statusCode).toBe(303);
    const added = (await t.services.themes.codesFor(id)).find((c) => c.slug === missing);
    expect(added).toMatchObject({ status: 'added' });
    expect(added?.evidence[0]).toMatchObject({ section: 'Findings', paragraph: '3.2' });
  });

  it('refuses a decision without the form’s CSRF token', async () => {
    const res = await app.inject(
      as(analyst, {
        method: 'POST',
        url: `/reviews/${id}/themes`,
        ...form({ slug: 'x', decision: 'confirm' }),
      }),
    );
    // `as` adds the header token; a request carrying neither is what a forged form sends.
    const forged = await app.inject({
      method: 'POST',
      url: `/reviews/${id}/themes`,
      ...form({ slug: 'x', decision: 'confirm' }),
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: analyst.cookie },
    });
    expect(res.statusCode).not.toBe(403);
    expect(forged.statusCode).toBe(403);
  });
});
