import { sql } from 'kysely';
import type { RawBuilder } from 'kysely';
import { searchText } from './search-text.js';
import type { CompiledQuery, Executor } from './search-index.js';
import { SqlSearchIndex } from './sql-search.js';
import type { MatchedPassage, ReviewSource } from './sql-search.js';

/**
 * SQLite FTS5 with bm25 ranking (bm25 is "lower is better": negated so that higher is better
 * everywhere). Two indexes: passages_fts (a row per passage, rowid = passage id) and reviews_fts (a
 * contentless row per review, rowid = review_docs.doc_id).
 */
export class SqliteFts5Index extends SqlSearchIndex {
  readonly backend = 'sqlite' as const;

  /** Every match scored by bm25, joined to reviews for access and filters. */
  protected matchingReviews(match: string): Promise<ReviewSource> {
    return Promise.resolve({
      ctes: [
        this.materialized(
          'hits',
          sql`select d.review_id, f.score from (select rowid as doc_id, -bm25(reviews_fts) as score from reviews_fts where reviews_fts match ${match}) f join review_docs d on d.doc_id = f.doc_id`,
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

  /**
   * The page's passages (found through passages.review_id), each looked up in FTS5 by rowid: a few
   * hundred seeks, where "review_id in (...)" on the FTS5 table would read every match in the
   * library and a rowid range per review still walks the long lists of common words.
   */
  protected async passagesOf(match: string, reviewIds: string[]): Promise<MatchedPassage[]> {
    const rows =
      await sql<MatchedPassage>`select f.rowid as passage_id, p.review_id, -bm25(passages_fts) as score
      from passages p join passages_fts f on f.rowid = p.id
      where p.review_id in (${sql.join(reviewIds.map((id) => sql`${id}`))}) and passages_fts match ${match}
      order by score desc, p.seq`.execute(this.db);
    return rows.rows;
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
