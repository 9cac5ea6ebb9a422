import { sql } from 'kysely';
import type { Kysely, RawBuilder } from 'kysely';
import type { Database } from '../db/types.js';
import type { AccessScope, ReviewFilter } from '../repositories/reviews-repository.js';
import type {
  CompiledQuery,
  Executor,
  Facets,
  PassagesPage,
  ReviewsPage,
  SearchIndex,
  SearchRequest,
} from './search-index.js';
import { FACETS, facetCondition, reviewConditions } from './sql-filters.js';

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

interface SummaryRow {
  field: string;
  value: string | null;
  n: number | null;
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
   * null: `reviewHits` scores every match. A number K: it does not, and for relevance order the K
   * most recent matching reviews (after filters) are ranked; later pages continue by date.
   */
  protected readonly rankLimit: number | null = null;

  constructor(protected readonly db: Kysely<Database>) {}

  /** how many of the most recent matches are ranked (null: all are) */
  get rankedCandidates(): number | null {
    return this.rankLimit;
  }

  /** review_id, score (higher is better, or null) of the reviews whose whole text matches */
  protected abstract reviewHits(match: string): RawBuilder<unknown>;
  /** scores of some reviews for an engine query (engines with a rankLimit) */
  protected abstract rankReviews(match: string, reviewIds: string[]): Promise<Map<string, number>>;
  /** passage_id, review_id, score of the passages matching an engine query */
  protected abstract passageHits(match: string): RawBuilder<unknown>;
  /** the passages of some reviews that match an engine query, best first */
  protected abstract passagesOf(match: string, reviewIds: string[]): Promise<MatchedPassage[]>;
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
   * One statement: the matching reviews under access and year range (m), then the total under every
   * filter, each facet's counts under every filter but its own (so a choice can be widened), and the
   * ordered rows wanted for the page.
   */
  private async summarise(
    query: CompiledQuery,
    filter: ReviewFilter,
    access: AccessScope,
    rows: { sort: 'relevance' | 'date'; offset: number; limit: number } | null,
  ): Promise<{ total: number; facets: Facets; rows: Array<{ id: string; score: number | null }> }> {
    const years: ReviewFilter = {
      ...(filter.yearFrom !== undefined ? { yearFrom: filter.yearFrom } : {}),
      ...(filter.yearTo !== undefined ? { yearTo: filter.yearTo } : {}),
    };
    const ok = (skip?: string) =>
      sql.join(
        [
          sql`1 = 1`,
          ...FACETS.filter((f) => f.field !== skip).map((f) => sql`${sql.ref(`ok_${f.field}`)} = 1`),
        ],
        sql` and `,
      );
    const columns = FACETS.map(
      (f) =>
        sql`case when ${facetCondition(f, filter)} then 1 else 0 end as ${sql.ref(`ok_${f.field}`)}${f.column ? sql`, r.${sql.ref(f.column)} as ${sql.ref(`v_${f.field}`)}` : sql``}`,
    );
    const parts: RawBuilder<unknown>[] = [
      sql`select '*total' as field, null as value, count(*) as n from m where ${ok()}`,
    ];
    for (const f of FACETS) {
      parts.push(
        f.column
          ? sql`select ${f.field} as field, ${sql.ref(`v_${f.field}`)} as value, count(*) as n from m where ${ok(f.field)} and ${sql.ref(`v_${f.field}`)} is not null group by ${sql.ref(`v_${f.field}`)}`
          : sql`select ${f.field} as field, ${sql.ref(`fa.${f.many?.value ?? ''}`)} as value, count(*) as n from m join ${sql.table(f.many?.table ?? '')} fa on fa.review_id = m.id where ${ok(f.field)} and ${f.many?.where ?? sql`1 = 1`} group by ${sql.ref(`fa.${f.many?.value ?? ''}`)}`,
      );
    }
    if (rows) {
      const order =
        rows.sort === 'date'
          ? sql`published_on desc nulls last, score desc, id`
          : this.rankLimit === null
            ? sql`score desc, published_on desc nulls last, id`
            : sql`published_on desc nulls last, id`;
      parts.push(
        sql`select * from (select '*row' as field, id as value, score as n from m where ${ok()} order by ${order} limit ${rows.limit} offset ${rows.offset}) page`,
      );
    }
    const result = await sql<SummaryRow>`
      with ${this.materialized('hits', this.reviewHits(this.withoutExcluded(query)))},
      ${this.materialized('m', sql`select r.id, r.published_on, h.score, ${sql.join(columns)} from hits h join reviews r on r.id = h.review_id where ${reviewConditions(access, years)}`)}
      ${sql.join(parts, sql` union all `)}`.execute(this.db);
    const facets = Object.fromEntries(
      FACETS.map((f) => [f.field, [] as Array<{ value: string; count: number }>]),
    ) as Facets;
    let total = 0;
    const page: Array<{ id: string; score: number | null }> = [];
    for (const r of result.rows) {
      if (r.field === '*total') total = Number(r.n);
      else if (r.field === '*row')
        page.push({ id: String(r.value), score: r.n === null ? null : Number(r.n) });
      else facets[r.field as keyof Facets].push({ value: String(r.value), count: Number(r.n) });
    }
    for (const list of Object.values(facets))
      list.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
    return { total, facets, rows: page };
  }

