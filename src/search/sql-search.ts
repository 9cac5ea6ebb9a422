import { sql } from 'kysely';
import type { Kysely, RawBuilder } from 'kysely';
import type { Database } from '../db/types.js';
import type { AccessScope, ReviewFilter } from '../repositories/reviews-repository.js';
import type {
  CompiledQuery,
  Counted,
  FacetField,
  Executor,
  Facets,
  PassagesPage,
  ReviewsPage,
  SearchIndex,
  SearchRequest,
} from './search-index.js';
import { FACETS, facetCondition, reviewConditions } from './sql-filters.js';
import type { FacetDefinition } from './sql-filters.js';

/**
 * Where an engine that ranks only candidates stops counting paragraphs ("1,000 or more"): counting
 * reads each matching paragraph's row, and past a thousand the exact number helps nobody.
 */
export const PASSAGE_COUNT_CAP = 1_000;

/** Matching reviews for a statement: the CTEs they need, the FROM clause (alias r) and the score. */
export interface ReviewSource {
  ctes: RawBuilder<unknown>[];
  from: RawBuilder<unknown>;
  score: RawBuilder<unknown>;
}

/**
 * How many matching reviews the passages view of an engine that ranks only candidates will read
 * paragraph by paragraph (through review_id) to list every match, rather than search the paragraph
 * index of the whole library: a filtered query matching a few hundred reviews took 0.8 s that way at
 * 100,000 reviews, a phrase most of it. That was before paragraphs carried their review's filter and
 * access columns (migrations 0017 and 0018); since, reading only the candidates' paragraphs (200,
 * the rank limit) and counting the rest through the index gave a p95 of 54.6 and 55.3 ms over the
 * benchmark's 500 queries at 100,000 reviews, against 57.7 and 59.2 ms reading up to 1,000 reviews'
 * paragraphs (runs alternated; the passages view's p95 77-79 against 89-90 ms).
 */
const PASSAGE_REVIEWS_READ = 200;

/**
 * Which matching reviews a statement reads: only the counting sample (engines with `sampleEvery`), or
 * only those published on or after a date (an ISO date or a prefix of one, such as a year).
 */
export interface MatchScope {
  sample?: boolean;
  publishedFrom?: string;
  /**
   * filters the engine may apply while finding matches (on PostgreSQL, in the index); the caller
   * applies them to the matches as well
   */
  filter?: ReviewFilter;
}

/**
 * From how many matching reviews (as the sample estimates them) counts are estimated rather than
 * counted. Below it every match is read: a few thousand rows cost a few milliseconds.
 */
export const ESTIMATE_FROM = 5_000;

/** An estimated count as it is shown: to the nearest hundred from a thousand, the nearest ten from a hundred. */
export function estimate(n: number): number {
  return n >= 1_000 ? Math.round(n / 100) * 100 : n >= 100 ? Math.round(n / 10) * 10 : Math.round(n);
}

/**
 * The earliest year from which the sample says, with room for its error, that at least `need`
 * reviews match: the most recent `need` matches are then all published in or after it (they are
 * ordered by date). null when no year is safe. `byYear`: sample counts by year of publication.
 */
export function recentEnough(byYear: Array<[string, number]>, every: number, need: number): string | null {
  let seen = 0;
  for (const [year, n] of [...byYear].sort((a, b) => (a[0] < b[0] ? 1 : a[0] > b[0] ? -1 : 0))) {
    seen += n;
    // three standard deviations below the estimate (the sample count is close to Poisson)
    if (every * (seen - 3 * Math.sqrt(seen)) >= need) return year;
  }
  return null;
}

/**
 * How many matches a one-in-`every` sample must hold for the whole to hold more than `cap`, allowing
 * three standard deviations for the sample's error.
 */
export function sureAbove(cap: number, every: number): number {
  let n = 1;
  while (every * (n - 3 * Math.sqrt(n)) <= cap) n++;
  return n;
}

/** A page row of a search statement ('*row': the review id as value, its score, if any, as n). */
function pageRow(r: Record<string, unknown>): { id: string; score: number | null } {
  return { id: String(r['value']), score: r['n'] === null ? null : Number(r['n']) };
}

/** A passage that matched, before its text is fetched. */
export interface MatchedPassage {
  passage_id: number;
  review_id: string;
  score: number;
}

interface PassageRow {
  id: number;
  text: string;
  section: string | null;
  paragraph: string | null;
  page: number | null;
}

