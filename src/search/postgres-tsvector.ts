import { sql } from 'kysely';
import type { Kysely, RawBuilder } from 'kysely';
import type { Database } from '../db/types.js';
import { REVIEW_SEARCH_COPIES } from '../db/migrations/0012_review_search_columns.js';
import { searchText } from './search-text.js';
import { reviewMatch } from './tsquery-pairs.js';
import { FACETS, reviewConditions } from './sql-filters.js';
import type { CompiledQuery, Executor, SearchRequest } from './search-index.js';
import type { ReviewFilter } from '../repositories/reviews-repository.js';
import { ESTIMATE_FROM, PASSAGE_COUNT_CAP, SqlSearchIndex } from './sql-search.js';
import type { MatchScope, MatchedPassage, ReviewSource } from './sql-search.js';
import type { AccessScope } from '../repositories/access.js';
import { SAMPLE_CONDITION, SAMPLE_EVERY } from '../db/migrations/0014_review_search_sample.js';
import { PASSAGE_COPIES } from '../db/migrations/0018_passage_access.js';

/**
 * Conditions on the copies of a review's filter columns that review_search (alias rs) and passages
 * (alias p) hold in their GIN indexes (migrations 0014 and 0017). With `prefix`, one fragment that
 * starts with it (or nothing when no filter is chosen); without, a list.
 */
function copiedFilters(alias: string, filter: ReviewFilter | undefined): RawBuilder<unknown>[];
function copiedFilters(alias: string, filter: ReviewFilter | undefined, prefix: string): RawBuilder<unknown>;
function copiedFilters(
  alias: string,
  filter: ReviewFilter | undefined,
  prefix?: string,
): RawBuilder<unknown>[] | RawBuilder<unknown> {
  const parts = filter
    ? [
        ...FACETS.flatMap((f) => {
          const chosen = f.chosen(filter);
          return f.column && chosen?.length
            ? [sql`${sql.ref(`${alias}.${f.column}`)} in (${sql.join(chosen.map((v) => sql`${v}`))})`]
            : [];
        }),
        ...(filter.yearFrom !== undefined
          ? [sql`${sql.ref(`${alias}.published_year`)} >= ${filter.yearFrom}`]
          : []),
        ...(filter.yearTo !== undefined
          ? [sql`${sql.ref(`${alias}.published_year`)} <= ${filter.yearTo}`]
          : []),
      ]
    : [];
  if (prefix === undefined) return parts;
  return parts.length ? sql`${sql.raw(prefix)}${sql.join(parts, sql` and `)}` : sql``;
}

/**
 * PostgreSQL full-text search (english configuration): a tsvector per passage and one per review,
 * each under a GIN index. Passages are ranked with ts_rank_cd (cover density: terms close together
 * rank higher). Ranking a review means reading its whole vector, so matching reviews are counted
 * and faceted from the GIN index alone and only the candidates for a page are ranked (rankLimit).
 */
export class PostgresTsvectorIndex extends SqlSearchIndex {
  readonly backend = 'postgres' as const;
  protected override readonly rankLimit: number;
  protected override readonly passageCountCap: number;

  protected override readonly sampleEvery: number;
  protected override readonly estimateFrom: number;
  private readonly sampleCondition: string;
  private readonly passageSampleCondition: string;

  /**
   * @param options.estimateFrom from how many matching reviews (as the sample shows them) to estimate counts
   * @param options.sample 'all' makes the whole library the sample (for tests: estimates are then
   *   the exact counts, rounded, and the page's reading by date can be checked against the exact one)
   */
  constructor(
    db: Kysely<Database>,
    options: { rankLimit?: number; passageCountCap?: number; estimateFrom?: number; sample?: 'all' } = {},
  ) {
    super(db);
    this.rankLimit = options.rankLimit ?? 200;
    this.passageCountCap = options.passageCountCap ?? PASSAGE_COUNT_CAP;
    this.estimateFrom = options.estimateFrom ?? ESTIMATE_FROM;
    this.sampleEvery = options.sample === 'all' ? 1 : SAMPLE_EVERY;
    // The sample's condition exactly as the partial index states it, or the planner will not use it.
    this.passageSampleCondition =
      options.sample === 'all' ? 'true' : SAMPLE_CONDITION.replace('review_id', 'p.review_id');
    this.sampleCondition =
      options.sample === 'all' ? 'true' : SAMPLE_CONDITION.replace('review_id', 'rs.review_id');
  }

