import type { Kysely } from 'kysely';

/**
 * Briefings kept by editors: one per scope (a review, or a theme with its filters), each edit a
 * new version (the generated text is version 1), so the history of what was published stays.
 * briefing_reviews lists every review any version cites, so a briefing is shown only to people who
 * may read all of them (the same rule as the reviews, inside the query).
 */
export function briefings() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('briefings')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('scope_key', 'text', (c) => c.notNull().unique())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        // draft, published or withdrawn
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('current_version', 'integer', (c) => c.notNull())
        .addColumn('published_version', 'integer')
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('published_at', 'text')
        .execute();
      await db.schema
        .createTable('briefing_versions')
        .addColumn('briefing_id', 'text', (c) => c.notNull().references('briefings.id').onDelete('cascade'))
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('content', 'text', (c) => c.notNull())
        .addColumn('note', 'text', (c) => c.notNull())
        .addColumn('edited_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('briefing_versions_pk', ['briefing_id', 'version'])
        .execute();
      await db.schema
        .createTable('briefing_reviews')
        .addColumn('briefing_id', 'text', (c) => c.notNull().references('briefings.id').onDelete('cascade'))
        .addColumn('review_id', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('briefing_reviews_pk', ['briefing_id', 'review_id'])
        .execute();
      await db.schema
        .createIndex('briefing_reviews_review')
        .on('briefing_reviews')
        .column('review_id')
        .execute();
    },
  };
}
