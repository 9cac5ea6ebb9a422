/**
 * Learning benchmark: how long a theme briefing takes to build over a library of 1,000 and 10,000
 * reviews (the fictional demo reviews copied with other years, each copy keeping its passages,
 * recommendations and theme codes), and how long readability, framing and a review briefing take
 * for a 100-page report.
 *
 *   npm run bench:learning [-- --sizes 1000,10000] [--runs 5] [--json]
 *
 * Uses SQLite in a temp folder, or PostgreSQL when DATABASE_URL is set (in a schema of its own,
 * dropped afterwards). Prints figures; never passes or fails on them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pino from 'pino';
import { reviewBriefing } from '../src/analysis/briefing/review-briefing.js';
import { viewAt } from '../src/analysis/briefing/view.js';
import { frameText } from '../src/analysis/language/framing.js';
import { readability } from '../src/analysis/readability/readability.js';
import { loadConfig } from '../src/config.js';
import { dropSchema } from '../src/db/index.js';
import { loadDemoIfEmpty } from '../src/services/demo-service.js';
import { createServices } from '../src/services/index.js';
import { OPERATOR_ACCESS, PUBLIC_ACCESS } from '../src/services/review-service.js';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000' },
    runs: { type: 'string', default: '5' },
    json: { type: 'boolean', default: false },
  },
});
const sizes = values.sizes.split(',').map(Number);
const runs = Number(values.runs);
if (sizes.some((n) => !Number.isInteger(n) || n < 60) || !Number.isInteger(runs) || runs < 1) {
  process.stderr.write('--sizes must be whole numbers of at least 60, --runs at least 1\n');
  process.exit(2);
}
const say = (line: string) => {
  if (!values.json) process.stdout.write(`${line}\n`);
};

const base = loadConfig();
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'slh-bench-learning-'));
const schema = base.databaseUrl ? `bench_learning_${process.pid}` : undefined;
const services = await createServices(
  { ...base, dataDir, dbSchema: schema, logLevel: 'silent' },
  pino({ level: 'silent' }),
);
const db = services.db.kysely;
await loadDemoIfEmpty(services.reviews, services.importer);
const demo = (await services.reviews.list(OPERATOR_ACCESS, {}, 1, 1000)).results.map((r) => r.id);

const reviewColumns = Object.keys(
  (await db.selectFrom('reviews').selectAll().executeTakeFirstOrThrow()) as object,
);
/** Copies every demo review once more (copy k), with a year spread over 2005–2025. */
async function copyDemo(k: number, limit: number): Promise<void> {
  const ids = demo.slice(0, limit);
  const suffix = `-c${k}`;
  const exprs = reviewColumns.map((c) => {
    if (c === 'id') return sql`id || ${suffix}`;
    if (c === 'title') return sql`title || ${` (copy ${k})`}`;
    if (c === 'text_sha256') return sql`text_sha256 || ${suffix}`;
    if (c === 'published_year') return sql`${2005 + (k % 21)}`;
    if (c === 'published_on') return sql`${String(2005 + (k % 21))}`;
    return sql.ref(c);
  });
  const inList = sql.join(ids.map((id) => sql`${id}`));
  await db.transaction().execute(async (trx) => {
    await sql`insert into reviews (${sql.join(reviewColumns.map((c) => sql.ref(c)))}) select ${sql.join(exprs)} from reviews where id in (${inList})`.execute(
      trx,
    );
    await sql`insert into passages (review_id, section_id, seq, paragraph, page, kind, text)
      select review_id || ${suffix}, null, seq, paragraph, page, kind, text from passages where review_id in (${inList})`.execute(
      trx,
    );
    await sql`insert into recommendations (review_id, section_id, seq, number, text, page)
      select review_id || ${suffix}, null, seq, number, text, page from recommendations where review_id in (${inList})`.execute(
      trx,
    );
    await sql`insert into review_themes (review_id, slug, status, confidence, evidence, coded_by, coded_at, reviewed_by, reviewed_at)
      select review_id || ${suffix}, slug, status, confidence, evidence, coded_by, coded_at, reviewed_by, reviewed_at
      from review_themes where review_id in (${inList})`.execute(trx);
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
async function timed(f: () => Promise<unknown>): Promise<number> {
  const t0 = process.hrtime.bigint();
  await f();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

const results: Record<string, unknown> = { backend: services.db.dialect };
let copies = 0;
let bumps = 0;
let total = demo.length;
const themeRows: Array<Record<string, number | string>> = [];
for (const size of sizes) {
  while (total < size) {
    copies++;
    await copyDemo(copies, Math.min(demo.length, size - total));
    total = Math.min(size, total + demo.length);
  }
  if (services.db.dialect === 'postgres') await sql`analyze`.execute(db);
  for (const theme of ['domestic-abuse', 'neglect']) {
    const times: number[] = [];
    let statements = 0;
    let reviews = 0;
    for (let i = 0; i < runs; i++) {
      // A change to the library (as an import or a publication makes) so that each run builds afresh.
      await db
        .updateTable('reviews')
        .set({ updated_at: new Date(Date.UTC(2100, 0, 1) + ++bumps * 1000).toISOString() })
        .where('id', '=', demo[i % demo.length]!)
        .execute();
      times.push(
        await timed(async () => {
          const b = await services.briefings.forTheme(theme, {}, PUBLIC_ACCESS);
          statements = b.statements.length;
          reviews = Number(/^(\d+)/.exec(b.scopeLine)?.[1] ?? 0);
        }),
      );
    }
    const cached = await timed(() => services.briefings.forTheme(theme, {}, PUBLIC_ACCESS));
    const filtered = await timed(() =>
      services.briefings.forTheme(theme, { region: 'North West', from: 2010, to: 2020 }, PUBLIC_ACCESS),
    );
    themeRows.push({
      library: total,
      cachedMs: Math.round(cached),
      theme,
      reviewsWithTheme: reviews,
      statements,
      medianMs: Math.round(median(times)),
      maxMs: Math.round(Math.max(...times)),
      filteredMs: Math.round(filtered),
    });
    say(
      `theme briefing (${theme}) over ${total.toLocaleString('en-GB')} reviews (${reviews.toLocaleString('en-GB')} with the theme): median ${median(times).toFixed(0)} ms, slowest ${Math.max(...times).toFixed(0)} ms of ${runs}; North West 2010-2020: ${filtered.toFixed(0)} ms; again, unchanged library: ${cached.toFixed(0)} ms`,
    );
  }
}
results['themeBriefings'] = themeRows;

// A 100-page report: about 35,000 words (350 a page), made of the demo reports' passages in turn.
const passages = await db
  .selectFrom('passages')
  .select(['id', 'review_id', 'paragraph', 'page', 'text', 'section_id'])
  .where('review_id', 'in', demo)
  .orderBy('id')
  .execute();
const report: typeof passages = [];
let words = 0;
for (const p of passages) {
  if (words >= 35_000) break;
  report.push(p);
  words += p.text.split(/\s+/).length;
}
const texts = report.map((p) => p.text);
const readabilityMs = median(
  await Promise.all(Array.from({ length: runs }, () => timed(async () => readability(texts.join('\n\n'))))),
);
const framingMs = median(
  await Promise.all(Array.from({ length: runs }, () => timed(async () => frameText(texts)))),
);
const detail = await services.reviews.get(demo[0]!, OPERATOR_ACCESS);
const briefingMs = median(
  await Promise.all(
    Array.from({ length: runs }, () =>
      timed(async () => {
        const b = reviewBriefing(
          {
            id: detail.review.id,
            title: detail.review.title,
            typeLabel: 'Serious case review',
            publishedYear: 2020,
            publishingBody: null,
            region: null,
            sections: detail.sections.map((s) => ({ id: s.id, kind: s.kind, heading: s.heading })),
            passages: report.map((p, i) => ({
              id: p.id,
              sectionId: detail.sections[i % detail.sections.length]!.id,
              paragraph: p.paragraph,
              page: p.page,
              text: p.text,
            })),
            recommendations: [],
            themes: [],
            elsewhere: {},
          },
          {},
        );
        viewAt(b, 'universal', null);
      }),
    ),
  ),
);
results['report'] = {
  words,
  passages: report.length,
  readabilityMs: Math.round(readabilityMs),
  framingMs: Math.round(framingMs),
  reviewBriefingMs: Math.round(briefingMs),
};
say(
  `100-page report (${words.toLocaleString('en-GB')} words, ${report.length} passages): readability ${readabilityMs.toFixed(0)} ms, framing ${framingMs.toFixed(0)} ms, review briefing ${briefingMs.toFixed(0)} ms`,
);
say(`RSS ${(process.memoryUsage().rss / 1048576).toFixed(0)} MB, backend ${services.db.dialect}`);
results['rssMb'] = Math.round(process.memoryUsage().rss / 1048576);

await services.close();
if (schema && base.databaseUrl) await dropSchema(base.databaseUrl, schema);
fs.rmSync(dataDir, { recursive: true, force: true });
if (values.json) process.stdout.write(`${JSON.stringify(results)}\n`);
