/**
 * Search benchmark: builds a corpus of N reviews (~20 passages each, sampled from the fictional
 * demo reports so the vocabulary is that of real reviews), indexes it into the configured store
 * (SQLite, or PostgreSQL when DATABASE_URL is set), runs a fixed mix of 500 queries and prints the
 * indexing rate, latency percentiles and memory, then times similar reviews for 50 review pages.
 *
 *   npm run bench:search -- --docs N [--json] [--queries N] [--store NAME [--reindex]]
 *
 * --store NAME keeps the generated library (a folder in the temp directory, or a PostgreSQL schema
 * bench_NAME) and reuses it on the next run with the same NAME, so that a 100,000-review corpus is
 * built once; --reindex rebuilds its search index first (after a change to the index's design).
 *
 * Prints figures; never passes or fails on them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pino from 'pino';
import { loadConfig } from '../src/config.js';
import { dropSchema } from '../src/db/index.js';
import { ENGLISH_REGIONS } from '../src/ingestion/places.js';
import { ReviewsRepository } from '../src/repositories/reviews-repository.js';
import { generatedReview } from '../test/support/review-graph.js';
import { storeReviewTerms } from '../src/search/similar.js';
import { storeReviewFigures } from '../src/services/figures-service.js';
import { loadDemoIfEmpty } from '../src/services/demo-service.js';
import { createServices } from '../src/services/index.js';
import { OPERATOR_ACCESS, PUBLIC_ACCESS } from '../src/services/review-service.js';
import type { SearchParams } from '../src/services/search-service.js';

const { values } = parseArgs({
  options: {
    docs: { type: 'string', default: '1000' },
    json: { type: 'boolean', default: false },
    queries: { type: 'string', default: '500' },
    store: { type: 'string' },
    reindex: { type: 'boolean', default: false },
  },
});
const docs = Number(values.docs);
const queryCount = Number(values.queries);
if (!Number.isInteger(docs) || docs < 10 || !Number.isInteger(queryCount) || queryCount < 1) {
  process.stderr.write('--docs must be a whole number of at least 10, --queries at least 1\n');
  process.exit(2);
}

// A deterministic generator, so that runs are comparable.
let seed = 42;
const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

if (values.store !== undefined && !/^[a-z0-9_]{1,40}$/.test(values.store)) {
  process.stderr.write('--store must be 1-40 lower-case letters, digits or underscores\n');
  process.exit(2);
}
const kept = values.store !== undefined;
const dataDir = kept
  ? path.join(os.tmpdir(), `slh-bench-search-${values.store}`)
  : fs.mkdtempSync(path.join(os.tmpdir(), 'slh-bench-search-'));
fs.mkdirSync(dataDir, { recursive: true });
const base = loadConfig();
const schema = base.databaseUrl ? `bench_${values.store ?? process.pid}` : undefined;
const services = await createServices(
  { ...base, dataDir, dbSchema: schema, logLevel: 'silent' },
  pino({ level: 'silent' }),
);
const backend = services.db.dialect;
process.stderr.write(`backend ${backend}; loading the demo corpus as the source of passages\n`);
await loadDemoIfEmpty(services.reviews, services.importer);
// The demo reports' paragraphs only: a reused store also holds the generated reviews (two million
// paragraphs at 100,000), and reading those made the figure for memory that of the benchmark itself.
const pool = await services.db.kysely
  .selectFrom('passages as p')
  .innerJoin('reviews as r', 'r.id', 'p.review_id')
  .select(['p.text', 'p.paragraph', 'p.kind'])
  .where('p.kind', '=', 'paragraph')
  .where('r.title', 'not like', 'Benchmark review %')
  .orderBy('p.id')
  .execute();
const sectionNames = [
  'Executive summary',
  'Background',
  'Findings',
  'Learning',
  'Recommendations',
  'Analysis',
];
const types = ['scr', 'cspr', 'sar', 'dhr', 'cpr', 'scotland-review'];

/** One generated review's random choices, drawn in a fixed order. */
function drawReview() {
  const nation = random() < 0.85 ? 'England' : pick(['Wales', 'Scotland', 'Northern Ireland']);
  const year = 2008 + Math.floor(random() * 18);
  const passages = Array.from({ length: 20 }, (_, k) => ({
    ...pick(pool),
    seq: k + 1,
    sectionSeq: Math.floor(k / 4) + 1,
    page: Math.floor(k / 3) + 1,
  }));
  const type = pick(types);
  const region = nation === 'England' ? pick(ENGLISH_REGIONS) : null;
  const month = 1 + Math.floor(random() * 9);
  const subject = random() < 0.7 ? 'child' : 'adult';
  const visibility = random() < 0.9 ? 'public' : 'restricted';
  return { nation, year, passages, type, region, month, subject, visibility };
}

