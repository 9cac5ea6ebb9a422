import { sql } from 'kysely';
import type { Kysely, RawBuilder } from 'kysely';
import type { Database } from '../db/types.js';
import { idf, scorePassages } from './passage-score.js';
import { searchText } from './search-text.js';
import type { AccessScope } from '../repositories/reviews-repository.js';
import type { CompiledQuery, Counted, Executor, PassagesPage, SearchRequest } from './search-index.js';
import { chunks } from '../shared/chunks.js';
import { PASSAGE_COUNT_CAP, SqlSearchIndex } from './sql-search.js';
import type { MatchedPassage, ReviewSource } from './sql-search.js';

/**
 * SQLite FTS5 with bm25 ranking (bm25 is "lower is better": negated so that higher is better
 * everywhere). Two indexes: passages_fts (a row per passage, rowid = passage id) and reviews_fts (a
 * contentless row per review, rowid = review_docs.doc_id).
 */
/**
 * What passagesOf's two ways of reading cost, in ms (measured at 10,000 reviews): one pass over every
 * match in the library, per match; a rowid range per review, for a single word and for anything more
 * (an AND, an OR, a phrase).
 */
export const READ_COSTS = { perMatch: 0.002, perReviewWord: 0.02, perReviewExpression: 0.15 };

export class SqliteFts5Index extends SqlSearchIndex {
  readonly backend = 'sqlite' as const;
  /**
   * The passages view lists the paragraphs of the 200 most recent matching reviews first when there
   * are more than the cap: ranking every match of a common word by bm25 cost 50 ms at 10,000 reviews
   * (about 1 µs a paragraph).
   */
  protected readonly passageRankLimit: number;
  protected override readonly passageCountCap: number;
  protected override readonly parallelReads: boolean;
  /** what passagesOf's two ways of reading cost (tests set them to force one) */
  private readonly readCosts: typeof READ_COSTS;

  constructor(
    db: Kysely<Database>,
    options: {
      read?: Kysely<Database>;
      passageRankLimit?: number;
      passageCountCap?: number;
      readCosts?: typeof READ_COSTS;
    } = {},
  ) {
    super(db, options.read);
    this.readCosts = options.readCosts ?? READ_COSTS;
    this.parallelReads = options.read !== undefined;
    this.passageRankLimit = options.passageRankLimit ?? 200;
    this.passageCountCap = options.passageCountCap ?? PASSAGE_COUNT_CAP;
  }

  /** Every match, scored by bm25 when asked, joined to reviews for access and filters. */
  protected matchingReviews(match: string, scored: boolean): Promise<ReviewSource> {
    const score = scored ? sql`-bm25(reviews_fts)` : sql`null`;
    return Promise.resolve({
      ctes: [
        this.materialized(
          'hits',
          sql`select d.review_id, f.score from (select rowid as doc_id, ${score} as score from reviews_fts where reviews_fts match ${match}) f join review_docs d on d.doc_id = f.doc_id`,
        ),
      ],
      from: sql`hits h join reviews r on r.id = h.review_id`,
      score: sql`h.score`,
    });
  }

  protected rankReviews(): Promise<Map<string, number>> {
    return Promise.reject(new Error('SQLite scores every match in matchingReviews'));
  }

  protected passageHits(match: string): RawBuilder<unknown> {
    return sql`select rowid as passage_id, review_id, -bm25(passages_fts) as score from passages_fts where passages_fts match ${match}`;
  }

  /** FTS5 first, so that bm25 is worked out only for passages whose review passes (about 1 µs each). */
  protected override passagesUnder(
    match: string,
    where: RawBuilder<unknown>,
    bound?: number,
  ): RawBuilder<unknown> {
    return sql`select f.rowid as passage_id, f.review_id, -bm25(passages_fts) as score, r.published_on
      from passages_fts f cross join reviews r on r.id = f.review_id
      where passages_fts match ${match} and ${where}${bound === undefined ? sql`` : sql` limit ${bound}`}`;
  }

