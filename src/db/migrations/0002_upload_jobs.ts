import type { Kysely } from 'kysely';

/** Uploads are processed as jobs so the page can show progress and a restart can resume them. */
export function uploadJobs() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('upload_jobs')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('file_name', 'text', (c) => c.notNull())
        .addColumn('size_bytes', 'integer', (c) => c.notNull())
        .addColumn('temp_key', 'text')
        .addColumn('metadata', 'text', (c) => c.notNull())
        .addColumn('review_id', 'text')
        .addColumn('code', 'text')
        .addColumn('message', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('upload_jobs_status')
        .on('upload_jobs')
        .columns(['status', 'created_at'])
        .execute();
    },
  };
}
