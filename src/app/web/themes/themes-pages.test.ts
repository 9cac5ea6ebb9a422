import fs from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, testEnv } from '../../../../test/support/services.js';
import type { TestEnv } from '../../../../test/support/services.js';
import { loadDemoIfEmpty } from '../../../services/demo-service.js';
import { PUBLIC_ACCESS } from '../../../services/review-service.js';
import { createApp } from '../../create-app.js';
import { csvCell } from './chart.js';

const DEMO_REVIEWS = (
  JSON.parse(fs.readFileSync(new URL('../../../../demo/manifest.json', import.meta.url), 'utf8')) as unknown[]
).length;

describe.each(BACKENDS)('theme pages on %s', (backend) => {
  let t: TestEnv;
  let app: FastifyInstance;

  beforeAll(async () => {
    t = await testEnv(backend);
    const outcome = await loadDemoIfEmpty(t.services.reviews, t.services.importer);
    expect(outcome?.failed).toEqual([]);
    app = await createApp(t.services);
  });
  afterAll(async () => {
    await app.close();
    await t.cleanup();
  });

  it('lists every theme with its count, share, sparkline and trend, and the same figures as CSV', async () => {
    const overview = await t.services.themes.overview(PUBLIC_ACCESS);
    expect(overview.reviews).toBe(DEMO_REVIEWS);
    const page = await app.inject('/themes');
    expect(page.statusCode).toBe(200);
    for (const row of overview.themes) expect(page.body).toContain(`href="/themes/${row.theme.slug}"`);
    expect(page.body).toContain('<svg');
    const csv = await app.inject('/themes.csv');
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.trim().split('\r\n');
    expect(lines).toHaveLength(33);
    const da = overview.themes.find((r) => r.theme.slug === 'domestic-abuse');
    expect(lines.find((l) => l.startsWith('domestic-abuse,'))?.split(',')[3]).toBe(String(da?.coded));
  });

  it('shows a theme with an accessible chart, the table behind it, regions, related themes and key passages', async () => {
    const d = await t.services.themes.detail(PUBLIC_ACCESS, 'domestic-abuse');
    expect(d.coded).toBeGreaterThan(3);
    // the yearly table adds up to the count
    expect(d.series.reduce((n, s) => n + s.count, 0)).toBe(d.coded);
    const page = await app.inject('/themes/domestic-abuse');
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="trend-chart-title trend-chart-desc"/);
    expect(page.body).toContain('Reviews by year of publication');
    expect(page.body).toContain('How the trend is tested');
    const first = d.reviews[0];
    expect(page.body).toContain(`/reviews/${first?.id}#themes`);
    expect(d.related.every((r) => r.slug !== 'domestic-abuse' && r.both >= 2)).toBe(true);
    const csv = await app.inject('/themes/domestic-abuse/data.csv');
    expect(csv.body.split('\r\n')[0]).toBe('year,reviews published,reviews coded domestic-abuse,share');
  });

  it('filters by region in the URL, and answers unknown themes and filters plainly', async () => {
    const london = await t.services.themes.overview(PUBLIC_ACCESS, { regions: ['London'] });
    expect(london.reviews).toBeGreaterThan(0);
    expect(london.reviews).toBeLessThan(DEMO_REVIEWS);
    const page = await app.inject('/themes?region=London');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`${london.reviews} reviews`);
    expect((await app.inject('/themes/not-a-theme')).statusCode).toBe(404);
    expect((await app.inject('/themes?region=Atlantis')).statusCode).toBe(400);
  });

  it('gives the same figures through the API, with the trend test behind each', async () => {
    const list = await app.inject('/api/v1/themes');
    expect(list.statusCode).toBe(200);
    const body = list.json() as {
      reviews: number;
      results: Array<{
        slug: string;
        coded: number;
        byYear: Array<{ count: number }>;
        trend: { p: number; direction: string };
      }>;
    };
    const overview = await t.services.themes.overview(PUBLIC_ACCESS);
    expect(body.reviews).toBe(overview.reviews);
    const da = body.results.find((r) => r.slug === 'domestic-abuse');
    expect(da?.byYear.reduce((n, y) => n + y.count, 0)).toBe(da?.coded);
    expect(da?.trend.p).toBeGreaterThanOrEqual(0);
    const one = await app.inject('/api/v1/themes/domestic-abuse?region=London');
    expect(one.statusCode).toBe(200);
    expect(Object.keys(one.json() as object)).toEqual(
      expect.arrayContaining(['byYear', 'byRegion', 'related', 'reviews', 'trend']),
    );
    expect((await app.inject('/api/v1/themes/nope')).statusCode).toBe(404);
  });

  it('shows emerging themes and terms with their figures, as a page, CSV and JSON', async () => {
    const e = await t.services.themes.emerging(PUBLIC_ACCESS);
    expect(e.recentTotal).toBeGreaterThan(0);
    expect(e.earlierTotal).toBeGreaterThan(0);
    const page = await app.inject('/themes/emerging');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Emerging terms');
    for (const term of e.terms.slice(0, 3)) expect(page.body).toContain(term.term);
    const csv = await app.inject('/themes/emerging.csv');
    expect(csv.body.trim().split('\r\n')).toHaveLength(e.terms.length + 1);
    const api = await app.inject('/api/v1/themes/emerging');
    expect((api.json() as { terms: unknown[] }).terms).toHaveLength(e.terms.length);
  });

  it('narrows a search page by the key-theme facet, keeping the choice in the URL and the form', async () => {
    const all = await t.services.search.search(
      { q: 'family', filter: {}, view: 'reviews', sort: 'relevance', page: 1, pageSize: 20 },
      PUBLIC_ACCESS,
    );
    const theme = all.facets.theme.find((f) => f.count < all.total);
    expect(theme).toBeDefined();
    const page = await app.inject(`/search?q=family&theme=${theme?.value}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`${theme?.count} review`);
    expect(page.body).toMatch(new RegExp(`name="theme" type="checkbox" value="${theme?.value}" checked`));
    // the list of reviews takes the same filter
    const list = await app.inject(`/reviews?theme=${theme?.value}`);
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(`${DEMO_REVIEWS} reviews`);
  });

  it("flags the demo corpus's rising theme: online harm, from the figures", async () => {
    const online = (await t.services.themes.overview(PUBLIC_ACCESS)).themes.find(
      (r) => r.theme.slug === 'online-harm',
    );
    expect(online?.trend.direction).toBe('rising');
    expect(online?.trend.rateRatio).toBeGreaterThan(1);
  });
});

describe('CSV cells', () => {
  it('quotes what must be quoted and never lets a spreadsheet read a cell as a formula', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell(null)).toBe('');
  });
});