/**
 * The SQL both engines share. A review matches on the whole-review index (each group somewhere in
 * it, no excluded word anywhere in it); one statement then yields the total, every facet's counts
 * and the page of reviews, so the engine evaluates the query once. Snippets come from the passage
 * index, for the page's reviews only.
 *
 * An engine either scores every matching review in that statement (SQLite: bm25 is cheap), or
 * leaves the score null and ranks only the candidates for the page (PostgreSQL, where ts_rank has to
 * read each review's whole vector): see `rankLimit`.
 */
export abstract class SqlSearchIndex implements SearchIndex {
  abstract readonly backend: 'sqlite' | 'postgres';
  /**
   * null: `matchingReviews` scores every match. A number K: it does not, and for relevance order the K
   * most recent matching reviews (after filters) are ranked; later pages continue by date.
   */
  protected readonly rankLimit: number | null = null;
  /**
   * Whether statements of one search may run at the same time (the engine reads through a pool of
   * connections with a core each): the page and the facets are then asked for apart.
   */
  protected readonly parallelReads: boolean = false;
  /** where the candidates' passages view stops counting */
  protected readonly passageCountCap: number = PASSAGE_COUNT_CAP;
  /**
   * null: every match is counted. A number n: one review in n forms a sample (`MatchScope.sample`),
   * and when the sample shows `estimateFrom` or more matches the counts are estimated from it.
   */
  protected readonly sampleEvery: number | null = null;
  protected readonly estimateFrom: number = ESTIMATE_FROM;

  /**
   * @param db the library's connection (writes: indexing, clearing)
   * @param read where searches read (an engine may read off the server's thread)
   */
  constructor(
    protected readonly db: Kysely<Database>,
    protected readonly read: Kysely<Database> = db,
  ) {}

  /** how many of the most recent matches are ranked (null: all are) */
  get rankedCandidates(): number | null {
    return this.rankLimit;
  }

  /**
   * The reviews whose whole text matches an engine query, as rows aliased `r` with the reviews
   * columns that access and filters read (id, visibility, status, partnership_id, the facet columns,
   * published_on, published_year) and each one's score (higher is better, or null; null when not
   * `scored`, which the facets and the date-ordered candidates do not need).
   */
  protected abstract matchingReviews(
    match: string,
    scored: boolean,
    scope?: MatchScope,
  ): Promise<ReviewSource>;
  /** scores of some reviews for an engine query (engines with a rankLimit) */
  protected abstract rankReviews(match: string, reviewIds: string[]): Promise<Map<string, number>>;
  /**
   * passage_id, review_id, score of the passages matching an engine query; an engine may narrow by
   * `filter` (callers still test it on the review)
   */
  protected abstract passageHits(match: string, filter?: ReviewFilter): RawBuilder<unknown>;
  /**
   * review_id of each passage of the sample's reviews (`sampleEvery`) matching an engine query; null
   * when the engine keeps no such sample of paragraphs
   */
  protected samplePassageReviews(_match: string, _filter?: ReviewFilter): RawBuilder<unknown> | null {
    return null;
  }
  /**
   * The rows of a statement over paragraphs (each row with its review's id as review_id) whose
   * review passes `where`, conditions on alias r (access and filters), each with the review's
   * published_on. Engines whose paragraph rows carry copies of their review's columns override this
   * to test the copies without reading reviews.
   */
  protected underReviews(rows: RawBuilder<unknown>, where: RawBuilder<unknown>): RawBuilder<unknown> {
    return sql`select h.*, r.published_on from (${rows}) h join reviews r on r.id = h.review_id where ${where}`;
  }
  /**
   * The passages of some reviews that match an engine query (`match`, made from `query`), best first.
   */
  protected abstract passagesOf(
    match: string,
    reviewIds: string[],
    query: CompiledQuery,
  ): Promise<MatchedPassage[]>;
  /**
   * The passages view's order after its candidates: the matching paragraphs of the reviews that come
   * after `lastId` in date order (published_on descending, nulls last, then id), by that order, then
   * score, then id, at most `limit` of them, under access and filters. Null when the engine cannot
   * (then later reviews are read in batches, paragraph by paragraph).
   */
  protected passagesAfter(
    _match: string,
    _request: SearchRequest,
    _access: AccessScope,
    _lastId: string,
    _limit: number,
  ): Promise<MatchedPassage[] | null> {
    return Promise.resolve(null);
  }
  /** how a CTE is introduced (SQLite must materialise it: bm25 cannot run inside a flattened join) */
  protected materialized(name: string, body: RawBuilder<unknown>): RawBuilder<unknown> {
    return sql`${sql.raw(name)} as (${body})`;
  }
  /** one engine query: every group, and none of the excluded words */
  protected abstract withoutExcluded(query: CompiledQuery): string;
  abstract indexReview(db: Executor, reviewId: string): Promise<number>;
  abstract removeReview(db: Executor, reviewId: string): Promise<void>;
  abstract clear(): Promise<void>;
  abstract unindexed(): Promise<string[]>;
  abstract optimize(): Promise<void>;

