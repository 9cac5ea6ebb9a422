import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect.js';

/**
 * A whole-review search index beside the passage index. The reviews view matches and ranks reviews
 * on it in one evaluation (each group somewhere in the review, no excluded word anywhere in it),
 * instead of grouping every matching passage: at 10,000 reviews a common word matches ~100,000
 * passages but only ~7,000 reviews.
 *
 * SQLite: a contentless FTS5 table (the text already lives in passages) whose rowid maps to a
 * review through review_docs. The passage index becomes contentless too, keeping only its review_id
 * beside the index (contentless_unindexed): reading review_id for every hit no longer loads the
 * passage's text, which took half the time of a common word's passages view at 10,000 reviews.
 * PostgreSQL: one tsvector per review under a GIN index.
 */
export function reviewSearch(dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      if (dialect === 'sqlite') {
        await sql`create table review_docs (doc_id integer primary key, review_id text not null unique references reviews(id) on delete cascade)`.execute(
          db,
        );
        await sql`create virtual table reviews_fts using fts5(body, content = '', contentless_delete = 1, tokenize = 'porter unicode61 remove_diacritics 2')`.execute(
          db,
        );
        // Copied out and back: renaming an FTS5 table leaves its contentless_unindexed store behind.
        await sql`create temp table passages_fts_copy as select rowid as id, body, review_id from passages_fts`.execute(
          db,
        );
        await sql`drop table passages_fts`.execute(db);
        await sql`create virtual table passages_fts using fts5(body, review_id unindexed, content = '', contentless_delete = 1, contentless_unindexed = 1, tokenize = 'porter unicode61 remove_diacritics 2')`.execute(
          db,
        );
        await sql`insert into passages_fts (rowid, body, review_id) select id, body, review_id from passages_fts_copy`.execute(
          db,
        );
        await sql`drop table passages_fts_copy`.execute(db);
        // Reviews already indexed get their whole-review rows at the next "slh search reindex".
      } else {
        await sql`create table review_search (review_id text primary key references reviews(id) on delete cascade, search tsvector not null)`.execute(
          db,
        );
        await sql`create index review_search_search on review_search using gin (search)`.execute(db);
        // Search joins every matching review for access and facets: an index holding those columns
        // makes it an index-only scan (measured at 100,000 reviews: 13 ms against 27 ms).
        await sql`create index reviews_search_cover on reviews (id) include (visibility, status, review_type, nation, region, subject, age_band, area, published_on, published_year)`.execute(
          db,
        );
      }
    },
  };
}
