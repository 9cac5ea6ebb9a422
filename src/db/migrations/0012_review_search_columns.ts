import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect.js';

/**
 * PostgreSQL, two changes to the whole-review index (review_search), for search at 100,000 reviews.
 *
 * It carries copies of the review's access and facet columns, so a search counts and facets its
 * matches without joining reviews (a common word matches 80,000 reviews, and the join and the wide
 * rows it brings took most of the statement's time).
 *
 * Its vector also holds each pair of adjacent words as one lexeme (review_pairs), so that a phrase
 * is answered from the GIN index instead of by decompressing every candidate review's vector to
 * check positions (see search/tsquery-pairs.ts).
 *
 * The copies follow reviews through a trigger, in the same statement that changes a review: whatever
 * code publishes, withdraws, restricts or re-describes a review, the index cannot show it under an
 * old status or visibility. Indexing a review copies them from its row. SQLite joins reviews as
 * before (its FTS5 tables hold no columns of this kind), so this migration does nothing there.
 */
export const REVIEW_SEARCH_COPIES = [
  'visibility',
  'status',
  'partnership_id',
  'review_type',
  'subject',
  'age_band',
  'nation',
  'region',
  'area',
  'published_on',
  'published_year',
] as const;

export function reviewSearchColumns(dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      if (dialect !== 'postgres') return;
      const columns = REVIEW_SEARCH_COPIES.map((c) => sql.id(c));
      // Filled with the GIN index dropped: every row is rewritten once, and rebuilding the index in
      // one pass is far quicker than updating it row by row.
      await sql`drop index review_search_search`.execute(db);
      await sql`alter table review_search
        add column visibility text, add column status text, add column partnership_id text,
        add column review_type text, add column subject text, add column age_band text,
        add column nation text, add column region text, add column area text,
        add column published_on text, add column published_year integer`.execute(db);
      // The pairs come from the vector's own positions, the ones a phrase query checks: a pair is in
      // the vector exactly when the two-word phrase matches it. They carry no positions themselves.
      await sql`create function review_pairs(v tsvector) returns tsvector language sql immutable as $$
        select coalesce(array_to_tsvector(array_agg(distinct a.lexeme || ' ' || b.lexeme)), ''::tsvector)
        from (select u.lexeme, p from unnest(v) u, unnest(u.positions) p) a
        join (select u.lexeme, p from unnest(v) u, unnest(u.positions) p) b on b.p = a.p + 1
        $$`.execute(db);
      await sql`update review_search rs set search = rs.search || review_pairs(rs.search), (${sql.join(columns)}) = (select ${sql.join(
        REVIEW_SEARCH_COPIES.map((c) => sql.ref(`r.${c}`)),
      )} from reviews r where r.id = rs.review_id)`.execute(db);
      await sql`alter table review_search alter column visibility set not null, alter column status set not null, alter column review_type set not null`.execute(
        db,
      );
      // Room on each page for a changed copy to be written beside the old one (a HOT update: no new
      // index entries for the review's words when only its status changes).
      await sql`alter table review_search set (fillfactor = 90)`.execute(db);
      await sql`create index review_search_search on review_search using gin (search)`.execute(db);
      await sql`analyze review_search`.execute(db);
      await sql`create function review_search_follow() returns trigger language plpgsql
        set search_path from current as $$
        begin
          update review_search set (${sql.join(columns)}) = (${sql.join(
            REVIEW_SEARCH_COPIES.map((c) => sql.raw(`new.${c}`)),
          )}) where review_id = new.id;
          return null;
        end $$`.execute(db);
      await sql`create trigger reviews_review_search after update of ${sql.join(columns)} on reviews
        for each row when ((${sql.join(REVIEW_SEARCH_COPIES.map((c) => sql.raw(`old.${c}`)))}) is distinct from (${sql.join(
          REVIEW_SEARCH_COPIES.map((c) => sql.raw(`new.${c}`)),
        )}))
        execute function review_search_follow()`.execute(db);
    },
  };
}