  /**
   * The passages view. When no more than passageCountCap paragraphs match under the filters, all are
   * ranked by bm25 (the statement stops reading at one past the cap). Otherwise, from the
   * passageRankLimit most recent matching reviews (the candidates, from the facet statement):
   *  - when they are all the matching reviews (and nothing is excluded), their matching paragraphs
   *    are all the matches: read and ranked here;
   *  - else the candidates' paragraphs are ranked and later pages go on by date, the total shown as
   *    "1,000 or more" (a common word matches tens of thousands of paragraphs, and bm25 over all of
   *    them cost 50-100 ms at 10,000 reviews).
   */
  override async searchPassages(
    request: SearchRequest,
    access: AccessScope,
  ): Promise<PassagesPage & Counted> {
    const k = this.passageRankLimit;
    const expression = this.withoutExcluded(request.query);
    // The facets and candidates, and beside them (the read pool runs both at once) the ranked page
    // if no more than the cap match under the filters.
    const [summary, exact] = await Promise.all([
      this.summarise(request.query, request.filter, access, { sort: 'date', offset: 0, limit: k }, false),
      this.searchPassagesExact(request, access, this.passageCountCap + 1),
    ]);
    const { facets, estimated } = summary;
    if (exact.total <= this.passageCountCap) return { ...exact, facets, estimated };
    const ids = summary.rows.map((r) => r.id);
    if (!request.query.exclude && summary.total <= ids.length) {
      // The candidates are every matching review: their matching paragraphs are all the matches.
      const all = ids.length ? await this.passagesOf(expression, ids, request.query) : [];
      return { ...(await this.passagesPageOf(all, request)), facets, estimated };
    }
    const found = await this.passagesOf(expression, ids, request.query);
    return {
      ...(await this.searchPassagesByCandidates(request, access, k, { ids, found })),
      total: this.passageCountCap,
      totalCapped: true,
      facets,
      estimated,
    };
  }

