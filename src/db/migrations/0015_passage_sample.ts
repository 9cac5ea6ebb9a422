import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect.js';
import { SAMPLE_CONDITION } from './0014_review_search_sample.js';

/**
 * The paragraphs of the counting sample's reviews (migration 0014), under their own partial GIN index
 * (PostgreSQL only). The passages view of a search with several words or an exclusion must know
 * whether more than 1,000 paragraphs match under the filters; counting them read every match of the
 * words in two million paragraphs (65-290 ms at 100,000 reviews). Enough matches in the sample settle
 * it from a few hundred rows.
 */
export function passageSample(dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      if (dialect !== 'postgres') return;
      await sql`create index passages_sample on passages using gin (search) where ${sql.raw(SAMPLE_CONDITION)}`.execute(
        db,
      );
    },
  };
}
