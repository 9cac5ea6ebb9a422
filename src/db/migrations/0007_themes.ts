import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect.js';
import { serialId } from '../dialect.js';

/**
 * Themes: the taxonomy (versioned: every change is kept in theme_changes with who and when), each
 * review's codes (suggested by the coder with evidence, then confirmed or rejected by an analyst),
 * and the trained models.
 */
export function themes(dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('themes')
        .addColumn('slug', 'text', (c) => c.primaryKey())
        .addColumn('label', 'text', (c) => c.notNull())
        .addColumn('theme_group', 'text', (c) => c.notNull())
        .addColumn('applies', 'text', (c) => c.notNull())
        .addColumn('definition', 'text', (c) => c.notNull())
        .addColumn('indicators', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('updated_by', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('theme_changes')
        .addColumn('id', 'integer', (c) => serialId(dialect, c))
        .addColumn('slug', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('change', 'text', (c) => c.notNull())
        .addColumn('before', 'text')
        .addColumn('after', 'text', (c) => c.notNull())
        .addColumn('changed_by', 'text', (c) => c.notNull())
        .addColumn('changed_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('theme_changes_slug')
        .on('theme_changes')
        .columns(['slug', 'version'])
        .execute();
      await db.schema
        .createTable('review_themes')
        .addColumn('review_id', 'text', (c) => c.notNull().references('reviews.id').onDelete('cascade'))
        .addColumn('slug', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('confidence', 'real')
        .addColumn('evidence', 'text', (c) => c.notNull())
        .addColumn('coded_by', 'text', (c) => c.notNull())
        .addColumn('coded_at', 'text', (c) => c.notNull())
        .addColumn('reviewed_by', 'text')
        .addColumn('reviewed_at', 'text')
        .addPrimaryKeyConstraint('review_themes_pk', ['review_id', 'slug'])
        .execute();
      await db.schema
        .createIndex('review_themes_slug')
        .on('review_themes')
        .columns(['slug', 'status', 'review_id'])
        .execute();
      // Re-coding after a taxonomy change or retraining, as a queue several worker processes share.
      await db.schema
        .createTable('theme_recode')
        .addColumn('review_id', 'text', (c) => c.primaryKey())
        .addColumn('job', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('claimed_by', 'text')
        .addColumn('claimed_at', 'text')
        .execute();
      await db.schema
        .createIndex('theme_recode_status')
        .on('theme_recode')
        .columns(['status', 'claimed_at'])
        .execute();
      await db.schema
        .createTable('theme_models')
        .addColumn('id', 'integer', (c) => serialId(dialect, c))
        .addColumn('trained_at', 'text', (c) => c.notNull())
        .addColumn('examples', 'integer', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('model', 'text', (c) => c.notNull())
        .execute();
    },
  };
}
