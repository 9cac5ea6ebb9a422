import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect.js';
import { REVIEW_SEARCH_COPIES } from './0012_review_search_columns.js';
import { PASSAGE_COPIES as FILTER_COPIES } from './0017_passage_filters.js';

/**
 * The review columns each indexed paragraph carries after this migration: those review_search
 * carries (access, filters and the publication date), so that a paragraph is tested for access,
 * filters and ordered by date without reading its review's row.
 */
export const PASSAGE_COPIES = REVIEW_SEARCH_COPIES;

/** What this migration adds to migration 0017's copies. */
const ADDED = PASSAGE_COPIES.filter((c) => !(FILTER_COPIES as readonly string[]).includes(c));

/**
 * PostgreSQL: paragraphs also carry their review's access columns (visibility, status, partnership)
 * and publication date, as review_search has since migration 0012.
 *
 * The passages view counted and listed matching paragraphs joined to their reviews, for access. At
 * 100,000 reviews that join was half the time of a count ("escalation" in Welsh child reviews: 25 of
 * 51 ms, for 1,134 paragraphs, each a read of a review's row elsewhere on disk). With the copies the
 * statements test access on the paragraph itself and join reviews only for the page shown.
 *
 * Access now relies on the copies, as the reviews view has relied on review_search's since 0012: the
 * trigger follows every change of a copied column in the statement that makes it, so a review that
 * is withdrawn or restricted is never found under its old status. Indexing a review writes them.
 * The GIN index is unchanged (0017's filter columns and the words): access lists are short and most
 * paragraphs pass them, so they are tested on the row the index points to. SQLite is unchanged.
 */
export function passageAccess(dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      if (dialect !== 'postgres') return;
      const columns = PASSAGE_COPIES.map((c) => sql.id(c));
      const types: Record<string, string> = { published_year: 'integer' };
      await sql`alter table passages ${sql.join(
        ADDED.map((c) => sql`add column ${sql.id(c)} ${sql.raw(types[c] ?? 'text')}`),
        sql`, `,
      )}`.execute(db);
      // No index holds these columns, so filling them leaves the indexes as they are.
      await sql`update passages p set (${sql.join(ADDED.map((c) => sql.id(c)))}) = (${sql.join(
        ADDED.map((c) => sql.ref(`r.${c}`)),
      )}) from reviews r where r.id = p.review_id and p.search is not null`.execute(db);
      await sql`analyze passages`.execute(db);
      // 0017's trigger followed only the filter columns: it now follows all of them.
      await sql`drop trigger reviews_passages on reviews`.execute(db);
      await sql`create or replace function passages_follow() returns trigger language plpgsql
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