const repo = new ReviewsRepository(services.db.kysely);
const from = (
  await services.db.kysely
    .selectFrom('reviews')
    .select('id')
    .where('title', 'like', 'Benchmark review %')
    .execute()
).length;
if (from > 0) process.stderr.write(`reusing ${from} generated reviews in store ${values.store}\n`);
if (values.reindex) {
  const t0 = process.hrtime.bigint();
  const r = await services.search.reindex((done, total) => {
    if (done % 5000 === 0 || done === total) process.stderr.write(`  reindexed ${done} of ${total}\n`);
  });
  process.stderr.write(
    `reindexed ${r.reviews} reviews in ${Math.round(Number(process.hrtime.bigint() - t0) / 1e9)} s\n`,
  );
}
// Skip the generator's draws for the reviews already stored, so a resumed corpus is the same corpus.
for (let i = 0; i < from; i++) drawReview();
const started = process.hrtime.bigint();
for (let i = from; i < docs; i++) {
  const { nation, year, passages, type, region, month, subject, visibility } = drawReview();
  const id = `b${String(i).padStart(9, '0')}`;
  const now = new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString();
  await repo.insertGraph(
    generatedReview(id, {
      title: `Benchmark review ${i}`,
      review: {
        review_type: type,
        nation,
        region,
        published_on: `${year}-0${month}-15`,
        published_year: year,
        subject,
        visibility,
      },
      headings: sectionNames.slice(0, 5),
      passages: passages.map((p) => ({
        text: p.text,
        paragraph: p.paragraph,
        page: p.page,
        sectionSeq: p.sectionSeq,
      })),
      pages: 7,
      words: 2000,
      createdAt: now,
    }),
    undefined,
    async (trx, reviewId) => {
      // What an import writes beside the review, but for theme coding (bench:themes measures that).
      // Without the figures, every later start would compute them for the whole stored corpus.
      await storeReviewTerms(trx, reviewId);
      await services.search.index.indexReview(trx, reviewId);
      await storeReviewFigures(trx, reviewId);
    },
  );
  if ((i + 1) % 1000 === 0) process.stderr.write(`  indexed ${i + 1} of ${docs}\n`);
  // PostgreSQL: keep the planner's statistics as autovacuum would (it is off on some servers,
  // these machines among them). Without it, the plan each connection cached for the foreign-key
  // checks when `reviews` held the 52 demo reviews stays a sequential scan: every stored term of
  // every new review read the whole table, and a fresh build slowed to about 22 reviews/s.
  if (backend === 'postgres' && (i + 1) % 5000 === 0) await services.search.index.optimize();
}
// As a bulk import does, merge the index once the load is done.
if (docs > from) await services.search.index.optimize();
const indexSeconds = Number(process.hrtime.bigint() - started) / 1e9;
if (docs > from && backend === 'postgres') {
  // What autovacuum would do after the load, where it is off (these machines): indexing rewrites
  // every new paragraph once to store its vector, and the old versions would stay in the way of
  // every read. Not counted in the indexing rate.
  for (const table of ['passages', 'review_search', 'reviews', 'review_terms', 'term_reviews'])
    await sql`vacuum (analyze) ${sql.table(table)}`.execute(services.db.kysely);
}

