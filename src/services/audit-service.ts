import type { Kysely } from 'kysely';
import type { Database } from '../db/types.js';
import { AuditRepository } from '../repositories/audit-repository.js';
import type { AuditEntry, AuditQuery } from '../repositories/audit-repository.js';
import { csvLine } from '../shared/csv.js';
import type { Principal } from './policy.js';

export type { AuditEntry, AuditQuery } from '../repositories/audit-repository.js';

/** What the log records. Names are stable: exports and searches depend on them. */
export type AuditAction =
  | 'review.view'
  | 'review.download'
  | 'review.search'
  | 'review.import'
  | 'review.check'
  | 'review.change'
  | 'review.publish'
  | 'review.withdraw'
  | 'review.retention'
  | 'theme.decide'
  | 'theme.change'
  | 'theme.recode'
  | 'user.sign-in'
  | 'user.sign-in-failed'
  | 'user.sign-out'
  | 'user.sign-out-everywhere'
  | 'user.password-reset-requested'
  | 'user.password-reset'
  | 'user.add'
  | 'user.change'
  | 'user.disable'
  | 'audit.export'
  | 'briefing.keep'
  | 'briefing.edit'
  | 'briefing.publish'
  | 'briefing.withdraw'
  | 'briefing.view';

export interface AuditEvent {
  action: AuditAction;
  target?: { type: string; id: string };
  /** identifiers and counts only: never document text or a password */
  detail?: Record<string, unknown>;
  /** where the request came from (an IP address, or "cli") */
  from?: string | null;
}

/** Who did what, when and from where: written on the path of the action it records. */
export class AuditService {
  private readonly repo: AuditRepository;

  constructor(db: Kysely<Database>) {
    this.repo = new AuditRepository(db);
  }

  async record(who: Principal | { system: string }, event: AuditEvent): Promise<void> {
    const person = 'person' in who ? who.person : null;
    await this.repo.append({
      at: new Date().toISOString(),
      actor_id: person?.id ?? null,
      actor_email: person?.email ?? null,
      actor_role: person ? person.role : 'system' in who ? `system:${who.system}` : 'anonymous',
      action: event.action,
      target_type: event.target?.type ?? null,
      target_id: event.target?.id ?? null,
      detail: JSON.stringify(event.detail ?? {}),
      ip: event.from ?? null,
    });
  }

  search(q: AuditQuery, page: number, pageSize: number): Promise<{ total: number; entries: AuditEntry[] }> {
    return this.repo.search(q, (page - 1) * pageSize, pageSize);
  }

  /** CSV lines (with a header) of every matching entry, oldest first. */
  async *csv(q: AuditQuery): AsyncGenerator<string> {
    yield csvLine([
      'id',
      'at',
      'actor_email',
      'actor_role',
      'action',
      'target_type',
      'target_id',
      'ip',
      'detail',
    ]);
    for await (const e of this.repo.each(q)) {
      yield csvLine([
        e.id,
        e.at,
        e.actor_email,
        e.actor_role,
        e.action,
        e.target_type,
        e.target_id,
        e.ip,
        e.detail,
      ]);
    }
  }
}

/**
 * What a failed sign-in may record of the address typed: the address when it is one, otherwise
 * nothing (people type their password into the email box, and the log cannot be edited).
 */
export function loggableEmail(raw: string): string | null {
  const email = raw.trim().toLowerCase();
  return /^[^\s@]{1,64}@[^\s@]{1,255}\.[a-z]{2,}$/.test(email) ? email : null;
}
