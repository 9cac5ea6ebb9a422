import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect.js';

/** The review's columns each paragraph carries a copy of, for its GIN index (PostgreSQL only). */
export const PASSAGE_COPIES = [
  'review_type',
  'subject',
  'age_band',
  'nation',
  'region',
  'area',
  'published_year',
] as const;

/**
 * The copies the index holds. Not the year: a range over a GIN column is read as the whole of every
 * year's list of rows, where an equality is skipped through beside the rarest word. At 100,000
 * reviews, counting "GP supervision" paragraphs of 2012-2020 in serious case and practice reviews
 * took 151 ms under EXPLAIN ANALYZE through an index of the year and the words, and 0.9 ms through
 * this one, the year tested on the row.
 */
export const PASSAGE_INDEXED = PASSAGE_COPIES.filter((c) => c !== 'published_year');

/**
 * PostgreSQL: paragraphs carry copies of their review's filter columns, held in passages' GIN index
 * beside the words (all but the year: PASSAGE_INDEXED; btree_gin, as migration 0014 did for
 * review_search).
 *
 * The passages view counts the paragraphs that match under the filters, and lists them when there
 * are fewer than 1,000. Paragraphs had no filter columns, so "GP OR information sharing" in Wales
 * about children read every paragraph in the library with those words (65-290 ms at 100,000
 * reviews) to keep the few in Welsh child reviews. With the copies the index narrows by the filters
 * itself. The statements still join reviews and test access and filters there, on the review's own
 * row: the copies only narrow.
 *
 * The copies follow reviews through a trigger, like review_search's (migration 0012), and indexing
 * a review writes them with its paragraphs' vectors. SQLite is unchanged.
 */
export function passageFilters(dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      if (dialect !== 'postgres') return;
      const columns = PASSAGE_COPIES.map((c) => sql.id(c));
      // Filled with the index dropped: rebuilding it in one pass is far quicker than row by row.
      await sql`drop index passages_search`.execute(db);
      await sql`alter table passages add column review_type text, add column subject text,
        add column age_band text, add column nation text, add column region text, add column area text,
        add column published_year integer`.execute(db);
      // Only indexed paragraphs: the others are matched by nothing, and indexing writes the copies.
      await sql`update passages p set (${sql.join(columns)}) = (${sql.join(
        PASSAGE_COPIES.map((c) => sql.ref(`r.${c}`)),
      )}) from reviews r where r.id = p.review_id and p.search is not null`.execute(db);
      await sql`create index passages_search on passages using gin (${sql.join(
        PASSAGE_INDEXED.map((c) => sql.id(c)),
      )}, search)`.execute(db);
      await sql`analyze passages`.execute(db);
      await sql`create function passages_follow() returns trigger language plpgsql
        set search_path from current as $$
        begin
          update passages set (${sql.join(columns)}) = (${sql.join(
            PASSAGE_COPIES.map((c) => sql.raw(`new.${c}`)),
          )}) where review_id = new.id and search is not null;
          return null;
        end $$`.execute(db);
      await sql`create trigger reviews_passages after update of ${sql.join(columns)} on reviews
        for each row when ((${sql.join(PASSAGE_COPIES.map((c) => sql.raw(`old.${c}`)))}) is distinct from (${sql.join(
          PASSAGE_COPIES.map((c) => sql.raw(`new.${c}`)),
        )}))
        execute function passages_follow()`.execute(db);
    },
  };
}