  /**
   * Planner settings for search statements, in their own transaction and set in one round trip. The
   * planner prices a scan of review_search by its small heap and does not see that matching means
   * reading every review's TOASTed vector, so for common words it picks a sequential scan that is
   * fifty times slower than the GIN index (measured at 100,000 reviews: 660 ms against 14 ms).
   * No parallel workers: a search is a few milliseconds of work, and starting and gathering workers
   * on a small server (2 cores here, shared with the application) cost more than they save. At
   * 100,000 reviews the reviews view's p95 fell from 72-77 ms to 41-44 ms without them; one page
   * read by date took 81 ms with two workers and 46 ms without (EXPLAIN ANALYZE).
   */
  protected override async run<T>(query: RawBuilder<T>, aggregates = false): Promise<{ rows: T[] }> {
    return this.db.transaction().execute(async (trx) => {
      if (aggregates) {
        // Filters make the planner guess that a handful of reviews match, and it then loops over the
        // matches once per agency (2 s at 100,000 reviews), or sorts every match by id to merge it
        // with the agencies. The facet statement is a set of aggregates, which hash joins serve well;
        // elsewhere nested loops let LIMIT stop early. Its matches are kept in memory for the several
        // aggregates over them: at the default 4 MB, 80,000 of them went to a temporary file.
        await sql`select set_config('enable_seqscan', 'off', true), set_config('enable_nestloop', 'off', true),
          set_config('enable_mergejoin', 'off', true), set_config('work_mem', '64MB', true),
          set_config('max_parallel_workers_per_gather', '0', true)`.execute(trx);
      } else {
        await sql`select set_config('enable_seqscan', 'off', true),
          set_config('max_parallel_workers_per_gather', '0', true)`.execute(trx);
      }
      return query.execute(trx);
    });
  }

  /**
   * review_search holds copies of the columns access and filters read (migration 0012): no join.
   * Phrases are answered from word pairs (tsquery-pairs.ts): reviews the index settles alone, then
   * the few it cannot, each checked against the query itself. ts_match_vq is @@ as a function call,
   * which the planner cannot turn into a second index scan (one whose page-wide rechecks would bring
   * the cost back).
   */
  protected async matchingReviews(
    match: string,
    _scored = false,
    scope: MatchScope = {},
  ): Promise<ReviewSource> {
    const normalised = await this.normalise(match);
    const { sure, unsure } = reviewMatch(normalised ?? '');
    const columns = sql`rs.review_id as id, ${sql.join(REVIEW_SEARCH_COPIES.map((c) => sql.ref(`rs.${c}`)))}`;
    const scoped = sql.join(
      [
        ...(scope.sample ? [sql.raw(this.sampleCondition)] : []),
        ...(scope.publishedFrom !== undefined ? [sql`rs.published_on >= ${scope.publishedFrom}`] : []),
        // The filters the index holds beside the words (migration 0014), so that it narrows by them.
        ...copiedFilters('rs', scope.filter),
        sql`true`,
      ],
      sql` and `,
    );
    const parts = [
      ...(sure
        ? [
            sql`select ${columns} from review_search rs where rs.search @@ cast(${sure} as tsquery) and ${scoped}`,
          ]
        : []),
      ...(unsure
        ? [
            sql`select ${columns} from review_search rs where rs.search @@ cast(${unsure} as tsquery)
              and ${scoped} and ts_match_vq(rs.search, cast(${normalised} as tsquery))`,
          ]
        : []),
    ];
    return {
      ctes: [],
      from: sql`(${parts.length ? sql.join(parts, sql` union all `) : sql`select ${columns} from review_search rs where false`}) r`,
      score: sql`cast(null as float8)`,
    };
  }

  /** Recent queries as PostgreSQL normalises them: a search asks for its query's form several times. */
  private readonly normalised = new Map<string, string>();

