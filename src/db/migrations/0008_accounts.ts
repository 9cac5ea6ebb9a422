import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect.js';
import { serialId } from '../dialect.js';
import { partnershipSlug } from '../../shared/ids.js';

/**
 * People and protected material: partnerships (which own reviews), accounts and their
 * partnerships, server-side sessions, one-time password reset tokens, failed sign-ins per email
 * address (for lockout, kept apart from accounts so that an unknown address locks the same way as a
 * known one), and the append-only audit log.
 *
 * Reviews already in the library are given to a partnership named after their publishing body.
 */
export function accounts(dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('partnerships')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull().unique())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .alterTable('reviews')
        .addColumn('partnership_id', 'text', (c) => c.references('partnerships.id'))
        .execute();
      await db.schema.createIndex('reviews_partnership').on('reviews').column('partnership_id').execute();
      if (dialect === 'postgres') {
        // The search statement's access join reads this index alone; the owning partnership is now
        // part of access, so it joins the covered columns.
        await sql`drop index if exists reviews_search_cover`.execute(db);
        await sql`create index reviews_search_cover on reviews (id) include (visibility, status, partnership_id, review_type, nation, region, subject, age_band, area, published_on, published_year)`.execute(
          db,
        );
      }

      // Who uploaded a file: only they (and administrators) see the upload's progress and outcome.
      await db.schema.alterTable('upload_jobs').addColumn('submitted_by', 'text').execute();

      await db.schema
        .createTable('users')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('email', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        // null: this person signs in another way (single sign-on) or has not set a password yet
        .addColumn('password_hash', 'text')
        .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('user_partnerships')
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('partnership_id', 'text', (c) => c.notNull().references('partnerships.id'))
        .addPrimaryKeyConstraint('user_partnerships_pk', ['user_id', 'partnership_id'])
        .execute();
      await db.schema
        .createTable('sessions')
        // sha256 of the cookie's value: a copy of the table does not let anyone sign in
        .addColumn('id_hash', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('method', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('last_seen_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('ip', 'text')
        .execute();
      await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();
      await db.schema
        .createTable('password_resets')
        .addColumn('token_hash', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('used_at', 'text')
        .execute();
      await db.schema
        .createTable('sign_in_failures')
        .addColumn('email', 'text', (c) => c.primaryKey())
        .addColumn('failures', 'integer', (c) => c.notNull())
        .addColumn('last_failed_at', 'text', (c) => c.notNull())
        .addColumn('locked_until', 'text')
        .execute();
      await db.schema
        .createTable('app_secrets')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('audit_log')
        .addColumn('id', 'integer', (c) => serialId(dialect, c))
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('actor_id', 'text')
        .addColumn('actor_email', 'text')
        .addColumn('actor_role', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('target_type', 'text')
        .addColumn('target_id', 'text')
        .addColumn('detail', 'text', (c) => c.notNull())
        .addColumn('ip', 'text')
        .execute();
      await db.schema.createIndex('audit_log_at').on('audit_log').column('at').execute();
      await db.schema
        .createIndex('audit_log_target')
        .on('audit_log')
        .columns(['target_type', 'target_id'])
        .execute();
      // Append-only: the code has no update or delete path, and the database refuses one too.
      if (dialect === 'sqlite') {
        await sql`create trigger audit_log_no_update before update on audit_log begin select raise(abort, 'the audit log is append-only'); end`.execute(
          db,
        );
        await sql`create trigger audit_log_no_delete before delete on audit_log begin select raise(abort, 'the audit log is append-only'); end`.execute(
          db,
        );
      } else {
        await sql`create function audit_log_append_only() returns trigger language plpgsql as $$ begin raise exception 'the audit log is append-only'; end $$`.execute(
          db,
        );
        await sql`create trigger audit_log_no_change before update or delete on audit_log for each statement execute function audit_log_append_only()`.execute(
          db,
        );
        await sql`create trigger audit_log_no_truncate before truncate on audit_log for each statement execute function audit_log_append_only()`.execute(
          db,
        );
        // The service's own role keeps INSERT and SELECT only (the owner could grant itself more;
        // the trigger above stops it even then).
        await sql`revoke update, delete, truncate on audit_log from public`.execute(db);
        await sql`revoke update, delete, truncate on audit_log from current_user`.execute(db);
      }

      // Existing reviews belong to the partnership that published them.
      const now = new Date().toISOString();
      const bodies = await sql<{
        publishing_body: string;
      }>`select distinct publishing_body from reviews where publishing_body is not null`.execute(db);
      const taken = new Set<string>();
      for (const { publishing_body: name } of bodies.rows) {
        const base = partnershipSlug(name);
        let id = base;
        for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
        taken.add(id);
        await sql`insert into partnerships (id, name, created_at) values (${id}, ${name}, ${now})`.execute(
          db,
        );
        await sql`update reviews set partnership_id = ${id} where publishing_body = ${name}`.execute(db);
      }
    },
  };
}