  /**
   * One statement over the matching reviews under access and year range (m):
   *  - "combo" rows: how many matching reviews share each combination of single-valued facet values
   *    (type, subject, age, nation, region, area) and of passing the several-valued filters (agency,
   *    theme). A few hundred rows, from which the total and every single-valued facet's counts are
   *    worked out below, each under every filter but its own (so a choice can be widened);
   *  - one aggregate per several-valued facet (agency, theme) under every other filter;
   *  - the ordered rows wanted for the page.
   * Grouping once rather than once per facet halves the work at 100,000 reviews.
   */
  protected async summarise(
    query: CompiledQuery,
    filter: ReviewFilter,
    access: AccessScope,
    rows: { sort: 'relevance' | 'date'; offset: number; limit: number } | null,
    scored = rows !== null,
  ): Promise<{
    total: number;
    facets: Facets;
    rows: Array<{ id: string; score: number | null }>;
    /** the facet counts are estimated from the sample (engines with `sampleEvery`) */
    estimated: boolean;
    /** so is the total */
    totalEstimated: boolean;
    /** at least this many reviews match: the total, or when it is estimated, a safe floor under it */
    atLeast: number;
  }> {
    const years: ReviewFilter = {
      ...(filter.yearFrom !== undefined ? { yearFrom: filter.yearFrom } : {}),
      ...(filter.yearTo !== undefined ? { yearTo: filter.yearTo } : {}),
    };
    const single = FACETS.filter((f) => f.column !== null);
    const several = FACETS.filter((f) => f.column === null);
    const ok = (facets: readonly FacetDefinition[], skip?: string) =>
      sql.join(
        [
          sql`1 = 1`,
          // Only filters in use: a column that is 1 everywhere only misleads the planner's estimates.
          ...facets
            .filter((f) => f.field !== skip && (f.chosen(filter)?.length ?? 0) > 0)
            .map((f) => sql`${sql.ref(`ok_${f.field}`)} = 1`),
        ],
        sql` and `,
      );
    const columns = FACETS.map(
      (f) =>
        sql`case when ${facetCondition(f, filter)} then 1 else 0 end as ${sql.ref(`ok_${f.field}`)}${f.column ? sql`, r.${sql.ref(f.column)} as ${sql.ref(`v_${f.field}`)}` : sql``}`,
    );
    const blanks = (except: string | null) =>
      sql.join([
        ...single.map((f) => (f.field === except ? sql.ref(`v_${f.field}`) : sql`cast(null as text)`)),
        ...several.map(() => sql`cast(null as integer)`),
      ]);
    const comboKeys = [
      ...single.map((f) => sql.ref(`v_${f.field}`)),
      ...several.map((f) => sql.ref(`ok_${f.field}`)),
    ];
    const parts: RawBuilder<unknown>[] = [
      sql`select 'combo' as field, null as value, count(*) as n, ${sql.join(comboKeys)} from m group by ${sql.join(comboKeys)}`,
    ];
    for (const f of several) {
      parts.push(
        sql`select ${f.field} as field, ${sql.ref(`fa.${f.many?.value ?? ''}`)} as value, count(*) as n, ${blanks(null)}
          from m join ${sql.table(f.many?.table ?? '')} fa on fa.review_id = m.id
          where ${ok(FACETS, f.field)} and ${f.many?.where ?? sql`1 = 1`}
          group by ${sql.ref(`fa.${f.many?.value ?? ''}`)}`,
      );
    }
    let pageRows: RawBuilder<unknown> | null = null;
    let pageOrder: RawBuilder<unknown> | null = null;
    if (rows) {
      const order =
        rows.sort === 'date'
          ? sql`published_on desc nulls last, score desc, id`
          : this.rankLimit === null
            ? sql`score desc, published_on desc nulls last, id`
            : sql`published_on desc nulls last, id`;
      pageOrder = order;
      pageRows = sql`select * from (select '*row' as field, id as value, score as n, ${blanks(null)} from m where ${ok(FACETS)} order by ${order} limit ${rows.limit} offset ${rows.offset}) page`;
    }
    const statement = async (withScore: boolean, selects: RawBuilder<unknown>[], scope: MatchScope = {}) => {
      const source = await this.matchingReviews(this.withoutExcluded(query), withScore, scope);
      return this.run(
        sql<Record<string, unknown>>`
        with ${sql.join([
          ...source.ctes,
          this.materialized(
            'm',
            sql`select r.id, r.published_on, ${source.score} as score, ${sql.join(columns)} from ${source.from} where ${reviewConditions(access, years)}`,
          ),
        ])}
        ${sql.join(selects, sql` union all `)}`,
        true,
      );
    };
    // Engines reading in parallel run the page apart from the facets (which then need no score), as a
    // plain filtered, ordered select that carries no facet columns.
    const pageApart = async (
      order: RawBuilder<unknown>,
      limit: number,
      offset: number,
      scope: MatchScope = {},
    ) => {
      const source = await this.matchingReviews(this.withoutExcluded(query), scored, scope);
      return this.run(sql<Record<string, unknown>>`
        ${source.ctes.length ? sql`with ${sql.join(source.ctes)}` : sql``}
        select '*row' as field, id as value, score as n from (
          select r.id, r.published_on, ${source.score} as score from ${source.from}
          where ${reviewConditions(access, filter)}) page
        order by ${order} limit ${limit} offset ${offset}`);
    };
    const passes = (f: FacetDefinition, value: unknown) => {
      const chosen = f.chosen(filter);
      return !chosen?.length || chosen.includes(String(value));
    };
    /** the total, each facet's counts, the page's rows and the matches by year, from a statement's rows */
    const tally = (result: Array<Record<string, unknown>>) => {
      const facets = Object.fromEntries(FACETS.map((f) => [f.field, new Map<string, number>()])) as Record<
        FacetField,
        Map<string, number>
      >;
      let total = 0;
      /** every match under access and years, whatever the other filters */
      let matched = 0;
      const page: Array<{ id: string; score: number | null }> = [];
      const byYear = new Map<string, number>();
      for (const r of result) {
        const n = Number(r['n']);
        if (r['field'] === 'combo') {
          const failing = [
            ...single.filter((f) => !passes(f, r[`v_${f.field}`])),
            ...several.filter((f) => Number(r[`ok_${f.field}`]) !== 1),
          ];
          if (failing.length === 0) total += n;
          matched += n;
          for (const f of single) {
            const value = r[`v_${f.field}`];
            if (value === null || value === undefined) continue;
            // counted when every other filter passes: nothing fails, or only this facet's own
            if (failing.length === 0 || (failing.length === 1 && failing[0] === f)) {
              const counts = facets[f.field];
              counts.set(String(value), (counts.get(String(value)) ?? 0) + n);
            }
          }
        } else if (r['field'] === '*row') {
          page.push(pageRow(r));
        } else if (r['field'] === '*year') {
          if (r['value'] !== null) byYear.set(String(r['value']), n);
        } else {
          facets[r['field'] as FacetField].set(String(r['value']), n);
        }
      }
      return { total, matched, facets, page, byYear };
    };
    const sortedFacets = (facets: Record<FacetField, Map<string, number>>, scale: (n: number) => number) =>
      Object.fromEntries(
        FACETS.map((f) => [
          f.field,
          [...facets[f.field]]
            .map(([value, count]) => ({ value, count: scale(count) }))
            .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)),
        ]),
      ) as Facets;

    const every = this.sampleEvery;
    const rowsOf = (result: { rows: Array<Record<string, unknown>> }) => result.rows.map(pageRow);
    if (every !== null) {
      // Count the sample first. When it says thousands match under access and years (the rows
      // counting by facet would read), its facet counts, scaled up, are the estimate.
      const yearRows = sql`select '*year' as field, substr(published_on, 1, 4) as value, count(*) as n, ${blanks(null)}
        from m where ${ok(FACETS)} group by substr(published_on, 1, 4)`;
      const sample = tally(
        (await statement(false, [...parts, yearRows], { sample: true, filter: years })).rows,
      );
      if (sample.matched * every >= this.estimateFrom) {
        const facets = sortedFacets(sample.facets, (n) => estimate(n * every));
        if (sample.total * every >= this.estimateFrom) {
          // Thousands under every filter too: the total is an estimate, and the page (the most
          // recent matches) is read from the latest years that the sample says hold enough of them.
          let page: Array<{ id: string; score: number | null }> = [];
          if (rows && pageOrder) {
            const from = recentEnough([...sample.byYear], every, rows.offset + rows.limit);
            page = rowsOf(
              await pageApart(pageOrder, rows.limit, rows.offset, {
                filter,
                publishedFrom: from ?? undefined,
              }),
            );
            // Fewer matches than the sample promised since that year: read without the bound.
            if (from && page.length < rows.limit)
              page = rowsOf(await pageApart(pageOrder, rows.limit, rows.offset, { filter }));
          }
          return {
            total: estimate(sample.total * every),
            facets,
            rows: page,
            estimated: true,
            totalEstimated: true,
            // the sampled matches themselves, or three standard deviations under the estimate
            atLeast: Math.max(sample.total, Math.floor(every * (sample.total - 3 * Math.sqrt(sample.total)))),
          };
        }
        // Fewer under the filters: they are counted, and the page read, through the filters.
        const counted = await this.filteredMatches(
          query,
          filter,
          access,
          rows && pageOrder ? { ...rows, order: pageOrder } : null,
        );
        return {
          total: counted.total,
          facets,
          rows: counted.rows,
          estimated: true,
          totalEstimated: false,
          atLeast: counted.total,
        };
      }
    }
    const result =
      rows && pageOrder && this.parallelReads
        ? {
            rows: (
              await Promise.all([statement(false, parts), pageApart(pageOrder, rows.limit, rows.offset)])
            ).flatMap((r) => r.rows),
          }
        : await statement(scored, pageRows ? [...parts, pageRows] : parts, { filter: years });
    const { total, facets, page } = tally(result.rows);
    return {
      total,
      facets: sortedFacets(facets, (n) => n),
      rows: page,
      estimated: false,
      totalEstimated: false,
      atLeast: total,
    };
  }

  /**
   * The number of reviews that match under every filter, and the page's rows (in `rows.order`), read
   * through the filters: for when facets are estimated but the filters leave few matches.
   */
  private async filteredMatches(
    query: CompiledQuery,
    filter: ReviewFilter,
    access: AccessScope,
    rows: { offset: number; limit: number; order: RawBuilder<unknown> } | null,
  ): Promise<{ total: number; rows: Array<{ id: string; score: number | null }> }> {
    const source = await this.matchingReviews(this.withoutExcluded(query), false, { filter });
    const result = await this.run(
      sql<Record<string, unknown>>`
      with ${sql.join([
        ...source.ctes,
        this.materialized(
          'f',
          sql`select r.id, r.published_on, ${source.score} as score from ${source.from} where ${reviewConditions(access, filter)}`,
        ),
      ])}
      select '*total' as field, null as value, count(*) as n from f
      ${rows ? sql`union all select * from (select '*row' as field, id as value, score as n from f order by ${rows.order} limit ${rows.limit} offset ${rows.offset}) page` : sql``}`,
      true,
    );
    return {
      total: Number(result.rows.find((r) => r['field'] === '*total')?.['n'] ?? 0),
      rows: result.rows.filter((r) => r['field'] === '*row').map(pageRow),
    };
  }

  /** Runs a search statement; an engine may set session options around it (`aggregates`: the facet statement). */
  protected async run<T>(query: RawBuilder<T>, _aggregates = false): Promise<{ rows: T[] }> {
    return query.execute(this.read);
  }

  async searchReviews(request: SearchRequest, access: AccessScope): Promise<ReviewsPage & Counted> {
    const { offset, limit, sort } = request;
    const k = this.rankLimit;
    // With a rank limit the order is: the k most recent matches by score, then the rest by date.
    const ranksCandidates = k !== null && sort === 'relevance' && offset < k;
    const summary = await this.summarise(
      request.query,
      request.filter,
      access,
      ranksCandidates ? { sort, offset: 0, limit: Math.max(k, offset + limit) } : { sort, offset, limit },
    );
    let rows = summary.rows;
    if (k !== null && rows.length) {
      const scores = await this.rankReviews(
        this.withoutExcluded(request.query),
        rows.map((r) => r.id),
      );
      rows = rows.map((r) => ({ id: r.id, score: scores.get(r.id) ?? 0 }));
      if (ranksCandidates) {
        // Array sort is stable: equal scores keep their date order.
        const ranked = rows.slice(0, k).sort((a, b) => (b.score ?? 0) - (a.score ?? 0));
        rows = [...ranked, ...rows.slice(k)].slice(offset, offset + limit);
      }
    }
    const ids = rows.map((r) => r.id);
    const [reviews, matched] = await Promise.all([
      ids.length
        ? this.read
            .selectFrom('reviews')
            .select(['id', 'title', 'review_type', 'published_on'])
            .where('id', 'in', ids)
            .execute()
        : [],
      ids.length ? this.passagesOf(request.query.any, ids, request.query) : [],
    ]);
    const byReview = new Map<string, MatchedPassage[]>();
    for (const p of matched) byReview.set(p.review_id, [...(byReview.get(p.review_id) ?? []), p]);
    const shown = [...byReview.values()].flatMap((list) => list.slice(0, request.snippetsPerReview));
    const texts = await this.passageTexts(shown.map((p) => Number(p.passage_id)));
    const reviewById = new Map(reviews.map((r) => [r.id, r]));
    return {
      total: summary.total,
      facets: summary.facets,
      estimated: summary.estimated,
      totalEstimated: summary.totalEstimated,
      hits: rows.flatMap((row) => {
        const r = reviewById.get(row.id);
        if (!r) return [];
        const passages = byReview.get(row.id) ?? [];
        return [
          {
            reviewId: r.id,
            title: r.title,
            type: r.review_type,
            published: r.published_on,
            score: Number(row.score ?? 0),
            matchingPassages: passages.length,
            passages: passages.slice(0, request.snippetsPerReview).flatMap((p) => {
              const t = texts.get(Number(p.passage_id));
              return t
                ? [toPassageHit({ ...t, passage_id: p.passage_id, review_id: p.review_id, score: p.score })]
                : [];
            }),
          },
        ];
      }),
    };
  }

  /**
   * The passages view, with the facet counts of the reviews that match. Engines that rank only
   * candidates get the facets and the k most recent matching reviews (the first candidates) from one
   * statement, and read those reviews' matching paragraphs. When they alone hold more than the cap,
   * there are more than the cap in all and only candidates are ranked; otherwise the matches are
   * counted (up to the cap), and when there are few they are all ranked as SQLite ranks them.
   */
  async searchPassages(request: SearchRequest, access: AccessScope): Promise<PassagesPage & Counted> {
    const k = this.rankLimit;
    if (k === null) {
      const { facets, estimated } = await this.summarise(request.query, request.filter, access, null);
      return { ...(await this.searchPassagesExact(request, access)), facets, estimated };
    }
    const summary = await this.summarise(
      request.query,
      request.filter,
      access,
      { sort: 'date', offset: 0, limit: Math.max(k, PASSAGE_REVIEWS_READ) },
      false,
    );
    const counts = { facets: summary.facets, estimated: summary.estimated };
    const expression = this.withoutExcluded(request.query);
    const ids = summary.rows.slice(0, k).map((r) => r.id);
    const found = ids.length ? await this.passagesOf(expression, ids, request.query) : [];
    // With one group of words and nothing excluded, every matching review has a matching paragraph:
    // more reviews than the cap means more paragraphs than the cap, and they need no count.
    let capped =
      found.length > this.passageCountCap ||
      (!request.query.exclude && request.query.groups.length === 1 && summary.atLeast > this.passageCountCap);
    if (
      !capped &&
      !request.query.exclude &&
      !summary.totalEstimated &&
      summary.total <= summary.rows.length
    ) {
      // Without exclusions a paragraph matches only inside a review that matches as a whole, and
      // these are all such reviews: their matching paragraphs are all the matches.
      const rest = summary.rows.slice(k).map((r) => r.id);
      const all = rest.length
        ? [...found, ...(await this.passagesOf(expression, rest, request.query))]
        : found;
      if (all.length <= this.passageCountCap)
        return {
          ...(await this.passagesPageOf(all, request)),
          ...counts,
        };
      capped = true;
    }
    const where = reviewConditions(access, request.filter);
    const sampled =
      !capped && ids.length && this.sampleEvery !== null
        ? this.samplePassageReviews(expression, request.filter)
        : null;
    if (sampled && this.sampleEvery !== null) {
      // Paragraphs of the sample's reviews, until there are enough to be sure that more than the
      // cap match in all: a few hundred rows read, where counting reads every match to the cap.
      const enough = sureAbove(this.passageCountCap, this.sampleEvery);
      const counted = await this.run(sql<{ n: number }>`select count(*) as n from (
        select 1 from (${this.underReviews(sampled, where)}) h limit ${enough}) sampled`);
      capped = Number(counted.rows[0]?.n ?? 0) >= enough;
    }
    if (!capped && ids.length) {
      // A paragraph can match where its review as a whole does not (an excluded word elsewhere in
      // it), so the candidates' paragraphs do not settle a count below the cap: read every match, to
      // one past the cap, with its score and date. No more than the cap are the whole list, ranked
      // here; counting them first and then listing them read every match twice.
      const all = (
        await this.run(
          sql<MatchedPassage & { published_on: string | null }>`${this.passagesUnder(
            expression,
            where,
            this.passageCountCap + 1,
            request.filter,
          )}`,
        )
      ).rows;
      if (all.length <= this.passageCountCap)
        return {
          ...(await this.passagesPageOf(all, request)),
          ...counts,
        };
      capped = true;
    }
    if (!capped)
      return {
        ...(await this.searchPassagesExact(request, access)),
        ...counts,
      };
    return {
      ...(await this.searchPassagesByCandidates(request, access, k, { ids, found })),
      total: this.passageCountCap,
      totalCapped: true,
      ...counts,
    };
  }

  /**
   * The page of a complete list of matching paragraphs, in the order searchPassagesExact gives.
   * Paragraphs that carry their review's publication date need only the page's reviews read.
   */
  protected async passagesPageOf(
    found: Array<MatchedPassage & { published_on?: string | null }>,
    request: SearchRequest,
  ): Promise<PassagesPage> {
    const dated = found.every((p) => p.published_on !== undefined);
    const reviewsOf = async (list: MatchedPassage[]) =>
      list.length
        ? await this.read
            .selectFrom('reviews')
            .select(['id', 'title', 'review_type', 'published_on'])
            .where('id', 'in', [...new Set(list.map((p) => p.review_id))])
            .execute()
        : [];
    const reviewById = new Map((dated ? [] : await reviewsOf(found)).map((r) => [r.id, r]));
    const published = (p: MatchedPassage & { published_on?: string | null }) =>
      dated ? (p.published_on ?? null) : (reviewById.get(p.review_id)?.published_on ?? null);
    const byDate = (a: MatchedPassage, b: MatchedPassage) => {
      const x = published(a);
      const y = published(b);
      return x === y ? 0 : x === null ? 1 : y === null ? -1 : x < y ? 1 : -1;
    };
    const byScore = (a: MatchedPassage, b: MatchedPassage) => Number(b.score) - Number(a.score);
    const page = [...found]
      .sort(
        (a, b) =>
          (request.sort === 'date' ? byDate(a, b) || byScore(a, b) : byScore(a, b) || byDate(a, b)) ||
          Number(a.passage_id) - Number(b.passage_id),
      )
      .slice(request.offset, request.offset + request.limit);
    const [texts, pageReviews] = await Promise.all([
      this.passageTexts(page.map((p) => Number(p.passage_id))),
      dated ? reviewsOf(page) : [],
    ]);
    for (const r of pageReviews) reviewById.set(r.id, r);
    return {
      total: found.length,
      totalCapped: false,
      hits: page.flatMap((p) => {
        const t = texts.get(Number(p.passage_id));
        const r = reviewById.get(p.review_id);
        return t && r
          ? [
              {
                ...toPassageHit({ ...t, ...p }),
                title: r.title,
                type: r.review_type,
                published: r.published_on,
              },
            ]
          : [];
      }),
    };
  }

  /**
   * passage_id, review_id, score and the review's published_on of the passages matching an engine
   * query whose reviews meet a condition on `r` (access and filters).
   */
  protected passagesUnder(
    match: string,
    where: RawBuilder<unknown>,
    bound?: number,
    filter?: ReviewFilter,
  ): RawBuilder<unknown> {
    return sql`select h.passage_id, h.review_id, h.score, h.published_on from (${this.underReviews(
      this.passageHits(match, filter),
      where,
    )}) h${bound === undefined ? sql`` : sql` limit ${bound}`}`;
  }

  /**
   * Every matching paragraph under the filters, ranked; with a `bound`, only the first `bound` found
   * are read (in index order), so the page is right only when the total comes out below it.
   */
  protected async searchPassagesExact(
    request: SearchRequest,
    access: AccessScope,
    bound?: number,
  ): Promise<PassagesPage> {
    const where = reviewConditions(access, request.filter);
    const order =
      request.sort === 'date'
        ? sql`h.published_on desc nulls last, h.score desc`
        : sql`h.score desc, h.published_on desc nulls last`;
    const hits = this.materialized(
      'hits',
      this.passagesUnder(this.withoutExcluded(request.query), where, bound, request.filter),
    );
    // The page's reviews and texts in the same statement, joined after ordering and paging.
    const rows = await this.run(sql<
      MatchedPassage &
        PassageRow & { title: string; review_type: string; published_on: string | null; total: number }
    >`
      with ${hits},
      page as (select h.passage_id, h.review_id, h.score, h.published_on,
          count(*) over () as total, row_number() over (order by ${order}, h.passage_id) as position
        from hits h
        order by position limit ${request.limit} offset ${request.offset})
      select page.*, r.title, r.review_type, p.id, p.text, s.heading as section, p.paragraph, p.page
      from page join reviews r on r.id = page.review_id join passages p on p.id = page.passage_id
        left join sections s on s.id = p.section_id
      order by page.position`);
    let total = Number(rows.rows[0]?.total ?? 0);
    if (rows.rows.length === 0 && request.offset > 0) {
      // Past the last page the window has no row to report the total on.
      total = Number(
        (
          await sql<{
            n: number;
          }>`with ${hits} select count(*) as n from hits`.execute(this.read)
        ).rows[0]?.n ?? 0,
      );
    }
    return {
      total,
      totalCapped: false,
      hits: rows.rows.map((r) => ({
        ...toPassageHit(r),
        title: r.title,
        type: r.review_type,
        published: r.published_on,
      })),
    };
  }

  /**
   * The passages view for engines that rank only candidates. The order is: the matching paragraphs of
   * the k most recent matching reviews (after filters), by score or by date; then, for later pages,
   * those of the following reviews by date. Each step reads a few thousand paragraphs through the
   * review_id index instead of ranking every match in the library. The total is exact up to
   * passageCountCap and reported as "at least" beyond it.
   */
  protected async searchPassagesByCandidates(
    request: SearchRequest,
    access: AccessScope,
    k: number,
    /** the first k candidates and their matching paragraphs, already read */
    first: { ids: string[]; found: MatchedPassage[] },
  ): Promise<PassagesPage> {
    const where = reviewConditions(access, request.filter);
    const expression = this.withoutExcluded(request.query);
    const need = request.offset + request.limit;
    const ordered: MatchedPassage[] = [];
    let reviewOffset = 0;
    let batch = k;
    let lastId = first.ids[first.ids.length - 1];
    while (ordered.length < need) {
      if (reviewOffset > 0 && lastId !== undefined) {
        // The rest in one statement, where the engine can find them without reading every later
        // review's paragraphs.
        const rest = await this.passagesAfter(expression, request, access, lastId, need - ordered.length);
        if (rest) {
          ordered.push(...rest);
          break;
        }
      }
      const source = await this.matchingReviews(expression, false);
      const ids =
        reviewOffset === 0
          ? first.ids
          : (
              await this.run(sql<{
                id: string;
              }>`${source.ctes.length ? sql`with ${sql.join(source.ctes)}` : sql``}
          select r.id from ${source.from} where ${where}
          order by r.published_on desc nulls last, r.id limit ${batch} offset ${reviewOffset}`)
            ).rows.map((r) => r.id);
      if (ids.length === 0) break;
      const rank = new Map(ids.map((id, i) => [id, i]));
      const found =
        reviewOffset === 0 ? [...first.found] : await this.passagesOf(expression, ids, request.query);
      const byDate = (a: MatchedPassage, b: MatchedPassage) =>
        (rank.get(a.review_id) ?? 0) - (rank.get(b.review_id) ?? 0) ||
        Number(b.score) - Number(a.score) ||
        Number(a.passage_id) - Number(b.passage_id);
      const byScore = (a: MatchedPassage, b: MatchedPassage) =>
        Number(b.score) - Number(a.score) || byDate(a, b);
      ordered.push(...found.sort(request.sort === 'relevance' && reviewOffset === 0 ? byScore : byDate));
      reviewOffset += ids.length;
      lastId = ids[ids.length - 1];
      if (ids.length < batch) break;
      // Words that rarely share a paragraph leave most candidates empty: widen quickly.
      batch *= 4;
    }
    const pageRows = ordered.slice(request.offset, request.offset + request.limit);
    const [texts, reviews] = await Promise.all([
      this.passageTexts(pageRows.map((r) => Number(r.passage_id))),
      pageRows.length
        ? this.read
            .selectFrom('reviews')
            .select(['id', 'title', 'review_type', 'published_on'])
            .where('id', 'in', [...new Set(pageRows.map((r) => r.review_id))])
            .execute()
        : [],
    ]);
    const reviewById = new Map(reviews.map((r) => [r.id, r]));
    return {
      total: this.passageCountCap,
      totalCapped: true,
      hits: pageRows.flatMap((p) => {
        const t = texts.get(Number(p.passage_id));
        const r = reviewById.get(p.review_id);
        return t && r
          ? [
              {
                ...toPassageHit({ ...t, ...p }),
                title: r.title,
                type: r.review_type,
                published: r.published_on,
              },
            ]
          : [];
      }),
    };
  }

  async facets(query: CompiledQuery, filter: ReviewFilter, access: AccessScope): Promise<Facets> {
    return (await this.summarise(query, filter, access, null)).facets;
  }

  private async passageTexts(ids: number[]): Promise<Map<number, PassageRow>> {
    if (ids.length === 0) return new Map();
    const rows = await this.read
      .selectFrom('passages as p')
      .leftJoin('sections as s', 's.id', 'p.section_id')
      .select(['p.id', 'p.text', 's.heading as section', 'p.paragraph', 'p.page'])
      .where('p.id', 'in', ids)
      .execute();
    return new Map(rows.map((r) => [Number(r.id), r]));
  }
}

export function toPassageHit(r: PassageRow & MatchedPassage) {
  return {
    passageId: Number(r.passage_id),
    reviewId: r.review_id,
    score: Number(r.score),
    text: r.text,
    section: r.section,
    paragraph: r.paragraph,
    page: r.page === null ? null : Number(r.page),
  };
}