  /**
   * The matching passages of some reviews (the page's, or the passages view's candidates), found in
   * one of two ways after counting the matches in the library (a count costs 1-6 ms):
   *  - one pass over them all, kept where they belong to these reviews;
   *  - each review's passages read by a rowid range (its passages' ids): about 0.02 ms a review for a
   *    single word, 0.1-3 ms for an AND, an OR or a long phrase;
   * whichever costs less (READ_COSTS).
   * FTS5's bm25 is not used: each FTS5 cursor that scores counts every match of each phrase in the
   * library first (about 1 ms per cursor for a common word), which made twenty reviews' snippets cost
   * as much as the search. bm25 is computed from the passages' text instead (passage-score.ts).
   *
   * The range bounds are cast to integer: better-sqlite3 binds a JS number as REAL, and FTS5 ignores a
   * rowid constraint that is not an integer and reads every match.
   */
  protected async passagesOf(
    match: string,
    reviewIds: string[],
    query: CompiledQuery,
  ): Promise<MatchedPassage[]> {
    const count = async (expression: string) =>
      Number(
        (
          await sql<{
            n: number;
          }>`select count(*) as n from passages_fts where passages_fts match ${expression}`.execute(this.read)
        ).rows[0]?.n ?? 0,
      );
    const matched: Array<{ id: number; review_id: string; seq: number; text: string }> = [];
    const costs = this.readCosts;
    const perReview = /^"[^"\s]+"$/.test(match) ? costs.perReviewWord : costs.perReviewExpression;
    if ((await count(match)) * costs.perMatch <= reviewIds.length * perReview) {
      // cross join: FTS5 first; the other order runs the match again for every passage of the reviews.
      matched.push(
        ...(await this.eachChunk(
          reviewIds,
          1000,
          (ids) => sql<{
            id: number;
            review_id: string;
            seq: number;
            text: string;
          }>`select p.id, p.review_id, p.seq, p.text
            from passages_fts f cross join passages p on p.id = f.rowid
            where passages_fts match ${match} and p.review_id in (${ids})`,
        )),
      );
    } else {
      const ranges = await this.eachChunk(
        reviewIds,
        500,
        (ids) => sql<{
          review_id: string;
          lo: number;
          hi: number;
        }>`select review_id, min(id) as lo, max(id) as hi
          from passages where review_id in (${ids}) group by review_id`,
      );
      // A statement per hundred reviews: SQLite allows 500 terms in a compound select. The review_id
      // test is there because a range may also span another review's passages.
      for (const part of chunks(ranges, 100)) {
        const rows = await sql<{ id: number; review_id: string; seq: number; text: string }>`${sql.join(
          part.map(
            (
              r,
            ) => sql`select p.id, p.review_id, p.seq, p.text from passages_fts f cross join passages p on p.id = f.rowid
              where passages_fts match ${match} and f.rowid between cast(${r.lo} as integer) and cast(${r.hi} as integer)
              and p.review_id = ${r.review_id}`,
          ),
          sql` union all `,
        )}`.execute(this.read);
        matched.push(...rows.rows);
      }
    }
    if (matched.length === 0) return [];
    const texts = new Map(matched.map((p) => [Number(p.id), p.text]));
    let weights = query.words.map(() => 1);
    if (query.groups.length > 1 && query.groups.length === query.words.length) {
      const size = Number(
        (await sql<{ n: number }>`select coalesce(max(id), 0) as n from passages`.execute(this.read)).rows[0]
          ?.n ?? 0,
      );
      weights = (await Promise.all(query.groups.map(count))).map((df) => idf(size, df));
    }
    const scores = scorePassages(
      texts,
      query.words.map((clauses, i) => ({ clauses, idf: weights[i] ?? 1 })),
    );
    return matched
      .map((p) => ({
        passage_id: Number(p.id),
        review_id: p.review_id,
        score: scores.get(Number(p.id)) ?? 0,
        seq: Number(p.seq),
      }))
      .sort((a, b) => b.score - a.score || a.seq - b.seq)
      .map(({ seq: _seq, ...p }) => p);
  }

  /** The rows of one statement per chunk of review ids (`ids`: the chunk as an SQL list). */
  private async eachChunk<T>(
    reviewIds: string[],
    size: number,
    statement: (ids: RawBuilder<unknown>) => RawBuilder<T>,
  ): Promise<T[]> {
    const rows: T[] = [];
    for (const part of chunks(reviewIds, size))
      rows.push(...(await statement(sql.join(part.map((id) => sql`${id}`))).execute(this.read)).rows);
    return rows;
  }

  protected override materialized(name: string, body: RawBuilder<unknown>): RawBuilder<unknown> {
    return sql`${sql.raw(name)} as materialized (${body})`;
  }

  protected withoutExcluded(query: CompiledQuery): string {
    return query.exclude ? `(${query.match}) NOT (${query.exclude})` : query.match;
  }

  async indexReview(db: Executor, reviewId: string): Promise<number> {
    await this.removeReview(db, reviewId);
    const passages = await db
      .selectFrom('passages')
      .select(['id', 'text'])
      .where('review_id', '=', reviewId)
      .orderBy('seq')
      .execute();
    const bodies = passages.map((p) => searchText(p.text));
    for (let i = 0; i < passages.length; i += 200) {
      const part = passages.slice(i, i + 200);
      await sql`insert into passages_fts (rowid, body, review_id) values ${sql.join(part.map((p, k) => sql`(${p.id}, ${bodies[i + k]}, ${reviewId})`))}`.execute(
        db,
      );
    }
    const doc = await sql<{
      doc_id: number;
    }>`insert into review_docs (review_id) values (${reviewId}) returning doc_id`.execute(db);
    await sql`insert into reviews_fts (rowid, body) values (${doc.rows[0]?.doc_id}, ${bodies.join('\n\n')})`.execute(
      db,
    );
    return passages.length;
  }

  async removeReview(db: Executor, reviewId: string): Promise<void> {
    // By rowid: review_id is not indexed in FTS5, and filtering on it would scan every passage.
    await sql`delete from passages_fts where rowid in (select id from passages where review_id = ${reviewId})`.execute(
      db,
    );
    await sql`delete from reviews_fts where rowid in (select doc_id from review_docs where review_id = ${reviewId})`.execute(
      db,
    );
    await sql`delete from review_docs where review_id = ${reviewId}`.execute(db);
  }

  async unindexed(): Promise<string[]> {
    const rows = await sql<{
      id: string;
    }>`select id from reviews where id not in (select review_id from review_docs) order by created_at`.execute(
      this.db,
    );
    return rows.rows.map((r) => r.id);
  }

  /** Merges FTS5's segments into one b-tree: a bulk load leaves many, and every query reads them all. */
  async optimize(): Promise<void> {
    await sql`insert into passages_fts (passages_fts) values ('optimize')`.execute(this.db);
    await sql`insert into reviews_fts (reviews_fts) values ('optimize')`.execute(this.db);
  }

  async clear(): Promise<void> {
    await sql`delete from passages_fts`.execute(this.db);
    await sql`delete from reviews_fts`.execute(this.db);
    await sql`delete from review_docs`.execute(this.db);
  }
}