  private async normalise(match: string): Promise<string | undefined> {
    const known = this.normalised.get(match);
    if (known !== undefined) return known;
    const q = (await sql<{ q: string }>`select to_tsquery('english', ${match})::text as q`.execute(this.db))
      .rows[0]?.q;
    if (q === undefined) return undefined;
    if (this.normalised.size >= 1_000) this.normalised.delete(this.normalised.keys().next().value ?? '');
    this.normalised.set(match, q);
    return q;
  }

  protected async rankReviews(match: string, reviewIds: string[]): Promise<Map<string, number>> {
    // Normalisation 1 divides by 1 + log(length), so long reports do not win on length alone.
    const rows = await sql<{
      review_id: string;
      score: number;
    }>`select rs.review_id, ts_rank(rs.search, q.q, 1) as score
      from review_search rs, to_tsquery('english', ${match}) as q(q) where rs.review_id = any(${reviewIds})`.execute(
      this.db,
    );
    return new Map(rows.rows.map((r) => [r.review_id, Number(r.score)]));
  }

  /**
   * Paragraphs carry copies of their review's access and filter columns and publication date
   * (migrations 0017 and 0018), kept by a trigger in the statement that changes the review. The
   * filters are stated on the copies the GIN index holds, so that it narrows by them; access and
   * every filter are then tested on the copies (underReviews), without reading reviews.
   */
  private readonly passageColumns = sql`p.review_id as id, ${sql.join(
    PASSAGE_COPIES.map((c) => sql.ref(`p.${c}`)),
  )}`;

  protected passageHits(match: string, filter?: ReviewFilter): RawBuilder<unknown> {
    return sql`select p.id as passage_id, p.review_id, ts_rank_cd(p.search, q.q) as score, ${this.passageColumns}
      from passages p, to_tsquery('english', ${match}) as q(q)
      where p.search @@ q.q${copiedFilters('p', filter, ' and ')}`;
  }

  protected override samplePassageReviews(match: string, filter?: ReviewFilter): RawBuilder<unknown> {
    return sql`select p.review_id, ${this.passageColumns} from passages p where p.search @@ to_tsquery('english', ${match})
      and ${sql.raw(this.passageSampleCondition)}${copiedFilters('p', filter, ' and ')}`;
  }

  /**
   * Through the paragraphs' index, which holds the filters, with access and the date on the row: the
   * reviews after the candidates are read only when the candidates' paragraphs were too few for the
   * page, that is when paragraphs holding all the words are rare, and then reading them all is a few
   * thousand rows where reading the next reviews' paragraphs is twenty a review ("GP strategy
   * discussion" about adults: 800 reviews, 34-68 ms). Not with an excluded word: a paragraph can
   * then match where its review does not, and the view lists only matching reviews' paragraphs.
   */
  protected override async passagesAfter(
    match: string,
    request: SearchRequest,
    access: AccessScope,
    lastId: string,
    limit: number,
  ): Promise<MatchedPassage[] | null> {
    if (request.query.exclude) return null;
    const last = await this.db
      .selectFrom('reviews')
      .select(['id', 'published_on'])
      .where('id', '=', lastId)
      .executeTakeFirst();
    if (!last) return null;
    const after =
      last.published_on === null
        ? sql`h.published_on is null and h.review_id > ${last.id}`
        : sql`(h.published_on < ${last.published_on} or h.published_on is null
            or (h.published_on = ${last.published_on} and h.review_id > ${last.id}))`;
    const rows = await this.run(sql<MatchedPassage>`select h.passage_id, h.review_id, h.score
      from (${this.underReviews(this.passageHits(match, request.filter), reviewConditions(access, request.filter))}) h
      where ${after}
      order by h.published_on desc nulls last, h.review_id, h.score desc, h.passage_id limit ${limit}`);
    return rows.rows;
  }

  /** The paragraph rows above carry their review's columns as `r` would: the conditions read them. */
  protected override underReviews(
    rows: RawBuilder<unknown>,
    where: RawBuilder<unknown>,
  ): RawBuilder<unknown> {
    return sql`select r.* from (${rows}) r where ${where}`;
  }