const words = [
  'neglect',
  'bruising',
  'domestic abuse',
  'information sharing',
  'mental health',
  'alcohol',
  'school',
  'health visitor',
  'police',
  'housing',
  'exploitation',
  'missing',
  'capacity',
  'self-neglect',
  'assessment',
  'supervision',
  'threshold',
  'fathers',
  'voice',
  'lockdown',
  'interpreter',
  'GP',
  'CAMHS',
  'MARAC',
  'hoarding',
  'disguised compliance',
  'strategy discussion',
  'referral',
  'escalation',
  'child protection plan',
];
const filters: Array<SearchParams['filter']> = [
  {},
  { types: ['cspr'] },
  { regions: ['London'] },
  { subjects: ['adult'] },
  { yearFrom: 2019 },
  { types: ['scr', 'cspr'], yearFrom: 2012, yearTo: 2020 },
  { nations: ['Wales'], subjects: ['child'] },
];
const queries: SearchParams[] = Array.from({ length: queryCount }, (_, i) => {
  const shape = i % 5;
  const a = pick(words);
  const b = pick(words);
  const q =
    shape === 0
      ? a
      : shape === 1
        ? `${a} ${b}`
        : shape === 2
          ? `"${a}"`
          : shape === 3
            ? `${a} -${b.split(' ')[0]}`
            : `${a} OR ${b}`;
  return {
    q,
    filter: pick(filters),
    view: i % 3 === 0 ? 'passages' : 'reviews',
    sort: i % 7 === 0 ? 'date' : 'relevance',
    page: 1,
    pageSize: 20,
  };
});
for (const q of queries.slice(0, 20)) await services.search.search(q, PUBLIC_ACCESS); // warm caches
const latencies: number[] = [];
const byView = { reviews: [] as number[], passages: [] as number[] };
const slowest: Array<{ ms: number; q: SearchParams }> = [];
let results = 0;
for (const q of queries) {
  const t0 = process.hrtime.bigint();
  const r = await services.search.search(q, PUBLIC_ACCESS);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  latencies.push(ms);
  byView[q.view].push(ms);
  slowest.push({ ms, q });
  results += r.total;
}
// Similar reviews, as a review page asks for them, of 50 reviews spread over the library.
const reviewIds = (await services.db.kysely.selectFrom('reviews').select('id').orderBy('id').execute()).map(
  (r) => r.id,
);
const similarMs: number[] = [];
for (let k = 0; k < 50; k++) {
  const id = reviewIds[Math.floor((k * reviewIds.length) / 50)] ?? '';
  const t0 = process.hrtime.bigint();
  await services.search.similar(id, PUBLIC_ACCESS);
  similarMs.push(Number(process.hrtime.bigint() - t0) / 1e6);
}
const percentile = (list: number[], p: number) => {
  const sorted = [...list].sort((a, b) => a - b);
  return (
    Math.round((sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0) * 10) / 10
  );
};
const pct = (p: number) => percentile(latencies, p);
const passages = Number(
  (
    await services.db.kysely
      .selectFrom('passages')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
  ).n,
);
const total = await services.reviews.count(OPERATOR_ACCESS);
// PostgreSQL's own cache: with the Debian default (128 MB) the search reads through the operating
// system's page cache, which a virtual machine may shrink under it (see the README).
const sharedBuffers =
  backend === 'postgres'
    ? ((await sql<{ v: string }>`select current_setting('shared_buffers') as v`.execute(services.db.kysely))
        .rows[0]?.v ?? null)
    : null;
const result = {
  backend,
  ...(sharedBuffers ? { shared_buffers: sharedBuffers } : {}),
  docs: total,
  passages,
  index_docs_per_s: docs > from ? Math.round((docs - from) / indexSeconds) : null,
  queries: latencies.length,
  p50_ms: pct(50),
  p95_ms: pct(95),
  p99_ms: pct(99),
  mean_results: Math.round(results / latencies.length),
  rss_mb: Math.round(process.memoryUsage().rss / 1048576),
  reviews_view_p95_ms: percentile(byView.reviews, 95),
  similar_p50_ms: percentile(similarMs, 50),
  similar_p95_ms: percentile(similarMs, 95),
  passages_view_p95_ms: percentile(byView.passages, 95),
};
await services.close();
if (!kept) {
  if (schema && base.databaseUrl) await dropSchema(base.databaseUrl, schema);
  fs.rmSync(dataDir, { recursive: true, force: true });
}
process.stdout.write(
  `${result.backend}${sharedBuffers ? ` (shared_buffers ${sharedBuffers})` : ''}: ${result.docs} reviews, ${result.passages} passages; indexed ${result.index_docs_per_s ?? '(reused)'} reviews/s\n` +
    `${result.queries} queries (words, phrases, exclusions, OR; 0-3 filters; both views; top 20 with snippets and facet counts)\n` +
    `latency p50 ${result.p50_ms} ms, p95 ${result.p95_ms} ms, p99 ${result.p99_ms} ms; rss ${result.rss_mb} MB\n` +
    `p95 by view: reviews ${result.reviews_view_p95_ms} ms, passages ${result.passages_view_p95_ms} ms\n` +
    `similar reviews (50 review pages): p50 ${result.similar_p50_ms} ms, p95 ${result.similar_p95_ms} ms\n` +
    `slowest: ${slowest
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 5)
      .map(
        (s) =>
          `${Math.round(s.ms)} ms ${s.q.view} ${JSON.stringify(s.q.q)} ${JSON.stringify(s.q.filter)}${s.q.sort === 'date' ? ' by date' : ''}`,
      )
      .join('; ')}\n`,
);
if (values.json) process.stdout.write(`${JSON.stringify(result)}\n`);
