import { sql } from 'kysely';
import type { RawBuilder } from 'kysely';
import { searchText } from './search-text.js';
import type { CompiledQuery, Executor } from './search-index.js';
import { SqlSearchIndex } from './sql-search.js';

/** SQLite FTS5 with bm25 ranking (bm25 is "lower is better": negated so that higher is better everywhere). */
export class SqliteFts5Index extends SqlSearchIndex {
  readonly backend = 'sqlite' as const;

  protected hits(match: string): RawBuilder<unknown> {
    return sql`select rowid as passage_id, review_id, -bm25(passages_fts) as score from passages_fts where passages_fts match ${match}`;
  }

  protected reviewsMatching(match: string): RawBuilder<unknown> {
    return sql`select review_id from passages_fts where passages_fts match ${match}`;
  }

  protected override cte(hits: RawBuilder<unknown>): RawBuilder<unknown> {
    return sql`with hits as materialized (${hits})`;
  }

  protected excluded(query: CompiledQuery): RawBuilder<unknown> {
    return query.exclude
      ? sql` and r.id not in (select review_id from passages_fts where passages_fts match ${query.exclude})`
      : sql``;
  }

  protected passageLevel(query: CompiledQuery): string {
    return query.exclude ? `(${query.match}) NOT (${query.exclude})` : query.match;
  }

  async indexReview(db: Executor, reviewId: string): Promise<number> {
    await this.removeReview(db, reviewId);
    const passages = await db
      .selectFrom('passages')
      .select(['id', 'text'])
      .where('review_id', '=', reviewId)
      .execute();
    for (let i = 0; i < passages.length; i += 200) {
      const part = passages.slice(i, i + 200);
      await sql`insert into passages_fts (rowid, body, review_id) values ${sql.join(part.map((p) => sql`(${p.id}, ${searchText(p.text)}, ${reviewId})`))}`.execute(
        db,
      );
    }
    return passages.length;
  }

  async removeReview(db: Executor, reviewId: string): Promise<void> {
    await sql`delete from passages_fts where review_id = ${reviewId}`.execute(db);
  }

  async clear(): Promise<void> {
    await sql`delete from passages_fts`.execute(this.db);
  }
}
