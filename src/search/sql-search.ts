import { sql } from 'kysely';
import type { Kysely, RawBuilder } from 'kysely';
import type { Database } from '../db/types.js';
import type { AccessScope, ReviewFilter } from '../repositories/reviews-repository.js';
import type { CompiledQuery, Executor, Facets, FacetField, PassagesPage, ReviewsPage, SearchIndex, SearchRequest } from './search-index.js';
import { FACET_COLUMNS, reviewConditions } from './sql-filters.js';

interface HitRow {
  passage_id: number;
  review_id: string;
  score: number;
  text: string;
  section: string | null;
  paragraph: string | null;
  page: number | null;
}

/**
 * The SQL both engines share: grouping hits by review, access and filters, paging, snippets and
 * facets. An engine supplies how to find matching passages ("hits", score: higher is better), how to
 * leave out reviews with excluded words, and how to keep its index up to date.
 */
export abstract class SqlSearchIndex implements SearchIndex {
  abstract readonly backend: 'sqlite' | 'postgres';

  constructor(protected readonly db: Kysely<Database>) {}

  /** passage_id, review_id, score of the passages matching an engine query */
  protected abstract hits(match: string): RawBuilder<unknown>;
  /** reviews having a passage that matches an engine query */
  protected abstract reviewsMatching(match: string): RawBuilder<unknown>;
  /** how the hits CTE is introduced (SQLite must materialise it: bm25 cannot run inside a flattened join) */
  protected cte(hits: RawBuilder<unknown>): RawBuilder<unknown> {
    return sql`with hits as (${hits})`;
  }

  /** each group somewhere in the review, and no excluded word anywhere in it */
  private reviewLevel(query: CompiledQuery): RawBuilder<unknown> {
    const groups = query.groups.length > 1 ? query.groups.map((g) => sql` and r.id in (${this.reviewsMatching(g)})`) : [];
    return sql`${sql.join(groups, sql``)}${this.excluded(query)}`;
  }
  /** " and r.id not in (...)" for reviews with a passage matching the excluded words, or nothing */
  protected abstract excluded(query: CompiledQuery): RawBuilder<unknown>;
  /** one engine query for passages that match and do not contain the excluded words */
  protected abstract passageLevel(query: CompiledQuery): string;
  abstract indexReview(db: Executor, reviewId: string): Promise<number>;
  abstract removeReview(db: Executor, reviewId: string): Promise<void>;
  abstract clear(): Promise<void>;

  async searchReviews(request: SearchRequest, access: AccessScope): Promise<ReviewsPage> {
    const where = sql`${reviewConditions(access, request.filter)}${this.reviewLevel(request.query)}`;
    const hits = this.cte(this.hits(request.query.any));
    const order = request.sort === 'date' ? sql`r.published_on desc nulls last, score desc` : sql`score desc, r.published_on desc nulls last`;
    const total = await sql<{ n: number }>`${hits} select count(distinct h.review_id) as n from hits h join reviews r on r.id = h.review_id where ${where}`.execute(this.db);
    const rows = await sql<{ id: string; title: string; review_type: string; published_on: string | null; score: number; n: number }>`
      ${hits}
      select r.id, r.title, r.review_type, r.published_on, sum(h.score) as score, count(*) as n
      from hits h join reviews r on r.id = h.review_id
      where ${where}
      group by r.id, r.title, r.review_type, r.published_on
      order by ${order}, r.id
      limit ${request.limit} offset ${request.offset}`.execute(this.db);
    const ids = rows.rows.map((r) => r.id);
    const passages = ids.length
      ? await sql<HitRow>`
          ${hits}
          select h.passage_id, h.review_id, h.score, p.text, s.heading as section, p.paragraph, p.page
          from hits h join passages p on p.id = h.passage_id left join sections s on s.id = p.section_id
          where h.review_id in (${sql.join(ids.map((id) => sql`${id}`))})
          order by h.score desc, p.seq`.execute(this.db)
      : { rows: [] };
    return {
      total: Number(total.rows[0]?.n ?? 0),
      hits: rows.rows.map((r) => ({
        reviewId: r.id,
        title: r.title,
        type: r.review_type,
        published: r.published_on,
        score: Number(r.score),
        matchingPassages: Number(r.n),
        passages: passages.rows
          .filter((p) => p.review_id === r.id)
          .slice(0, request.snippetsPerReview)
          .map(toPassageHit),
      })),
    };
  }

  async searchPassages(request: SearchRequest, access: AccessScope): Promise<PassagesPage> {
    const where = reviewConditions(access, request.filter);
    const hits = this.cte(this.hits(this.passageLevel(request.query)));
    const order = request.sort === 'date' ? sql`r.published_on desc nulls last, h.score desc` : sql`h.score desc, r.published_on desc nulls last`;
    const total = await sql<{ n: number }>`${hits} select count(*) as n from hits h join reviews r on r.id = h.review_id where ${where}`.execute(this.db);
    const rows = await sql<HitRow & { title: string; review_type: string; published_on: string | null }>`
      ${hits}
      select h.passage_id, h.review_id, h.score, p.text, s.heading as section, p.paragraph, p.page, r.title, r.review_type, r.published_on
      from hits h join passages p on p.id = h.passage_id join reviews r on r.id = h.review_id left join sections s on s.id = p.section_id
      where ${where}
      order by ${order}, h.passage_id
      limit ${request.limit} offset ${request.offset}`.execute(this.db);
    return {
      total: Number(total.rows[0]?.n ?? 0),
      hits: rows.rows.map((r) => ({ ...toPassageHit(r), title: r.title, type: r.review_type, published: r.published_on })),
    };
  }

  async facets(query: CompiledQuery, filter: ReviewFilter, access: AccessScope): Promise<Facets> {
    const out = {} as Facets;
    for (const field of Object.keys(FACET_COLUMNS) as FacetField[]) {
      const column = sql.ref(`r.${FACET_COLUMNS[field]}`);
      const rows = await sql<{ value: string | null; n: number }>`
        ${this.cte(this.hits(query.any))}
        select ${column} as value, count(distinct r.id) as n
        from hits h join reviews r on r.id = h.review_id
        where ${reviewConditions(access, filter, field)}${this.reviewLevel(query)}
        group by ${column} order by n desc, value`.execute(this.db);
      out[field] = rows.rows.filter((r) => r.value !== null).map((r) => ({ value: String(r.value), count: Number(r.n) }));
    }
    return out;
  }
}

export function toPassageHit(r: HitRow) {
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

