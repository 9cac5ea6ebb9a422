import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect.js';
import { serialId } from '../dialect.js';

/**
 * The publication workflow: the anonymisation check's findings for a draft, each redacted or
 * dismissed (with a reason) by an editor before the review can be published; when the check last
 * ran; and whether the original file is withheld (it still holds what the published copy redacts).
 */
export function publication(dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('anonymisation_findings')
        .addColumn('id', 'integer', (c) => serialId(dialect, c))
        .addColumn('review_id', 'text', (c) => c.notNull().references('reviews.id').onDelete('cascade'))
        // null: the finding is in the review's title
        .addColumn('passage_id', 'integer')
        .addColumn('start_offset', 'integer', (c) => c.notNull())
        .addColumn('end_offset', 'integer', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('confidence', 'real', (c) => c.notNull())
        // open, redact or dismiss
        .addColumn('decision', 'text', (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('decided_by', 'text')
        .addColumn('decided_at', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('anonymisation_findings_review')
        .on('anonymisation_findings')
        .columns(['review_id', 'decision'])
        .execute();
      await db.schema.alterTable('reviews').addColumn('checked_at', 'text').execute();
      await db.schema
        .alterTable('reviews')
        .addColumn('original_withheld', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
    },
  };
}