  /**
   * Read through review_id and tested row by row: a few thousand paragraphs at most. Offered the word
   * index too, the planner intersects it with them, and for a common word that means reading its
   * whole posting list (hundreds of thousands of paragraphs at 100,000 reviews) to keep a few.
   */
  protected async passagesOf(match: string, reviewIds: string[]): Promise<MatchedPassage[]> {
    const rows = await sql<MatchedPassage>`with c as materialized (
        select p.id, p.review_id, p.seq, p.search from passages p where p.review_id = any(${reviewIds}))
      select c.id as passage_id, c.review_id, ts_rank_cd(c.search, q.q) as score
      from c, to_tsquery('english', ${match}) as q(q)
      where c.search @@ q.q
      order by score desc, c.seq`.execute(this.db);
    return rows.rows;
  }

  protected withoutExcluded(query: CompiledQuery): string {
    return query.exclude ? `(${query.match}) & !(${query.exclude})` : query.match;
  }

  async indexReview(db: Executor, reviewId: string): Promise<number> {
    const passages = await db
      .selectFrom('passages')
      .select(['id', 'text'])
      .where('review_id', '=', reviewId)
      .orderBy('seq')
      .execute();
    await this.removeReview(db, reviewId);
    if (passages.length === 0) return 0;
    const bodies = passages.map((p) => searchText(p.text));
    // With the copies of the review's columns that paragraphs carry (migrations 0017 and 0018).
    await sql`update passages as p set search = to_tsvector('english', v.t), (${sql.join(
      PASSAGE_COPIES.map((c) => sql.id(c)),
    )}) = (${sql.join(PASSAGE_COPIES.map((c) => sql.ref(`r.${c}`)))})
      from (select unnest(${passages.map((p) => p.id)}::int[]) as id, unnest(${bodies}::text[]) as t) as v, reviews r
      where p.id = v.id and r.id = p.review_id`.execute(db);
    const copies = REVIEW_SEARCH_COPIES.map((c) => sql.id(c));
    await sql`insert into review_search (review_id, search, ${sql.join(copies)})
      select r.id, v.v || review_pairs(v.v), ${sql.join(REVIEW_SEARCH_COPIES.map((c) => sql.ref(`r.${c}`)))}
      from reviews r, to_tsvector('english', ${bodies.join('\n\n')}) as v(v) where r.id = ${reviewId}`.execute(
      db,
    );
    return passages.length;
  }

  async removeReview(db: Executor, reviewId: string): Promise<void> {
    // Only rows that hold a vector: rewriting a new review's rows adds a version of each to every index.
    await sql`update passages set search = null where review_id = ${reviewId} and search is not null`.execute(
      db,
    );
    await sql`delete from review_search where review_id = ${reviewId}`.execute(db);
  }

  async unindexed(): Promise<string[]> {
    const rows = await sql<{
      id: string;
    }>`select id from reviews where id not in (select review_id from review_search) order by created_at`.execute(
      this.db,
    );
    return rows.rows.map((r) => r.id);
  }

  async optimize(): Promise<void> {
    // After a bulk load the indexes' pending lists hold the latest entries unsorted; every search
    // reads them in full until autovacuum merges them, and the planner prices the index by them.
    await sql`select ${sql.join(
      ['passages_search', 'passages_sample', 'review_search_search', 'review_search_sample'].map(
        (index) => sql`gin_clean_pending_list(${index}::regclass)`,
      ),
    )}`.execute(this.db);
    await sql`analyze passages`.execute(this.db);
    await sql`analyze review_search`.execute(this.db);
    await sql`analyze reviews`.execute(this.db);
    // Similar reviews' tables (search/similar.ts): without statistics the planner reads a word's
    // rows of review_terms by a plan made for an empty table (at 10,000 reviews: 59.5 ms at the
    // median against 23.3 ms once analysed).
    await sql`analyze review_terms`.execute(this.db);
    await sql`analyze term_reviews`.execute(this.db);
  }

  async clear(): Promise<void> {
    await sql`update passages set search = null`.execute(this.db);
    await sql`delete from review_search`.execute(this.db);
  }
}
