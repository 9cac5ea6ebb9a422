import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Database, PartnershipsTable, UsersTable } from '../db/types.js';
import { partnershipSlug } from '../shared/ids.js';

type Executor = Kysely<Database>;

export interface UserRecord extends UsersTable {
  partnerships: string[];
}

/** Partnerships, accounts, sessions, reset tokens and failed sign-ins. */
export class AccountsRepository {
  constructor(private readonly db: Executor) {}

  // Partnerships

  listPartnerships(): Promise<PartnershipsTable[]> {
    return this.db.selectFrom('partnerships').selectAll().orderBy('name').execute();
  }

  async partnershipsExisting(ids: readonly string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.selectFrom('partnerships').select('id').where('id', 'in', ids).execute();
    return rows.map((r) => r.id);
  }

  /** The partnership with this name, made if it is new (imports name their publishing body). */
  async ensurePartnership(name: string, now: string): Promise<string> {
    const found = await this.db
      .selectFrom('partnerships')
      .select('id')
      .where('name', '=', name)
      .executeTakeFirst();
    if (found) return found.id;
    const base = partnershipSlug(name);
    const taken = new Set(
      (await this.db.selectFrom('partnerships').select('id').where('id', 'like', `${base}%`).execute()).map(
        (r) => r.id,
      ),
    );
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    // Another process may make the same partnership at the same moment: the name is unique.
    await this.db
      .insertInto('partnerships')
      .values({ id, name, created_at: now })
      .onConflict((oc) => oc.doNothing())
      .execute();
    const made = await this.db
      .selectFrom('partnerships')
      .select('id')
      .where('name', '=', name)
      .executeTakeFirst();
    if (!made) throw new Error(`partnership ${name} could not be stored`);
    return made.id;
  }

  // Users

  async insertUser(user: UsersTable, partnerships: readonly string[]): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.insertInto('users').values(user).execute();
      if (partnerships.length)
        await trx
          .insertInto('user_partnerships')
          .values(partnerships.map((p) => ({ user_id: user.id, partnership_id: p })))
          .execute();
    });
  }

  private async withPartnerships(users: UsersTable[]): Promise<UserRecord[]> {
    if (users.length === 0) return [];
    const links = await this.db
      .selectFrom('user_partnerships')
      .select(['user_id', 'partnership_id'])
      .where(
        'user_id',
        'in',
        users.map((u) => u.id),
      )
      .orderBy('partnership_id')
      .execute();
    return users.map((u) => ({
      ...u,
      partnerships: links.filter((l) => l.user_id === u.id).map((l) => l.partnership_id),
    }));
  }

  async userByEmail(email: string): Promise<UserRecord | undefined> {
    const row = await this.db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
    return row ? (await this.withPartnerships([row]))[0] : undefined;
  }

  async userById(id: string): Promise<UserRecord | undefined> {
    const row = await this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? (await this.withPartnerships([row]))[0] : undefined;
  }

  async listUsers(): Promise<UserRecord[]> {
    return this.withPartnerships(await this.db.selectFrom('users').selectAll().orderBy('email').execute());
  }

  async updateUser(
    id: string,
    change: Partial<Pick<UsersTable, 'role' | 'disabled' | 'password_hash' | 'name'>>,
    now: string,
    partnerships?: readonly string[],
  ): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('users')
        .set({ ...change, updated_at: now })
        .where('id', '=', id)
        .execute();
      if (partnerships) {
        await trx.deleteFrom('user_partnerships').where('user_id', '=', id).execute();
        if (partnerships.length)
          await trx
            .insertInto('user_partnerships')
            .values(partnerships.map((p) => ({ user_id: id, partnership_id: p })))
            .execute();
      }
    });
  }

  // Sessions

  async insertSession(row: Database['sessions']): Promise<void> {
    await this.db.insertInto('sessions').values(row).execute();
  }

  sessionByHash(idHash: string) {
    return this.db.selectFrom('sessions').selectAll().where('id_hash', '=', idHash).executeTakeFirst();
  }

  async touchSession(idHash: string, lastSeen: string): Promise<void> {
    await this.db
      .updateTable('sessions')
      .set({ last_seen_at: lastSeen })
      .where('id_hash', '=', idHash)
      .execute();
  }

  async deleteSession(idHash: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
  }

  async deleteSessionsOf(userId: string): Promise<number> {
    const r = await this.db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
    return Number(r.numDeletedRows);
  }

  async deleteExpiredSessions(now: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
  }

  // Password resets

  async insertReset(row: Database['password_resets']): Promise<void> {
    await this.db.insertInto('password_resets').values(row).execute();
  }

  /** Every reset link of a person stops working (their password has just been set). */
  async useAllResets(userId: string, now: string): Promise<void> {
    await this.db
      .updateTable('password_resets')
      .set({ used_at: now })
      .where('user_id', '=', userId)
      .where('used_at', 'is', null)
      .execute();
  }

  /** Marks a reset token used and returns its user, once: a second use, or an expired token, finds nothing. */
  async takeReset(tokenHash: string, now: string): Promise<string | undefined> {
    const row = await this.db
      .updateTable('password_resets')
      .set({ used_at: now })
      .where('token_hash', '=', tokenHash)
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .returning('user_id')
      .executeTakeFirst();
    return row?.user_id;
  }

  async resetIsLive(tokenHash: string, now: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('password_resets')
      .select('token_hash')
      .where('token_hash', '=', tokenHash)
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .executeTakeFirst();
    return row !== undefined;
  }

  // Failed sign-ins, per email address

  failures(email: string) {
    return this.db.selectFrom('sign_in_failures').selectAll().where('email', '=', email).executeTakeFirst();
  }

  /**
   * Counts one more failure for an address in a single statement (so guesses sent in parallel each
   * count), starting again after a lock; returns the new count.
   */
  async countFailure(email: string, now: string): Promise<number> {
    const row = await sql<{
      failures: number;
    }>`insert into sign_in_failures (email, failures, last_failed_at, locked_until)
      values (${email}, 1, ${now}, null)
      on conflict (email) do update set
        failures = case when sign_in_failures.locked_until is null then sign_in_failures.failures + 1 else 1 end,
        last_failed_at = ${now}, locked_until = null
      returning failures`.execute(this.db);
    return Number(row.rows[0]?.failures ?? 1);
  }

  async lock(email: string, until: string): Promise<void> {
    await this.db
      .updateTable('sign_in_failures')
      .set({ failures: 0, locked_until: until })
      .where('email', '=', email)
      .execute();
  }

  async clearFailures(email: string): Promise<void> {
    await this.db.deleteFrom('sign_in_failures').where('email', '=', email).execute();
  }

  // Secrets the service makes for itself (shared by every process on the same database)

  async secret(name: string, make: () => string): Promise<string> {
    await this.db
      .insertInto('app_secrets')
      .values({ name, value: make() })
      .onConflict((oc) => oc.column('name').doNothing())
      .execute();
    const row = await this.db
      .selectFrom('app_secrets')
      .select('value')
      .where('name', '=', name)
      .executeTakeFirstOrThrow();
    return row.value;
  }
}