  async searchReviews(
    request: SearchRequest,
    access: AccessScope,
  ): Promise<ReviewsPage & { facets: Facets }> {
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
        ? this.db
            .selectFrom('reviews')
            .select(['id', 'title', 'review_type', 'published_on'])
            .where('id', 'in', ids)
            .execute()
        : [],
      ids.length ? this.passagesOf(request.query.any, ids) : [],
    ]);
    const byReview = new Map<string, MatchedPassage[]>();
    for (const p of matched) byReview.set(p.review_id, [...(byReview.get(p.review_id) ?? []), p]);
    const shown = [...byReview.values()].flatMap((list) => list.slice(0, request.snippetsPerReview));
    const texts = await this.passageTexts(shown.map((p) => Number(p.passage_id)));
    const reviewById = new Map(reviews.map((r) => [r.id, r]));
    return {
      total: summary.total,
      facets: summary.facets,
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

  async searchPassages(request: SearchRequest, access: AccessScope): Promise<PassagesPage> {
    const where = reviewConditions(access, request.filter);
    const order =
      request.sort === 'date'
        ? sql`r.published_on desc nulls last, h.score desc`
        : sql`h.score desc, r.published_on desc nulls last`;
    const rows = await sql<
      MatchedPassage & { title: string; review_type: string; published_on: string | null; total: number }
    >`
      with ${this.materialized('hits', this.passageHits(this.withoutExcluded(request.query)))}
      select h.passage_id, h.review_id, h.score, r.title, r.review_type, r.published_on, count(*) over () as total
      from hits h join reviews r on r.id = h.review_id
      where ${where}
      order by ${order}, h.passage_id
      limit ${request.limit} offset ${request.offset}`.execute(this.db);
    const texts = await this.passageTexts(rows.rows.map((r) => Number(r.passage_id)));
    let total = Number(rows.rows[0]?.total ?? 0);
    if (rows.rows.length === 0 && request.offset > 0) {
      // Past the last page the window has no row to report the total on.
      total = Number(
        (
          await sql<{
            n: number;
          }>`with ${this.materialized('hits', this.passageHits(this.withoutExcluded(request.query)))} select count(*) as n from hits h join reviews r on r.id = h.review_id where ${where}`.execute(
            this.db,
          )
        ).rows[0]?.n ?? 0,
      );
    }
    return {
      total,
      hits: rows.rows.flatMap((r) => {
        const t = texts.get(Number(r.passage_id));
        return t
          ? [
              {
                ...toPassageHit({ ...t, passage_id: r.passage_id, review_id: r.review_id, score: r.score }),
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
    const rows = await this.db
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
