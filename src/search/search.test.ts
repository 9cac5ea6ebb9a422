import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_MARKDOWN, tempDir } from '../../test/support/fixtures.js';
import { BACKENDS, testEnv } from '../../test/support/services.js';
import type { TestEnv } from '../../test/support/services.js';
import { generatedReview } from '../../test/support/review-graph.js';
import { loadDemoIfEmpty } from '../services/demo-service.js';
import { OPERATOR_ACCESS, PUBLIC_ACCESS } from '../services/review-service.js';
import { SearchService } from '../services/search-service.js';
import type { SearchParams, SearchResult } from '../services/search-service.js';
import { PostgresTsvectorIndex } from './postgres-tsvector.js';
import { similarReviews, storeReviewTerms } from './similar.js';
import { estimate, recentEnough, sureAbove } from './sql-search.js';
import type { MatchScope } from './sql-search.js';
import type { Facets } from './search-index.js';
import { ReviewsRepository } from '../repositories/reviews-repository.js';
import type { ReviewFilter } from '../repositories/reviews-repository.js';
import { SqliteFts5Index } from './sqlite-fts5.js';

const RESTRICTED_PHRASE = 'zanzibar marmalade protocol';

/** One suite for both engines: same queries, same answers. */
describe.each(BACKENDS)('search on %s', (backend) => {
  let t: TestEnv;
  let restrictedId = '';
  const titleOf = new Map<string, string>();

  beforeAll(async () => {
    t = await testEnv(backend);
    const outcome = await loadDemoIfEmpty(t.services.reviews, t.services.importer);
    expect(outcome?.failed).toEqual([]);
    for (const r of (await t.services.reviews.list(OPERATOR_ACCESS, {}, 1, 100)).results)
      titleOf.set(r.id, r.title);
    const dir = await tempDir();
    const file = path.join(dir, 'secret.md');
    await fs.writeFile(
      file,
      SAMPLE_MARKDOWN.replace(/Child Q/g, 'Child S').replace(
        'skull fracture',
        `skull fracture; the ${RESTRICTED_PHRASE} was not followed`,
      ),
    );
    const out = await t.services.importer.importAll([{ path: file, metadata: { visibility: 'restricted' } }]);
    restrictedId = out.imported[0]?.id ?? '';
    await fs.rm(dir, { recursive: true, force: true });
  });
  afterAll(async () => t.cleanup());

  const search = (q: string, extra: Partial<SearchParams> = {}, access = PUBLIC_ACCESS) =>
    t.services.search.search(
      { q, filter: {}, view: 'reviews', sort: 'relevance', page: 1, pageSize: 20, ...extra },
      access,
    );
  const titles = async (q: string, extra: Partial<SearchParams> = {}) =>
    (await search(q, extra)).results.map((r) => r.title);
  /** A published child review of one paragraph, stored and indexed under an id the test chooses. */
  const addReview = async (id: string, text: string) => {
    await new ReviewsRepository(t.services.db.kysely).insertGraph(
      generatedReview(id, {
        title: `Test review ${id} (fictional)`,
        review: { region: 'London', published_on: '2024-03-01', published_year: 2024 },
        headings: ['Findings'],
        passages: [{ text, paragraph: '1.1', page: 1, sectionSeq: 1 }],
        pages: 1,
        words: 20,
      }),
      undefined,
      async (trx, reviewId) => {
        await storeReviewTerms(trx, reviewId);
        await t.services.search.index.indexReview(trx, reviewId);
      },
    );
  };

  describe('relevance: the review people are looking for comes first', () => {
    it.each([
      ['sextortion', 'Toby'],
      ['elective home education', 'Child T'],
      ['pressure ulcers missed calls home care agency', 'Irene'],
      ['interpreter husband coercive control', 'Sana'],
    ])('"%s" → the review about %s', async (q, who) => {
      const [first] = await titles(q);
      expect(first).toContain(who);
    });
  });

  it('finds a review the moment its import finishes, with snippets that name section, paragraph and page', async () => {
    const response = await search('sextortion');
    const top = response.results[0];
    expect(top?.snippets.length).toBeGreaterThan(0);
    const s = top?.snippets[0];
    expect(s?.text.toLowerCase()).toContain('sextortion');
    expect(s?.section).toBeTruthy();
    const highlighted = (s?.highlights ?? []).map(([a, b]) => s?.text.slice(a, b).toLowerCase());
    expect(highlighted).toContain('sextortion');
  });

  it('treats "exact phrases" as phrases and words as words', async () => {
    const phrase = await search('"written agreement"');
    const words = await search('written agreement');
    expect(phrase.total).toBeGreaterThan(0);
    expect(words.total).toBeGreaterThanOrEqual(phrase.total);
    for (const r of phrase.results) {
      expect(r.snippets.some((s) => /written agreements?/i.test(s.text))).toBe(true);
    }
  });

  it('leaves out reviews with -excluded words, and widens with OR', async () => {
    const all = await search('neglect');
    const without = await search('neglect -hoarding');
    expect(without.total).toBeLessThan(all.total);
    for (const r of without.results) {
      const passages = (await t.services.reviews.get(r.id, PUBLIC_ACCESS)).passages
        .map((p) => p.text.toLowerCase())
        .join(' ');
      expect(passages).not.toContain('hoarding');
    }
    const a = await search('sextortion');
    const b = await search('hoarding');
    const either = await search('sextortion OR hoarding');
    expect(either.total).toBe(a.total + b.total);
  });

  it('stems English words: "assessments" finds "assessed"', async () => {
    const response = await search('assessments', { view: 'passages', pageSize: 100 });
    expect(response.results.some((r) => /\bassessed\b/i.test(r.snippets[0]?.text ?? ''))).toBe(true);
  });

  it('treats British and American spellings alike', async () => {
    const british = await search('behaviour');
    const american = await search('behavior');
    expect(british.total).toBeGreaterThan(0);
    expect(american.total).toBe(british.total);
    expect(american.results.map((r) => r.id)).toEqual(british.results.map((r) => r.id));
  });

  it('matches acronyms and their expansions both ways', async () => {
    const acronym = await search('MARAC');
    const expansion = await search('"multi-agency risk assessment conference"');
    expect(acronym.total).toBeGreaterThan(0);
    expect(expansion.total).toBe(acronym.total);
    expect(acronym.understood).toEqual(expect.arrayContaining(['marac', 'risk', 'assessment', 'conference']));
  });

  it('filters and counts facets for the current query', async () => {
    const all = await search('information sharing');
    const adults = await search('information sharing', { filter: { subjects: ['adult'] } });
    expect(adults.total).toBeLessThan(all.total);
    expect(adults.total).toBeGreaterThan(0);
    const subjectFacet = Object.fromEntries(all.facets.subject.map((f) => [f.value, f.count]));
    expect(subjectFacet['adult']).toBe(adults.total);
    expect((subjectFacet['adult'] ?? 0) + (subjectFacet['child'] ?? 0)).toBe(all.total);
    // A facet's own filter does not narrow its own counts, so people can widen a choice.
    expect(adults.facets.subject.map((f) => f.value).sort()).toEqual(['adult', 'child']);
    const recent = await search('information sharing', { filter: { yearFrom: 2020 } });
    for (const r of recent.results) expect(Number(r.published?.slice(0, 4))).toBeGreaterThanOrEqual(2020);
  });

  it('counts and filters by age band, publishing area and agency, each facet widening only itself', async () => {
    const all = await search('information sharing');
    const sum = (list: Array<{ count: number }>) => list.reduce((n, f) => n + f.count, 0);
    // every demo review has an age band and an area: each facet accounts for every match
    expect(sum(all.facets.age)).toBe(all.total);
    expect(sum(all.facets.area)).toBe(all.total);
    const police = all.facets.agency.find((f) => f.value === 'police');
    expect(police?.count).toBeGreaterThan(0);
    expect(police?.count).toBeLessThan(all.total);
    const withPolice = await search('information sharing', {
      filter: { agencies: ['police'] },
      pageSize: 50,
    });
    expect(withPolice.total).toBe(police?.count);
    const agencies = await t.services.reviews.get(withPolice.results[0]?.id ?? '', PUBLIC_ACCESS);
    expect(agencies.agencies).toContain('police');
    const band = all.facets.age[0];
    const inBand = await search('information sharing', { filter: { ageBands: [band?.value ?? ''] } });
    expect(inBand.total).toBe(band?.count);
    // the age filter narrows the area counts but not its own
    expect(sum(inBand.facets.area)).toBe(inBand.total);
    expect(inBand.facets.age).toEqual(all.facets.age);
    const area = all.facets.area[0];
    const inArea = await search('information sharing', { filter: { areas: [area?.value ?? ''] } });
    expect(inArea.total).toBe(area?.count);
  });

  it('filters by key theme and counts themes as a facet (rejected codes do not count)', async () => {
    const all = await search('family');
    const theme = all.facets.theme[0];
    expect(theme?.count).toBeGreaterThan(0);
    const within = await search('family', { filter: { themes: [theme?.value ?? ''] }, pageSize: 50 });
    expect(within.total).toBe(theme?.count);
    for (const r of within.results) {
      expect((await t.services.themes.codesFor(r.id)).map((c) => c.slug)).toContain(theme?.value);
    }
    const first = within.results[0]?.id ?? '';
    await t.services.db.kysely
      .updateTable('review_themes')
      .set({ status: 'rejected' })
      .where('review_id', '=', first)
      .where('slug', '=', theme?.value ?? '')
      .execute();
    const after = await search('family', { filter: { themes: [theme?.value ?? ''] }, pageSize: 50 });
    expect(after.results.map((r) => r.id)).not.toContain(first);
    await t.services.db.kysely
      .updateTable('review_themes')
      .set({ status: 'suggested' })
      .where('review_id', '=', first)
      .where('slug', '=', theme?.value ?? '')
      .execute();
  });

  it('lists every matching passage in the passages view, sortable by date', async () => {
    const byScore = await search('bruising', { view: 'passages', pageSize: 100 });
    expect(byScore.total).toBe(byScore.results.length);
    expect(
      byScore.results.every((r) => r.snippets.length === 1 && /bruis/i.test(r.snippets[0]?.text ?? '')),
    ).toBe(true);
    const byDate = await search('bruising', { view: 'passages', sort: 'date', pageSize: 100 });
    const dates = byDate.results.map((r) => r.published ?? '');
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('pages through results without repeating any', async () => {
    const first = await search('family', { pageSize: 5 });
    const second = await search('family', { pageSize: 5, page: 2 });
    expect(first.total).toBeGreaterThan(10);
    expect(second.results.map((r) => r.id).filter((id) => first.results.some((f) => f.id === id))).toEqual(
      [],
    );
  });

  it('never lets restricted text reach the counts, snippets or facets of someone who may not read it', async () => {
    const publicView = await search(RESTRICTED_PHRASE);
    expect(publicView.total).toBe(0);
    expect(JSON.stringify(publicView)).not.toContain('marmalade protocol was');
    expect(publicView.facets.type).toEqual([]);
    const passages = await search(RESTRICTED_PHRASE, { view: 'passages' });
    expect(passages.total).toBe(0);
    const operator = await search(RESTRICTED_PHRASE, {}, OPERATOR_ACCESS);
    expect(operator.results.map((r) => r.id)).toEqual([restrictedId]);
  });

  it('rebuilds the index to the same answers', async () => {
    const before = await search('information sharing', { pageSize: 50 });
    const rebuilt = await t.services.search.reindex();
    expect(rebuilt.reviews).toBe(titleOf.size + 1);
    const after = await search('information sharing', { pageSize: 50 });
    expect(after.total).toBe(before.total);
    // Same reviews; scores summed in another order may differ in the last bits and swap near-ties.
    expect(after.results.map((r) => r.id).sort()).toEqual(before.results.map((r) => r.id).sort());
    expect(after.results[0]?.id).toBe(before.results[0]?.id);
  });

  it("finds the same story again: an overview report and its executive summary are each other's most similar review", async () => {
    const all = (await t.services.reviews.list(PUBLIC_ACCESS, {}, 1, 100)).results;
    const overview = all.find((r) => r.title.includes('Child K – Overview Report'));
    const summary = all.find((r) => r.title.includes('Child K – Executive Summary'));
    const similar = await t.services.search.similar(overview?.id ?? '', PUBLIC_ACCESS);
    expect(similar[0]?.id).toBe(summary?.id);
    expect(similar[0]?.score).toBeGreaterThan(similar[1]?.score ?? 0);
    expect(similar[0]?.sharedTerms.length).toBeGreaterThan(3);
    expect(similar.map((x) => x.id)).not.toContain(restrictedId);
  });

  it('finds similar reviews from their rarest words within a budget of rows, and scores them on whole vectors', async () => {
    const all = (await t.services.reviews.list(PUBLIC_ACCESS, {}, 1, 100)).results;
    const overview = all.find((r) => r.title.includes('Child K – Overview Report'))?.id ?? '';
    const summary = all.find((r) => r.title.includes('Child K – Executive Summary'))?.id ?? '';
    const db = t.services.db.kysely;
    const full = await similarReviews(db, overview, PUBLIC_ACCESS, 100);
    // A budget of one row: only the overview's rarest word that another review keeps picks candidates.
    const bounded = await similarReviews(db, overview, PUBLIC_ACCESS, 100, { postings: 1 });
    expect(bounded.length).toBeGreaterThan(0);
    expect(bounded.length).toBeLessThan(full.length);
    expect(bounded[0]?.id).toBe(summary);
    const rarest = (
      await db
        .selectFrom('review_terms as t')
        .innerJoin('term_reviews as c', 'c.term', 't.term')
        .select(['t.term', 'c.reviews'])
        .where('t.review_id', '=', overview)
        .where('c.reviews', '>', 1)
        .orderBy('c.reviews')
        .orderBy('t.term')
        .executeTakeFirstOrThrow()
    ).term;
    for (const b of bounded) {
      // each candidate keeps that word, and its score is the one the whole library gives it
      const kept = await db
        .selectFrom('review_terms')
        .select('term')
        .where('review_id', '=', b.id)
        .where('term', '=', rarest)
        .execute();
      expect(kept).toHaveLength(1);
      expect(b.score).toBe(full.find((f) => f.id === b.id)?.score);
    }
    // Fewer candidates scored than exist: the best by the words read are kept.
    const two = await similarReviews(db, overview, PUBLIC_ACCESS, 100, { candidates: 2 });
    expect(two).toHaveLength(2);
    expect(two[0]?.id).toBe(summary);
  });

  it("keeps each word's count of reviews (term_reviews) equal to review_terms through imports, reindexing and deletions", async () => {
    const compare = async (db: typeof t.services.db.kysely) => {
      const kept = await db
        .selectFrom('term_reviews')
        .select(['term', 'reviews'])
        .where('reviews', '>', 0)
        .orderBy('term')
        .execute();
      const actual = await db
        .selectFrom('review_terms')
        .select(['term', (eb) => eb.fn.countAll<number>().as('reviews')])
        .groupBy('term')
        .orderBy('term')
        .execute();
      expect(kept.length).toBeGreaterThan(100);
      expect(kept.map((r) => `${r.term} ${Number(r.reviews)}`)).toEqual(
        actual.map((r) => `${r.term} ${Number(r.reviews)}`),
      );
    };
    await compare(t.services.db.kysely);
    await t.services.search.reindex();
    await compare(t.services.db.kysely);
    const rollback = new Error('roll back');
    await expect(
      t.services.db.kysely.transaction().execute(async (trx) => {
        await trx.deleteFrom('review_terms').where('review_id', '=', restrictedId).execute();
        await compare(trx);
        throw rollback;
      }),
    ).rejects.toBe(rollback);
    await compare(t.services.db.kysely);
  });

  it("follows a review's changed description in both views: its paragraphs are found under the new filter, not the old", async () => {
    const id = (await search('sextortion')).results[0]?.id ?? '';
    const db = t.services.db.kysely;
    const { nation, subject } = await db
      .selectFrom('reviews')
      .select(['nation', 'subject'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const found = async (filter: SearchParams['filter'], view: 'reviews' | 'passages') =>
      (await search('sextortion', { filter, view })).results.some((r) => r.id === id);
    const other = nation === 'Northern Ireland' ? 'Scotland' : 'Northern Ireland';
    expect(await found({ nations: [nation ?? ''], subjects: [subject ?? ''] }, 'passages')).toBe(true);
    await db.updateTable('reviews').set({ nation: other }).where('id', '=', id).execute();
    try {
      if (backend === 'postgres') {
        // The copies the paragraphs' index holds (a search of one review reads its paragraphs by id)
        const copies = await sql<{
          nation: string;
        }>`select distinct nation from passages where review_id = ${id} and search is not null`.execute(db);
        expect(copies.rows.map((r) => r.nation)).toEqual([other]);
      }
      for (const view of ['reviews', 'passages'] as const) {
        expect(await found({ nations: [nation ?? ''] }, view)).toBe(false);
        expect(await found({ nations: [other], subjects: [subject ?? ''] }, view)).toBe(true);
      }
    } finally {
      await db.updateTable('reviews').set({ nation }).where('id', '=', id).execute();
    }
    expect(await found({ nations: [nation ?? ''] }, 'passages')).toBe(true);
  });

  it('indexes at start-up any review missing from the whole-review index (a library indexed before it existed)', async () => {
    const before = await search('sextortion');
    const id = before.results[0]?.id ?? '';
    await t.services.search.index.removeReview(t.services.db.kysely, id);
    expect((await search('sextortion')).results.map((r) => r.id)).not.toContain(id);
    expect(await t.services.search.index.unindexed()).toEqual([id]);
    expect(await t.services.search.catchUp()).toBe(1);
    expect((await search('sextortion')).results[0]?.id).toBe(id);
    expect(await t.services.search.index.unindexed()).toEqual([]);
  });

  it.runIf(backend === 'postgres')(
    'ranks the most recent matches when there are more than it ranks, then pages on by date without repeats',
    async () => {
      const service = new SearchService(
        t.services.db.kysely,
        new PostgresTsvectorIndex(t.services.db.kysely, { rankLimit: 3 }),
      );
      const all = await search('family', { pageSize: 100, sort: 'date' });
      expect(all.total).toBeGreaterThan(6);
      const pages: SearchResult[][] = [];
      for (let page = 1; page <= Math.ceil(all.total / 2); page++) {
        pages.push(
          (
            await service.search(
              { q: 'family', filter: {}, view: 'reviews', sort: 'relevance', page, pageSize: 2 },
              PUBLIC_ACCESS,
            )
          ).results,
        );
      }
      const seen = pages.flat();
      expect(seen.map((r) => r.id).sort()).toEqual(all.results.map((r) => r.id).sort());
      const newest = all.results.slice(0, 3).map((r) => r.id);
      expect(
        seen
          .slice(0, 3)
          .map((r) => r.id)
          .sort(),
      ).toEqual([...newest].sort());
      const scores = seen.slice(0, 3).map((r) => r.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      expect(seen.slice(3).map((r) => r.id)).toEqual(all.results.slice(3).map((r) => r.id));
    },
  );

  it('lists passages from the most recent candidates first, pages on without repeats, and says when it stopped counting', async () => {
    const exact = await search('bruising', { view: 'passages', pageSize: 100, sort: 'date' });
    expect(exact.total).toBeGreaterThan(10);
    expect(exact.results).toHaveLength(exact.total);
    const db = t.services.db.kysely;
    const limited = (passageCountCap?: number) =>
      backend === 'postgres'
        ? new PostgresTsvectorIndex(db, { rankLimit: 3, ...(passageCountCap ? { passageCountCap } : {}) })
        : new SqliteFts5Index(db, { passageRankLimit: 3, ...(passageCountCap ? { passageCountCap } : {}) });
    const service = new SearchService(db, limited(5));
    const seen: SearchResult[] = [];
    for (let page = 1; page <= Math.ceil(exact.total / 4); page++) {
      const r = await service.search(
        { q: 'bruising', filter: {}, view: 'passages', sort: 'relevance', page, pageSize: 4 },
        PUBLIC_ACCESS,
      );
      expect(r.total).toBe(5);
      expect(r.totalCapped).toBe(true);
      seen.push(...r.results);
    }
    const key = (r: SearchResult) => `${r.id}:${r.snippets[0]?.passageId}`;
    expect(seen.map(key).sort()).toEqual(exact.results.map(key).sort());
    if (backend === 'postgres') {
      // PostgreSQL reads what follows the candidates through the paragraphs' index in one statement
      // (passagesAfter): the same pages, in the same order, as reading later reviews in batches.
      class Batches extends PostgresTsvectorIndex {
        protected override passagesAfter() {
          return Promise.resolve(null);
        }
      }
      let reads = 0;
      class After extends PostgresTsvectorIndex {
        protected override passagesAfter(...args: Parameters<PostgresTsvectorIndex['passagesAfter']>) {
          reads++;
          return super.passagesAfter(...args);
        }
      }
      for (const sort of ['relevance', 'date'] as const) {
        const pages = async (index: PostgresTsvectorIndex) => {
          const service = new SearchService(db, index);
          const keys: string[] = [];
          for (let page = 1; page <= Math.ceil(exact.total / 4); page++)
            keys.push(
              ...(
                await service.search(
                  { q: 'bruising', filter: {}, view: 'passages', sort, page, pageSize: 4 },
                  PUBLIC_ACCESS,
                )
              ).results.map(key),
            );
          return keys;
        };
        const options = { rankLimit: 3, passageCountCap: 5 };
        const after = await pages(new After(db, options));
        expect(after).toEqual(await pages(new Batches(db, options)));
        expect(new Set(after).size).toBe(exact.total);
      }
      expect(reads).toBeGreaterThan(0);
    }
    const uncapped = new SearchService(db, limited());
    const all = await uncapped.search(
      { q: 'bruising', filter: {}, view: 'passages', sort: 'date', page: 1, pageSize: 100 },
      PUBLIC_ACCESS,
    );
    expect(all.totalCapped).toBe(false);
    expect(all.total).toBe(exact.total);
    const dates = all.results.map((r) => r.published ?? '');
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it.runIf(backend === 'sqlite')(
    'lists every matching paragraph, ranked, with an exact total when more than the cap match but every matching review is a candidate',
    async () => {
      const exact = await search('bruising', { view: 'passages', pageSize: 100 });
      expect(exact.total).toBeGreaterThan(5);
      const db = t.services.db.kysely;
      const service = new SearchService(
        db,
        new SqliteFts5Index(db, { passageRankLimit: 1000, passageCountCap: 5 }),
      );
      const r = await service.search(
        { q: 'bruising', filter: {}, view: 'passages', sort: 'relevance', page: 1, pageSize: 100 },
        PUBLIC_ACCESS,
      );
      expect(r.totalCapped).toBe(false);
      expect(r.total).toBe(exact.total);
      const key = (x: SearchResult) => `${x.id}:${x.snippets[0]?.passageId}`;
      expect(r.results.map(key).sort()).toEqual(exact.results.map(key).sort());
      const scores = r.results.map((x) => x.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
    },
  );

  it.runIf(backend === 'sqlite')(
    'finds the same snippets and paragraphs reading each review by its range of paragraph ids as in one pass',
    async () => {
      const db = t.services.db.kysely;
      const reading = (perMatch: number, perReview: number) =>
        new SearchService(
          db,
          new SqliteFts5Index(db, {
            passageRankLimit: 1000,
            passageCountCap: 5,
            readCosts: { perMatch, perReviewWord: perReview, perReviewExpression: perReview },
          }),
        );
      const ranges = reading(1, 0);
      const scan = reading(0, 1);
      for (const q of ['bruising', 'health visitor', 'bruising OR "strategy meeting"']) {
        for (const view of ['reviews', 'passages'] as const) {
          const params: SearchParams = { q, filter: {}, view, sort: 'relevance', page: 1, pageSize: 50 };
          const [a, b] = await Promise.all([
            ranges.search(params, PUBLIC_ACCESS),
            scan.search(params, PUBLIC_ACCESS),
          ]);
          expect(a.total, `${q} ${view}`).toBeGreaterThan(0);
          const shape = (r: typeof a) => r.results.map((x) => [x.id, x.snippets.map((s) => s.passageId)]);
          expect(shape(a), `${q} ${view}`).toEqual(shape(b));
        }
      }
    },
  );

  it('keeps the glossary analysts change: a new acronym finds its expansion at once, capitals-only ones only in capitals, and can be removed', async () => {
    const phrase = await search('"information sharing"');
    expect((await search('QZIS')).total).toBe(0);
    await t.services.search.setGlossaryEntry('QZIS', ['information sharing'], true, 'Analyst A');
    const acronym = await search('QZIS');
    expect(acronym.total).toBe(phrase.total);
    expect((await search('qzis')).total).toBe(0);
    const stored = (await t.services.search.glossaryTable()).find((g) => g.acronym === 'QZIS');
    expect(stored).toMatchObject({
      expansions: ['information sharing'],
      capitalsOnly: true,
      source: 'Analyst A',
    });
    await expect(t.services.search.setGlossaryEntry('QZIS', [], false, 'Analyst A')).rejects.toThrow(
      /at least one expansion/,
    );
    await expect(t.services.search.setGlossaryEntry('QZIS', ['x'], false, ' ')).rejects.toThrow(/--by/);
    expect(await t.services.search.removeGlossaryEntry('QZIS')).toBe(true);
    expect((await search('QZIS')).total).toBe(0);
    // the seeded glossary is still there, with its capitals-only entries
    expect((await t.services.search.glossaryTable()).find((g) => g.acronym === 'MACE')?.capitalsOnly).toBe(
      true,
    );
  });

  it('moves a review in search the moment its status, visibility or description changes, whatever code changes it', async () => {
    const before = await search('sextortion');
    const id = before.results[0]?.id ?? '';
    const type = before.results[0]?.type ?? '';
    const set = (values: { status?: string; visibility?: string; review_type?: string }) =>
      t.services.db.kysely.updateTable('reviews').set(values).where('id', '=', id).execute();
    // With an exclusion the passages view counts and ranks paragraphs themselves under access (on
    // PostgreSQL, by the copies of their review's columns), not only the matching reviews' paragraphs.
    const paragraphsOf = async (access = PUBLIC_ACCESS) =>
      (await search('sextortion -xylophone', { view: 'passages', pageSize: 100 }, access)).results.filter(
        (r) => r.id === id,
      ).length;
    const shown = await paragraphsOf();
    expect(shown).toBeGreaterThan(0);
    await set({ status: 'withdrawn' });
    expect((await search('sextortion')).total).toBe(before.total - 1);
    expect((await search('sextortion', { view: 'passages' })).results.map((r) => r.id)).not.toContain(id);
    expect(await paragraphsOf()).toBe(0);
    await set({ status: 'published', visibility: 'restricted' });
    expect((await search('sextortion')).results.map((r) => r.id)).not.toContain(id);
    expect((await search('sextortion', {}, OPERATOR_ACCESS)).results.map((r) => r.id)).toContain(id);
    expect(await paragraphsOf()).toBe(0);
    expect(await paragraphsOf(OPERATOR_ACCESS)).toBe(shown);
    await set({ visibility: 'public', review_type: 'dhr' });
    const moved = await search('sextortion', { filter: { types: ['dhr'] } });
    expect(moved.results.map((r) => r.id)).toContain(id);
    expect(moved.facets.type.find((f) => f.value === 'dhr')?.count).toBeGreaterThan(0);
    await set({ review_type: type });
    expect((await search('sextortion')).total).toBe(before.total);
    expect(await paragraphsOf()).toBe(shown);
  });

  it('answers two-word phrases, acronyms and longer phrases exactly, with and without exclusions', async () => {
    for (const q of ['"domestic abuse"', '"information sharing"', '"child protection plan"', 'CAMHS']) {
      expect((await search(q)).total).toBeGreaterThan(0);
      expect((await search(q, { view: 'passages' })).total).toBeGreaterThan(0);
    }
    const all = await search('"domestic abuse"', { pageSize: 100 });
    const words = await search('domestic abuse', { pageSize: 100 });
    expect(words.total).toBeGreaterThanOrEqual(all.total);
    for (const r of all.results) {
      const text = (await t.services.reviews.get(r.id, PUBLIC_ACCESS)).passages.map((p) => p.text).join(' ');
      expect(text).toMatch(/domestic abuse/i);
    }
    const without = await search('"domestic abuse" -"information sharing"', { pageSize: 100 });
    const both = await search('"domestic abuse" "information sharing"', { pageSize: 100 });
    expect(without.total + both.total).toBe(all.total);
  });

  it.runIf(backend === 'postgres')(
    'estimates counts from the sample when many reviews match, and reads the same page as counting every match would',
    async () => {
      const db = t.services.db.kysely;
      const scopes: MatchScope[] = [];
      /** records which reviews each statement read */
      class Watched extends PostgresTsvectorIndex {
        protected override matchingReviews(match: string, scored = false, scope: MatchScope = {}) {
          scopes.push(scope);
          return super.matchingReviews(match, scored, scope);
        }
      }
      // The whole library as the sample: every estimate is then the exact count, rounded.
      const whole = new SearchService(db, new Watched(db, { estimateFrom: 1, sample: 'all', rankLimit: 4 }));
      const exactly = new SearchService(db, new PostgresTsvectorIndex(db, { rankLimit: 4 }));
      /** one search by an estimating service and by the exact one */
      const side = (by: SearchService, params: SearchParams) =>
        Promise.all([by.search(params, PUBLIC_ACCESS), exactly.search(params, PUBLIC_ACCESS)]);
      const shape = (r: { results: SearchResult[] }) =>
        r.results.map((x) => [x.id, x.snippets.map((p) => p.passageId)]);
      const rounded = (facets: Record<string, Array<{ value: string; count: number }>>) =>
        Object.fromEntries(
          Object.entries(facets).map(([field, list]) => [
            field,
            list
              .map((f) => ({ value: f.value, count: estimate(f.count) }))
              .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)),
          ]),
        );
      let bounded = 0;
      for (const q of [
        'family',
        'health visitor',
        '"domestic abuse"',
        'health -hoarding',
        'neglect OR hoarding',
      ]) {
        for (const view of ['reviews', 'passages'] as const) {
          for (const sort of ['relevance', 'date'] as const) {
            for (const page of [1, 2]) {
              const params: SearchParams = { q, filter: {}, view, sort, page, pageSize: 3 };
              scopes.length = 0;
              const [a, b] = await side(whole, params);
              const where = `${q} ${view} ${sort} ${page}`;
              expect(b.total, where).toBeGreaterThan(0);
              expect(a.estimated, where).toBe(true);
              expect(b.estimated, where).toBe(false);
              expect(a.total, where).toBe(view === 'reviews' ? estimate(b.total) : b.total);
              expect(a.facets, where).toEqual(rounded(b.facets));
              expect(shape(a), where).toEqual(shape(b));
              if (scopes.some((x) => x.publishedFrom !== undefined)) bounded++;
            }
          }
        }
      }
      // The page was read from the recent years alone in some of these searches.
      expect(bounded).toBeGreaterThan(0);
      // Many matches, few of them under the filters: the facets are estimated, the total and page are exact.
      const narrowing = new SearchService(
        db,
        new PostgresTsvectorIndex(db, { estimateFrom: 10, sample: 'all', rankLimit: 4 }),
      );
      const wide = await exactly.search(
        { q: 'family', filter: {}, view: 'reviews', sort: 'relevance', page: 1, pageSize: 3 },
        PUBLIC_ACCESS,
      );
      expect(wide.total).toBeGreaterThanOrEqual(10);
      const few = wide.facets.region.find((f) => f.count > 0 && f.count < 10)?.value ?? '';
      expect(few).not.toBe('');
      for (const view of ['reviews', 'passages'] as const) {
        const narrow: SearchParams = {
          q: 'family',
          filter: { regions: [few] },
          view,
          sort: 'relevance',
          page: 1,
          pageSize: 3,
        };
        const [x, y] = await side(narrowing, narrow);
        expect(x.estimated).toBe(true);
        expect(x.totalEstimated).toBe(false);
        expect(x.total).toBe(y.total);
        expect(x.facets).toEqual(rounded(y.facets));
        expect(shape(x)).toEqual(shape(y));
      }
      // And filters: the estimate of a filtered search is its own.
      const params: SearchParams = {
        q: 'family',
        filter: { subjects: ['child'], yearFrom: 2015 },
        view: 'reviews',
        sort: 'relevance',
        page: 1,
        pageSize: 5,
      };
      const [a, b] = await side(whole, params);
      expect(a.total).toBe(estimate(b.total));
      expect(a.facets).toEqual(rounded(b.facets));
    },
  );

  it.runIf(backend === 'postgres')(
    'estimates from one review in sixteen, fixed by a hash of its id, and never counts what the caller may not see',
    async () => {
      const db = t.services.db.kysely;
      const sampled = new SearchService(db, new PostgresTsvectorIndex(db, { estimateFrom: 1 }));
      const inSample = (id: string) => createHash('md5').update(id).digest('hex').startsWith('0');
      // Review ids are random: one in sixteen demo libraries has no sampled review that matches.
      // So one is added, with an id chosen to be in the sample, and removed at the end.
      let n = 0;
      while (!inSample(`sampled-${n}`)) n++;
      const added = `sampled-${n}`;
      await addReview(added, 'FICTIONAL TEST TEXT. The family moved twice in the year before the review.');
      try {
        const everyone = await search('family', { pageSize: 100 }, OPERATOR_ACCESS);
        const members = everyone.results.filter((r) => inSample(r.id));
        expect(members.map((m) => m.id)).toContain(added);
        const r = await sampled.search(
          { q: 'family', filter: {}, view: 'reviews', sort: 'relevance', page: 1, pageSize: 100 },
          OPERATOR_ACCESS,
        );
        expect(r.estimated).toBe(true);
        expect(r.total).toBe(estimate(16 * members.length));
        const byType = new Map<string, number>();
        for (const m of members) byType.set(m.type, (byType.get(m.type) ?? 0) + 1);
        expect(Object.fromEntries(r.facets.type.map((f) => [f.value, f.count]))).toEqual(
          Object.fromEntries([...byType].map(([type, n]) => [type, estimate(16 * n)])),
        );
        // Every matching review is still on the page: only the counts are estimated.
        expect(r.results.map((x) => x.id).sort()).toEqual(everyone.results.map((x) => x.id).sort());
        // The restricted review, whatever its hash, is not counted for the public.
        const secret = await sampled.search(
          { q: RESTRICTED_PHRASE, filter: {}, view: 'reviews', sort: 'relevance', page: 1, pageSize: 10 },
          PUBLIC_ACCESS,
        );
        expect(secret.total).toBe(0);
        expect(Object.values(secret.facets).flat()).toEqual([]);
      } finally {
        await t.services.search.index.removeReview(db, added);
        await db.deleteFrom('reviews').where('id', '=', added).execute();
      }
    },
  );

  it.runIf(backend === 'postgres')(
    'settles "or more" paragraphs from the sample when it holds enough; else reads every match once, in the exact order',
    async () => {
      const db = t.services.db.kysely;
      let consulted = 0;
      let counted = 0;
      class Watched extends PostgresTsvectorIndex {
        protected override samplePassageReviews(match: string, filter?: ReviewFilter) {
          consulted++;
          return super.samplePassageReviews(match, filter);
        }
        protected override passagesUnder(...args: Parameters<PostgresTsvectorIndex['passagesUnder']>) {
          counted++;
          return super.passagesUnder(...args);
        }
      }
      // An exclusion: neither the candidates' paragraphs nor the count of reviews settle the total.
      const q = 'family -xylophone';
      const exact = await search(q, { view: 'passages', pageSize: 100, sort: 'date' });
      // The cap is above the paragraphs of the most recent matching review (the one candidate read),
      // and the library holds enough matches for a sample of everything to settle it.
      const cap = 20;
      expect(exact.results.filter((r) => r.id === exact.results[0]?.id).length).toBeLessThanOrEqual(cap);
      expect(exact.total).toBeGreaterThanOrEqual(sureAbove(cap, 1));
      const params: SearchParams = {
        q,
        filter: {},
        view: 'passages',
        sort: 'relevance',
        page: 1,
        pageSize: 10,
      };
      for (const sample of ['all', undefined] as const) {
        consulted = 0;
        counted = 0;
        const service = new SearchService(
          db,
          new Watched(db, { rankLimit: 1, passageCountCap: cap, ...(sample ? { sample } : {}) }),
        );
        const r = await service.search(params, PUBLIC_ACCESS);
        expect(consulted).toBe(1);
        // the whole library as the sample settles it: no count of every match
        if (sample === 'all') expect(counted).toBe(0);
        expect(r.totalCapped).toBe(true);
        expect(r.total).toBe(cap);
      }
      // Fewer than the cap: the sample cannot settle it, and the exact list follows.
      const few = await new SearchService(
        db,
        new Watched(db, { rankLimit: 1, passageCountCap: exact.total, sample: 'all' }),
      ).search(params, PUBLIC_ACCESS);
      expect(few.totalCapped).toBe(false);
      expect(few.total).toBe(exact.total);
      // read once and ranked here, in the order the exact statement gives
      class ExactOnly extends PostgresTsvectorIndex {
        override async searchPassages(
          ...[request, access]: Parameters<PostgresTsvectorIndex['searchPassages']>
        ) {
          return {
            ...(await this.searchPassagesExact(request, access)),
            facets: {} as Facets,
            estimated: false,
          };
        }
      }
      for (const sort of ['relevance', 'date'] as const) {
        counted = 0;
        const mine = await new SearchService(
          db,
          new Watched(db, { rankLimit: 1, passageCountCap: exact.total, sample: 'all' }),
        ).search({ ...params, sort, pageSize: 50 }, PUBLIC_ACCESS);
        expect(counted).toBe(1);
        const reference = await new SearchService(db, new ExactOnly(db)).search(
          { ...params, sort, pageSize: 50 },
          PUBLIC_ACCESS,
        );
        expect(mine.results).toEqual(reference.results);
      }
    },
  );

  it('answers an empty or exclusion-only query with nothing, not everything', async () => {
    expect((await search('')).total).toBe(0);
    expect((await search('-neglect')).total).toBe(0);
    // a word less itself: nothing, in either view
    expect((await search('neglect')).total).toBeGreaterThan(0);
    expect((await search('neglect -neglect')).total).toBe(0);
    expect((await search('neglect -neglect', { view: 'passages' })).total).toBe(0);
  });
});

describe('estimated counts', () => {
  it('rounds an estimate to the nearest hundred from a thousand and the nearest ten from a hundred', () => {
    expect([0, 16, 99, 104, 996, 1_049, 1_050, 63_984].map(estimate)).toEqual([
      0, 16, 99, 100, 1_000, 1_000, 1_100, 64_000,
    ]);
  });

  it('reads the page from the latest year in which the sample, allowing for its error, holds enough matches', () => {
    const byYear: Array<[string, number]> = [
      ['2023', 40],
      ['2025', 9],
      ['2024', 30],
    ];
    // 2025 alone: 16 x (9 - 3 x 3) = 0; with 2024: 16 x (39 - 3 x 6.24) = 324
    expect(recentEnough(byYear, 16, 200)).toBe('2024');
    expect(recentEnough(byYear, 16, 324)).toBe('2024');
    expect(recentEnough(byYear, 16, 325)).toBe('2023');
    // more than the sample can promise: no bound, read every match
    expect(recentEnough(byYear, 16, 5_000)).toBeNull();
    expect(recentEnough([], 16, 1)).toBeNull();
  });

  it('asks the sample for enough matches to be sure, allowing for its error, that more than the cap match', () => {
    // 16 x (92 - 3 x 9.59) = 1,011 > 1,000; 16 x (91 - 3 x 9.54) = 998
    expect(sureAbove(1_000, 16)).toBe(92);
    expect(sureAbove(5, 1)).toBe(18);
  });
});
