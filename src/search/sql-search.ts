import { sql } from 'kysely';
import type { Kysely, RawBuilder } from 'kysely';
import type { Database } from '../db/types.js';
import type { AccessScope, ReviewFilter } from '../repositories/reviews-repository.js';
import type {
  CompiledQuery,
  Executor,
  Facets,
  FacetField,
  PassagesPage,
  ReviewsPage,
  SearchIndex,
  SearchRequest,
} from './search-index.js';
import { reviewConditions } from './sql-filters.js';

interface AggregateRow {
  id: string;
  title: string;
  review_type: string;
  nation: string | null;
  region: string | null;
  subject: string | null;
  published_on: string | null;
  score: number;
  n: number;
}

const FACET_VALUE: Record<FacetField, (r: AggregateRow) => string | null> = {
  type: (r) => r.review_type,
  nation: (r) => r.nation,
  region: (r) => r.region,
  subject: (r) => r.subject,
};
const FACET_FILTER: Record<FacetField, (f: ReviewFilter) => string[] | undefined> = {
  type: (f) => f.types,
  nation: (f) => f.nations,
  region: (f) => f.regions,
  subject: (f) => f.subjects,
};

function passesFacets(r: AggregateRow, filter: ReviewFilter, skip?: FacetField): boolean {
  return (Object.keys(FACET_VALUE) as FacetField[]).every((field) => {
    const chosen = FACET_FILTER[field](filter);
    return field === skip || !chosen?.length || chosen.includes(FACET_VALUE[field](r) ?? '');
  });
}

/** Counts per facet value under every filter but the facet's own, so a choice can be widened. */
function facetCounts(rows: AggregateRow[], filter: ReviewFilter): Facets {
  const out = {} as Facets;
  for (const field of Object.keys(FACET_VALUE) as FacetField[]) {
    const counts = new Map<string, number>();
    for (const r of rows) {
      const value = FACET_VALUE[field](r);
      if (value !== null && passesFacets(r, filter, field)) counts.set(value, (counts.get(value) ?? 0) + 1);
    }
    out[field] = [...counts]
      .map(([value, count]) => ({ value, count }))
      .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  }
  return out;
}

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
    const groups =
      query.groups.length > 1 ? query.groups.map((g) => sql` and r.id in (${this.reviewsMatching(g)})`) : [];
    return sql`${sql.join(groups, sql``)}${this.excluded(query)}`;
  }
  /** " and r.id not in (...)" for reviews with a passage matching the excluded words, or nothing */
  protected abstract excluded(query: CompiledQuery): RawBuilder<unknown>;
  /** one engine query for passages that match and do not contain the excluded words */
  protected abstract passageLevel(query: CompiledQuery): string;
  abstract indexReview(db: Executor, reviewId: string): Promise<number>;
  abstract removeReview(db: Executor, reviewId: string): Promise<void>;
  abstract clear(): Promise<void>;

  /**
   * One pass over the matching passages, grouped by review, with the columns facets need. Paging,
   * facet filters and facet counts are then worked out from these rows, so the engine evaluates the
   * query once rather than once per count.
   */
  private async aggregate(
    query: CompiledQuery,
    filter: ReviewFilter,
    access: AccessScope,
  ): Promise<AggregateRow[]> {
    const years: ReviewFilter = {
      ...(filter.yearFrom !== undefined ? { yearFrom: filter.yearFrom } : {}),
      ...(filter.yearTo !== undefined ? { yearTo: filter.yearTo } : {}),
    };
    const rows = await sql<AggregateRow>`
      ${this.cte(this.hits(query.any))}
      select r.id, r.title, r.review_type, r.nation, r.region, r.subject, r.published_on, sum(h.score) as score, count(*) as n
      from hits h join reviews r on r.id = h.review_id
      where ${reviewConditions(access, years)}${this.reviewLevel(query)}
      group by r.id, r.title, r.review_type, r.nation, r.region, r.subject, r.published_on`.execute(this.db);
    return rows.rows.map((r) => ({ ...r, score: Number(r.score), n: Number(r.n) }));
  }

  async searchReviews(
    request: SearchRequest,
    access: AccessScope,
  ): Promise<ReviewsPage & { facets: Facets }> {
    const rows = await this.aggregate(request.query, request.filter, access);
    const matching = rows.filter((r) => passesFacets(r, request.filter));
    const byDate = (a: AggregateRow, b: AggregateRow) =>
      (b.published_on ?? '').localeCompare(a.published_on ?? '');
    matching.sort((a, b) =>
      request.sort === 'date'
        ? byDate(a, b) || b.score - a.score || a.id.localeCompare(b.id)
        : b.score - a.score || byDate(a, b) || a.id.localeCompare(b.id),
    );
    const pageRows = matching.slice(request.offset, request.offset + request.limit);
    const ids = pageRows.map((r) => r.id);
    const passages = ids.length
      ? await sql<HitRow>`
          ${this.cte(this.hits(request.query.any))}
          select h.passage_id, h.review_id, h.score, p.text, s.heading as section, p.paragraph, p.page
          from hits h join passages p on p.id = h.passage_id left join sections s on s.id = p.section_id
          where h.review_id in (${sql.join(ids.map((id) => sql`${id}`))})
          order by h.score desc, p.seq`.execute(this.db)
      : { rows: [] };
    return {
      total: matching.length,
      facets: facetCounts(rows, request.filter),
      hits: pageRows.map((r) => ({
        reviewId: r.id,
        title: r.title,
        type: r.review_type,
        published: r.published_on,
        score: r.score,
        matchingPassages: r.n,
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
    const order =
      request.sort === 'date'
        ? sql`r.published_on desc nulls last, h.score desc`
        : sql`h.score desc, r.published_on desc nulls last`;
    const total = await sql<{
      n: number;
    }>`${hits} select count(*) as n from hits h join reviews r on r.id = h.review_id where ${where}`.execute(
      this.db,
    );
    const rows = await sql<HitRow & { title: string; review_type: string; published_on: string | null }>`
      ${hits}
      select h.passage_id, h.review_id, h.score, p.text, s.heading as section, p.paragraph, p.page, r.title, r.review_type, r.published_on
      from hits h join passages p on p.id = h.passage_id join reviews r on r.id = h.review_id left join sections s on s.id = p.section_id
      where ${where}
      order by ${order}, h.passage_id
      limit ${request.limit} offset ${request.offset}`.execute(this.db);
    return {
      total: Number(total.rows[0]?.n ?? 0),
      hits: rows.rows.map((r) => ({
        ...toPassageHit(r),
        title: r.title,
        type: r.review_type,
        published: r.published_on,
      })),
    };
  }

  async facets(query: CompiledQuery, filter: ReviewFilter, access: AccessScope): Promise<Facets> {
    return facetCounts(await this.aggregate(query, filter, access), filter);
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
