import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect.js';
import { serialId } from '../dialect.js';

/** The review library: reviews, their source documents, sections, passages and recommendations. */
export function reviewLibrary(dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('reviews')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('review_type', 'text', (c) => c.notNull())
        .addColumn('nation', 'text')
        .addColumn('region', 'text')
        .addColumn('publishing_body', 'text')
        .addColumn('area', 'text')
        .addColumn('published_on', 'text')
        .addColumn('published_year', 'integer')
        .addColumn('incident_year', 'integer')
        .addColumn('subject', 'text')
        .addColumn('age_band', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('visibility', 'text', (c) => c.notNull())
        .addColumn('pseudonym', 'text')
        .addColumn('text_sha256', 'text', (c) => c.notNull().unique())
        .addColumn('word_count', 'integer', (c) => c.notNull())
        .addColumn('page_count', 'integer')
        .addColumn('provenance', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('reviews_published_year').on('reviews').column('published_year').execute();
      await db.schema
        .createIndex('reviews_type_nation')
        .on('reviews')
        .columns(['review_type', 'nation'])
        .execute();
      await db.schema.createIndex('reviews_created').on('reviews').column('created_at').execute();

      await db.schema
        .createTable('review_agencies')
        .addColumn('review_id', 'text', (c) => c.notNull().references('reviews.id').onDelete('cascade'))
        .addColumn('agency', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('review_agencies_pk', ['review_id', 'agency'])
        .execute();
      await db.schema.createIndex('review_agencies_agency').on('review_agencies').column('agency').execute();

      await db.schema
        .createTable('documents')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('review_id', 'text', (c) => c.notNull().references('reviews.id').onDelete('cascade'))
        .addColumn('file_name', 'text', (c) => c.notNull())
        .addColumn('media_type', 'text', (c) => c.notNull())
        .addColumn('sha256', 'text', (c) => c.notNull().unique())
        .addColumn('size_bytes', 'integer', (c) => c.notNull())
        .addColumn('pages', 'integer')
        .addColumn('storage_key', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('documents_review').on('documents').column('review_id').execute();

      await db.schema
        .createTable('sections')
        .addColumn('id', 'integer', (c) => serialId(dialect, c))
        .addColumn('review_id', 'text', (c) => c.notNull().references('reviews.id').onDelete('cascade'))
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('heading', 'text', (c) => c.notNull())
        .addColumn('number', 'text')
        .addColumn('level', 'integer', (c) => c.notNull())
        .addColumn('page', 'integer')
        .execute();
      await db.schema.createIndex('sections_review').on('sections').columns(['review_id', 'seq']).execute();

      await db.schema
        .createTable('passages')
        .addColumn('id', 'integer', (c) => serialId(dialect, c))
        .addColumn('review_id', 'text', (c) => c.notNull().references('reviews.id').onDelete('cascade'))
        .addColumn('section_id', 'integer', (c) => c.references('sections.id').onDelete('set null'))
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('paragraph', 'text')
        .addColumn('page', 'integer')
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('passages_review').on('passages').columns(['review_id', 'seq']).execute();
      await db.schema.createIndex('passages_section').on('passages').column('section_id').execute();

      await db.schema
        .createTable('recommendations')
        .addColumn('id', 'integer', (c) => serialId(dialect, c))
        .addColumn('review_id', 'text', (c) => c.notNull().references('reviews.id').onDelete('cascade'))
        .addColumn('section_id', 'integer', (c) => c.references('sections.id').onDelete('set null'))
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('number', 'text')
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('page', 'integer')
        .execute();
      await db.schema
        .createIndex('recommendations_review')
        .on('recommendations')
        .columns(['review_id', 'seq'])
        .execute();

      await db.schema
        .createTable('review_links')
        .addColumn('review_id', 'text', (c) => c.notNull().references('reviews.id').onDelete('cascade'))
        .addColumn('related_id', 'text', (c) => c.notNull().references('reviews.id').onDelete('cascade'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('score', 'real', (c) => c.notNull())
        .addColumn('detail', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('review_links_pk', ['review_id', 'related_id', 'kind'])
        .execute();
      await db.schema.createIndex('review_links_related').on('review_links').column('related_id').execute();

      await db.schema
        .createTable('review_shingles')
        .addColumn('review_id', 'text', (c) => c.notNull().references('reviews.id').onDelete('cascade'))
        .addColumn('hash', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('review_shingles_pk', ['hash', 'review_id'])
        .execute();
      await db.schema
        .createIndex('review_shingles_review')
        .on('review_shingles')
        .column('review_id')
        .execute();
    },
  };
}
