import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect.js';

/**
 * Full-text search over passages. SQLite: an FTS5 table (Porter stemming, diacritics folded) whose
 * rowid is the passage id. PostgreSQL: a tsvector column with a GIN index. Both hold the passage text
 * with spellings made canonical (behavior → behaviour), so British and American spellings meet.
 */
export function searchIndex(dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      if (dialect === 'sqlite') {
        await sql`create virtual table passages_fts using fts5(body, review_id unindexed, tokenize = 'porter unicode61 remove_diacritics 2')`.execute(
          db,
        );
      } else {
        await sql`alter table passages add column search tsvector`.execute(db);
        await sql`create index passages_search on passages using gin (search)`.execute(db);
      }
      await db.schema
        .createTable('glossary')
        .addColumn('acronym', 'text', (c) => c.primaryKey())
        .addColumn('expansions', 'text', (c) => c.notNull())
        .addColumn('case_sensitive', 'integer', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
    },
  };
}
