import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect.js';

/**
 * Which reviews belong to the counting sample: one in SAMPLE_EVERY, by a hash of the id, so that
 * membership never changes and is the same on every server. The partial index below is used only
 * by statements that repeat this exact expression.
 */
export const SAMPLE_EVERY = 16;
export const SAMPLE_CONDITION = "left(md5(review_id), 1) = '0'";

/** The columns review_search's GIN index holds beside the words. */
export const REVIEW_SEARCH_INDEXED = [
  'published_on',
  'published_year',
  'review_type',
  'subject',
  'age_band',
  'nation',
  'region',
  'area',
] as const;

/**
 * Two indexes for searches that match most of a large library (PostgreSQL only; SQLite's FTS5
 * tables are not changed).
 *
 * - review_search_sample: the whole-review vectors of a fixed one-in-sixteen sample of reviews. A
 *   common word matches 80,000 of 100,000 reviews, and counting them by facet means reading every
 *   one of their rows (130 ms for 83,000); a search that matches thousands estimates its counts from the
 *   sample instead and says so (search/sql-search.ts).
 * - review_search_search now also holds the publication date and year and the single-valued facets
 *   (btree_gin: a date range, a region and the words are looked up in one index). "The 200 most
 *   recent matching reviews" then reads only the matches of the last year or two rather than
 *   sorting all 80,000, and "school" in Wales reads the 2,000 matches in Wales, not 80,000.
 *
 * btree_gin ships with PostgreSQL and is a trusted extension: a database owner may create it. It is
 * put in public so that dropping a library's own schema never drops it from under another's.
 */
export function reviewSearchSample(dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      if (dialect !== 'postgres') return;
      // Libraries in other schemas of the same database may be migrating at this moment: the lock
      // (held to the end of this migration's transaction) makes the second wait and find it there.
      await sql`select pg_advisory_xact_lock(hashtext('slh: create extension btree_gin'))`.execute(db);
      await sql`create extension if not exists btree_gin with schema public`.execute(db);
      await sql`drop index if exists review_search_search`.execute(db);
      await sql`create index review_search_search on review_search using gin (${sql.join(
        REVIEW_SEARCH_INDEXED.map((c) => sql.id(c)),
      )}, search)`.execute(db);
      await sql`create index review_search_sample on review_search using gin (search) where ${sql.raw(SAMPLE_CONDITION)}`.execute(
        db,
      );
      await sql`analyze review_search`.execute(db);
    },
  };
}
