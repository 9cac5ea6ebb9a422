import type { Kysely } from 'kysely';

/** The library's version is its latest change: an index makes reading it a single lookup. */
export function reviewsUpdatedIndex() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.createIndex('reviews_updated').on('reviews').column('updated_at').execute();
    },
  };
}
