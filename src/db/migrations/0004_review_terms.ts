import type { Kysely } from 'kysely';

/** Each review's most frequent content words, for "similar reviews" (TF-IDF cosine over these). */
export function reviewTerms() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('review_terms')
        .addColumn('review_id', 'text', (c) => c.notNull().references('reviews.id').onDelete('cascade'))
        .addColumn('term', 'text', (c) => c.notNull())
        .addColumn('tf', 'real', (c) => c.notNull())
        .addPrimaryKeyConstraint('review_terms_pk', ['review_id', 'term'])
        .execute();
      await db.schema
        .createIndex('review_terms_term')
        .on('review_terms')
        .columns(['term', 'review_id'])
        .execute();
    },
  };
}
