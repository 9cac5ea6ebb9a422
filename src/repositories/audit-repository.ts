import type { Kysely } from 'kysely';
import type { AuditLogTable, Database } from '../db/types.js';

export type AuditEntry = Omit<AuditLogTable, 'id'> & { id: number };

export interface AuditQuery {
  actor?: string;
  action?: string;
  targetId?: string;
  from?: string;
  to?: string;
}

/**
 * The audit log: append-only. There is deliberately no update or delete here, and the database
 * refuses both (triggers; on PostgreSQL the privileges are revoked too).
 */
export class AuditRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async append(entry: Omit<AuditLogTable, 'id'>): Promise<void> {
    await this.db.insertInto('audit_log').values(entry).execute();
  }

  private filtered(q: AuditQuery) {
    let query = this.db.selectFrom('audit_log');
    if (q.actor) query = query.where('actor_email', '=', q.actor.toLowerCase());
    if (q.action) query = query.where('action', '=', q.action);
    if (q.targetId) query = query.where('target_id', '=', q.targetId);
    if (q.from) query = query.where('at', '>=', q.from);
    // "to" is a day: everything before the next one
    if (q.to) query = query.where('at', '<', `${q.to}\uffff`);
    return query;
  }

  async search(
    q: AuditQuery,
    offset: number,
    limit: number,
  ): Promise<{ total: number; entries: AuditEntry[] }> {
    const [count, entries] = await Promise.all([
      this.filtered(q)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
      this.filtered(q).selectAll().orderBy('id', 'desc').offset(offset).limit(limit).execute(),
    ]);
    return { total: Number(count.n), entries: entries.map((e) => ({ ...e, id: Number(e.id) })) };
  }

  /** Every matching entry, oldest first, in batches (exports of any size). */
  async *each(q: AuditQuery, batch = 1000): AsyncGenerator<AuditEntry> {
    let after = 0;
    for (;;) {
      const rows = await this.filtered(q)
        .selectAll()
        .where('id', '>', after)
        .orderBy('id')
        .limit(batch)
        .execute();
      for (const r of rows) yield { ...r, id: Number(r.id) };
      if (rows.length < batch) return;
      after = Number(rows[rows.length - 1]?.id);
    }
  }
}
