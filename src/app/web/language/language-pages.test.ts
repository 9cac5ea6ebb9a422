import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, signIn } from '../../../../test/support/auth.js';
import type { TestSession } from '../../../../test/support/auth.js';
import { BACKENDS, testEnv } from '../../../../test/support/services.js';
import type { TestEnv } from '../../../../test/support/services.js';
import type { ReviewMetadataInput } from '../../../services/review-metadata.js';
import { PUBLIC_ACCESS } from '../../../services/review-service.js';
import { createApp } from '../../create-app.js';

const text = (n: number) => `# Learning review ${n}

FICTIONAL TEST DOCUMENT ${n}: invented for the language dashboard tests.

## Findings

${n}.1 The health visitor should have asked who else lived in the home, and this was a missed opportunity.

${n}.2 Practitioners told the review that caseloads were high and that supervision was often cancelled in ${2000 + n}.
`;

const REVIEWS: ReviewMetadataInput[] = [
  { type: 'cspr', year: 2021, region: 'London' },
  { type: 'cspr', year: 2022, region: 'North East' },
  { type: 'sar', year: 2022, region: 'London' },
  { type: 'cspr', year: 2022, visibility: 'restricted' },
  { type: 'dhr', year: 2023, status: 'draft' },
];

interface TrendsBody {
  by: string;
  reviews: number;
  groups: Array<{ key: string; label: string; reviews: number; medians: Record<string, number | null> }>;
  measures: Array<{ key: string; unit: string }>;
}

describe.each(BACKENDS)('the readability and language dashboard on %s', (backend) => {
  let t: TestEnv;
  let app: FastifyInstance;
  let admin: TestSession;

  beforeAll(async () => {
    t = await testEnv(backend);
    for (const [i, meta] of REVIEWS.entries()) {
      const r = await t.services.importer.importBytes(Buffer.from(text(i + 1)), `review-${i}.md`, meta);
      if (r.kind !== 'imported') throw new Error(`review ${i} not imported`);
    }
    app = await createApp(t.services);
    admin = await signIn(app, t.services, { role: 'admin' });
  }, 120_000);
  afterAll(async () => {
    await app.close();
    await t.cleanup();
  });

  it('shows medians by year and by type as accessible charts beside their tables, with CSV of each', async () => {
    const page = await app.inject('/language');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h1 class="govuk-heading-l">Readability and language of reviews</h1>');
    expect(page.body).toContain('Medians by year of publication');
    expect(page.body).toContain('Medians by type of review');
    expect(page.body).toMatch(
      /<svg[^>]*role="img"[^>]*aria-labelledby="year-fleschReadingEase-title year-fleschReadingEase-desc"/,
    );
    expect(page.body).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="type-blamePer1000Words-title/);
    expect(page.body).toContain('href="/language/by-year.csv"');
    expect(page.body).toContain('href="/language"'); // in the navigation
    expect(page.body).not.toContain('<script>'); // works without script: nothing inline

    const trends = await t.services.figures.trends(PUBLIC_ACCESS, 'year');
    const csv = await app.inject('/language/by-year.csv');
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain('language-by-year.csv');
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toBe(
      'year,reviews,median reading ease,median grade,median long sentences,median passive sentences,median hindsight per 1000 words,median blame per 1000 words,median systems per 1000 words',
    );
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 2))).toEqual([
      ['2021', '1'],
      ['2022', '2'],
    ]);
    const y2022 = trends.groups.find((g) => g.key === '2022');
    expect(lines[2]?.split(',')[2]).toBe(String(y2022?.medians.fleschReadingEase));
    const byType = await app.inject('/language/by-type.csv');
    expect(byType.body.split('\r\n')[1]).toMatch(/^cspr,Child safeguarding practice review,2,/);
    // The table on the page carries the same count and median.
    expect(page.body).toContain(`${y2022?.medians.fleschReadingEase?.toFixed(1)}</td>`);
  });

  it('aggregates only the reviews the caller may see: restricted and draft reviews count for an administrator', async () => {
    const visitor = (await app.inject('/api/v1/language/trends?by=type')).json<TrendsBody>();
    const everything = (
      await app.inject(as(admin, { url: '/api/v1/language/trends?by=type' }))
    ).json<TrendsBody>();
    expect(visitor.reviews).toBe(3);
    expect(everything.reviews).toBe(5);
    expect(visitor.groups.map((g) => [g.key, g.reviews])).toEqual([
      ['cspr', 2],
      ['sar', 1],
    ]);
    expect(everything.groups.map((g) => [g.key, g.reviews])).toEqual([
      ['cspr', 3],
      ['sar', 1],
      ['dhr', 1],
    ]);
    expect(everything.measures.map((m) => m.key)).toContain('hindsightPer1000Words');
    const page = await app.inject(as(admin, { url: '/language' }));
    expect(page.body).toContain('How readable the 5 reviews');
    expect((await app.inject('/language')).body).toContain('How readable the 3 reviews');
    const csv = await app.inject(as(admin, { url: '/language/by-year.csv' }));
    expect(csv.body.trim().split('\r\n')).toHaveLength(4); // header, 2021, 2022, 2023
  });

  it('keeps the filters in the URL, and treats a blank year from the form as no year', async () => {
    const london = await app.inject('/language?region=London&from=&to=');
    expect(london.statusCode).toBe(200);
    expect(london.body).toContain('How readable the 2 reviews that match the filters');
    expect(london.body).toContain('href="/language/by-type.csv?region=London"');
    const api = (await app.inject('/api/v1/language/trends?type=cspr&from=2022')).json<TrendsBody>();
    expect(api.groups.map((g) => [g.key, g.reviews])).toEqual([['2022', 1]]);
    const none = await app.inject('/language?nation=Wales');
    expect(none.body).toContain('No reviews match these filters.');
  });

  it('answers bad filters with a 400 that says what is wrong', async () => {
    const cases: Array<[string, string]> = [
      ['/api/v1/language/trends?by=month', 'by: must be "year" or "type"'],
      ['/api/v1/language/trends?from=last+year', 'from: must be a year between 1900 and 2100'],
      ['/api/v1/language/trends?from=2023&to=2020', '"from" must not be after "to"'],
      ['/api/v1/language/trends?type=novel', 'type'],
      ['/api/v1/language/trends?colour=red', 'colour'],
    ];
    for (const [url, message] of cases) {
      const res = await app.inject(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json<{ error: { code: string; message: string } }>().error).toMatchObject({
        code: 'invalid_request',
        message: expect.stringContaining(message),
      });
    }
    const page = await app.inject('/language?to=1800');
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('to: must be a year between 1900 and 2100');
    expect((await app.inject('/language/by-year.csv?region=Atlantis')).statusCode).toBe(400);
  });

  it('is linked from a review’s readability section and described in OpenAPI', async () => {
    const list = await t.services.reviews.list(PUBLIC_ACCESS, {}, 1, 1);
    const review = await app.inject(`/reviews/${list.results[0]?.id}`);
    expect(review.body).toMatch(/id="readability"[\s\S]*href="\/language"/);
    const doc = (await app.inject('/api/v1/openapi.json')).json<{ paths: Record<string, object> }>();
    expect(Object.keys(doc.paths)).toContain('/api/v1/language/trends');
  });
});
