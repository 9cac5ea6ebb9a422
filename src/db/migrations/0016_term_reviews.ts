import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect.js';

/**
 * How many reviews keep each word among their terms (review_terms), for "similar reviews". Their
 * TF-IDF weights need each word's document frequency, and counting it from review_terms read every
 * row of every word a review shares with others: at 18,000 reviews one review page took minutes.
 *
 * The counts follow review_terms through triggers, in the statement that changes it, so every path
 * that stores, replaces or deletes a review's terms (imports, reindexing, the cascade when a review
 * is deleted) keeps them right. Concurrent imports lock the rows of the words they share; they take
 * them in word order (storeReviewTerms inserts sorted), so they wait for each other, never deadlock.
 */
export function termReviews(dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('term_reviews')
        .addColumn('term', 'text', (c) => c.primaryKey())
        .addColumn('reviews', 'integer', (c) => c.notNull())
        .execute();
      // Imports running meanwhile wait until the triggers exist, so none is missed from the counts.
      if (dialect === 'postgres') await sql`lock table review_terms in share row exclusive mode`.execute(db);
      await sql`insert into term_reviews (term, reviews)
        select term, count(*) from review_terms group by term order by term`.execute(db);
      if (dialect === 'postgres') {
        await sql`create function term_reviews_follow() returns trigger language plpgsql
          set search_path from current as $$
          begin
            if tg_op in ('DELETE', 'UPDATE') then
              update term_reviews set reviews = reviews - 1 where term = old.term;
            end if;
            if tg_op in ('INSERT', 'UPDATE') then
              insert into term_reviews (term, reviews) values (new.term, 1)
                on conflict (term) do update set reviews = term_reviews.reviews + 1;
            end if;
            return null;
          end $$`.execute(db);
        await sql`create trigger review_terms_counted after insert or delete or update of term on review_terms
          for each row execute function term_reviews_follow()`.execute(db);
        await sql`analyze term_reviews`.execute(db);
        return;
      }
      await sql`create trigger review_terms_counted_insert after insert on review_terms begin
          insert into term_reviews (term, reviews) values (new.term, 1)
            on conflict (term) do update set reviews = reviews + 1;
        end`.execute(db);
      await sql`create trigger review_terms_counted_delete after delete on review_terms begin
          update term_reviews set reviews = reviews - 1 where term = old.term;
        end`.execute(db);
      await sql`create trigger review_terms_counted_update after update of term on review_terms begin
          update term_reviews set reviews = reviews - 1 where term = old.term;
          insert into term_reviews (term, reviews) values (new.term, 1)
            on conflict (term) do update set reviews = reviews + 1;
        end`.execute(db);
    },
  };
}
