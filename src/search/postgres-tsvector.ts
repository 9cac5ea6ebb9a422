import { sql } from 'kysely';
import type { RawBuilder } from 'kysely';
import { searchText } from './search-text.js';
import type { CompiledQuery, Executor } from './search-index.js';
import { SqlSearchIndex } from './sql-search.js';

/**
 * PostgreSQL full-text search: a tsvector per passage (english configuration) under a GIN index,
 * ranked with ts_rank_cd (cover density: terms close together rank higher).
 */
export class PostgresTsvectorIndex extends SqlSearchIndex {
  readonly backend = 'postgres' as const;

  protected hits(match: string): RawBuilder<unknown> {
    return sql`select p.id as passage_id, p.review_id, ts_rank_cd(p.search, q.q) as score from passages p, to_tsquery('english', ${match}) as q(q) where p.search @@ q.q`;
  }

  protected reviewsMatching(match: string): RawBuilder<unknown> {
    return sql`select x.review_id from passages x where x.search @@ to_tsquery('english', ${match})`;
  }

  protected excluded(query: CompiledQuery): RawBuilder<unknown> {
    return query.exclude
      ? sql` and r.id not in (select x.review_id from passages x where x.search @@ to_tsquery('english', ${query.exclude}))`
      : sql``;
  }

  protected passageLevel(query: CompiledQuery): string {
    return query.exclude ? `(${query.match}) & !(${query.exclude})` : query.match;
  }

  async indexReview(db: Executor, reviewId: string): Promise<number> {
    const passages = await db
      .selectFrom('passages')
      .select(['id', 'text'])
      .where('review_id', '=', reviewId)
      .execute();
    if (passages.length === 0) return 0;
    await sql`update passages as p set search = to_tsvector('english', v.t)
      from (select unnest(${passages.map((p) => p.id)}::int[]) as id, unnest(${passages.map((p) => searchText(p.text))}::text[]) as t) as v
      where p.id = v.id`.execute(db);
    return passages.length;
  }

  async removeReview(db: Executor, reviewId: string): Promise<void> {
    await sql`update passages set search = null where review_id = ${reviewId}`.execute(db);
  }

  async clear(): Promise<void> {
    await sql`update passages set search = null`.execute(this.db);
  }
}
