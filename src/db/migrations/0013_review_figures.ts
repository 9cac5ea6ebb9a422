import type { Kysely } from 'kysely';

/**
 * Each review's readability and framing figures, stored so that the dashboard can aggregate them over
 * years and types without reading every review's text. `analyser_version` says which rules computed
 * them: when the rules change, older rows are recomputed. Double precision on PostgreSQL (its `real`
 * is single precision and would read 54.3 back as 54.29999).
 */
export function reviewFigures() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      const num = 'double precision' as const;
      await db.schema
        .createTable('review_figures')
        .addColumn('review_id', 'text', (c) => c.primaryKey().references('reviews.id').onDelete('cascade'))
        .addColumn('analyser_version', 'integer', (c) => c.notNull())
        .addColumn('computed_at', 'text', (c) => c.notNull())
        .addColumn('words', 'integer', (c) => c.notNull())
        .addColumn('sentences', 'integer', (c) => c.notNull())
        .addColumn('flesch_reading_ease', num, (c) => c.notNull())
        .addColumn('flesch_kincaid_grade', num, (c) => c.notNull())
        .addColumn('average_sentence_length', num, (c) => c.notNull())
        .addColumn('long_sentence_share', num, (c) => c.notNull())
        .addColumn('passive_share', num, (c) => c.notNull())
        .addColumn('acronyms_per_1000_words', num, (c) => c.notNull())
        .addColumn('reading_minutes', 'integer', (c) => c.notNull())
        .addColumn('hindsight_sentences', 'integer', (c) => c.notNull())
        .addColumn('blame_sentences', 'integer', (c) => c.notNull())
        .addColumn('systems_sentences', 'integer', (c) => c.notNull())
        .addColumn('hindsight_per_1000_words', num, (c) => c.notNull())
        .addColumn('blame_per_1000_words', num, (c) => c.notNull())
        .addColumn('systems_per_1000_words', num, (c) => c.notNull())
        .execute();
    },
  };
}
