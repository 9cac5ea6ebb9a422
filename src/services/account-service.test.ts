import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, testEnv } from '../../test/support/services.js';
import type { TestEnv } from '../../test/support/services.js';
import { AccountService, DEFAULT_ACCOUNT_OPTIONS } from './account-service.js';
import { MemoryMailer } from './mailer.js';

const PASSWORD = 'a fictional long passphrase';

describe.each(BACKENDS)('accounts on %s', (backend) => {
  let t: TestEnv;
  let clock: Date;
  let mailer: MemoryMailer;
  let accounts: AccountService;
  let partnership: string;

  beforeAll(async () => {
    t = await testEnv(backend);
    clock = new Date('2026-11-26T09:00:00Z');
    mailer = new MemoryMailer();
    accounts = new AccountService(t.services.db.kysely, {
      ...DEFAULT_ACCOUNT_OPTIONS,
      mailer,
      now: () => clock,
    });
    partnership = await accounts.ensurePartnership('Northshire Safeguarding Children Partnership');
  });
  afterAll(async () => t.cleanup());

  const later = (minutes: number) => {
    clock = new Date(clock.getTime() + minutes * 60_000);
  };

  it('names partnerships by a readable id and finds the same one by name again', async () => {
    expect(partnership).toBe('northshire-safeguarding-children-partnership');
    expect(await accounts.ensurePartnership('  Northshire  Safeguarding Children Partnership ')).toBe(
      partnership,
    );
  });

  it('refuses an account with a bad email, an unknown role, a short password or an editor with no partnership', async () => {
    await expect(accounts.addUser({ email: 'not-an-email', role: 'practitioner' })).rejects.toThrow(
      'Enter an email address in the correct format',
    );
    await expect(accounts.addUser({ email: 'a@example.org', role: 'superuser' })).rejects.toThrow(
      'Role must be one of',
    );
    await expect(
      accounts.addUser({ email: 'a@example.org', role: 'practitioner', password: 'short' }),
    ).rejects.toThrow('Password must be 12 characters or more');
    await expect(accounts.addUser({ email: 'a@example.org', role: 'editor' })).rejects.toThrow(
      'A partnership editor must belong to at least one partnership',
    );
    await expect(
      accounts.addUser({ email: 'a@example.org', role: 'editor', partnerships: ['nowhere'] }),
    ).rejects.toThrow('No partnership with id nowhere');
    expect((await accounts.listUsers()).map((u) => u.email)).not.toContain('a@example.org');
  });

  it('stores an argon2id hash, never the password, and refuses a second account for the same address', async () => {
    await accounts.addUser({
      email: 'Sam.Editor@Example.org',
      role: 'editor',
      partnerships: [partnership],
      password: PASSWORD,
    });
    const row = await t.services.db.kysely
      .selectFrom('users')
      .select(['email', 'password_hash'])
      .where('email', '=', 'sam.editor@example.org')
      .executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(row.password_hash).not.toContain(PASSWORD);
    await expect(accounts.addUser({ email: 'sam.editor@example.org', role: 'practitioner' })).rejects.toThrow(
      'There is already an account for sam.editor@example.org',
    );
  });

  it('signs in with the right password, whatever the case of the address, and resolves the session', async () => {
    const ok = await accounts.signIn('SAM.EDITOR@example.org', PASSWORD, '127.0.0.1');
    expect(ok.ok).toBe(true);
    if (!ok.ok) return;
    const person = await accounts.resolveSession(ok.token);
    expect(person).toMatchObject({
      email: 'sam.editor@example.org',
      role: 'editor',
      partnerships: [partnership],
    });
    // Only a hash of the token is stored.
    const stored = await t.services.db.kysely.selectFrom('sessions').select('id_hash').execute();
    expect(stored.map((s) => s.id_hash)).not.toContain(ok.token);
    expect(await accounts.resolveSession('made-up-token')).toBeNull();
  });

  it('ends a session after the idle limit, and after the absolute limit even when in use', async () => {
    const idle = await accounts.signIn('sam.editor@example.org', PASSWORD, null);
    const busy = await accounts.signIn('sam.editor@example.org', PASSWORD, null);
    if (!idle.ok || !busy.ok) throw new Error('sign-in failed');
    for (let hour = 0; hour < 11; hour++) {
      later(59);
      expect(await accounts.resolveSession(busy.token)).not.toBeNull();
    }
    expect(await accounts.resolveSession(idle.token)).toBeNull();
    later(80);
    // 12 hours and 9 minutes after sign-in: over the absolute limit, though used within the hour.
    expect(await accounts.resolveSession(busy.token)).toBeNull();
  });

  it('locks an address after five failures, known or not, and says the same for both', async () => {
    for (const email of ['sam.editor@example.org', 'nobody@example.org']) {
      const results = [];
      for (let i = 0; i < 5; i++) results.push(await accounts.signIn(email, 'wrong password here', null));
      expect(results.slice(0, 4).map((r) => (r.ok ? 'ok' : r.reason))).toEqual([
        'invalid',
        'invalid',
        'invalid',
        'invalid',
      ]);
      expect(results[4]).toMatchObject({ ok: false, reason: 'locked' });
    }
    // Guesses sent at the same moment each count.
    const parallel = await Promise.all(
      Array.from({ length: 6 }, () => accounts.signIn('parallel@example.org', 'wrong password here', null)),
    );
    expect(parallel.some((r) => !r.ok && r.reason === 'locked')).toBe(true);
    // Locked: even the right password does not open it until the lock has passed.
    expect(await accounts.signIn('sam.editor@example.org', PASSWORD, null)).toMatchObject({
      ok: false,
      reason: 'locked',
    });
    later(16);
    expect((await accounts.signIn('sam.editor@example.org', PASSWORD, null)).ok).toBe(true);
  });

  it('sends a reset link that works once and not after it expires, and ends every session', async () => {
    const session = await accounts.signIn('sam.editor@example.org', PASSWORD, null);
    if (!session.ok) throw new Error('sign-in failed');
    expect(
      await accounts.requestReset('nobody@example.org', 'https://hub.example/password-reset'),
    ).toBeNull();
    expect(mailer.sent).toHaveLength(0);
    // Two links asked for; using one stops the other too.
    await accounts.requestReset('sam.editor@example.org', 'https://hub.example/password-reset');
    await accounts.requestReset('sam.editor@example.org', 'https://hub.example/password-reset');
    expect(mailer.sent).toHaveLength(2);
    const older = /password-reset\/([A-Za-z0-9_-]{43})/.exec(mailer.sent[0]?.text ?? '')?.[1] ?? '';
    const token = /password-reset\/([A-Za-z0-9_-]{43})/.exec(mailer.sent[1]?.text ?? '')?.[1] ?? '';
    expect(token).not.toBe('');
    await expect(accounts.resetPassword(token, 'short')).rejects.toThrow('12 characters or more');
    // A refused password does not use the token up.
    expect(await accounts.resetIsLive(token)).toBe(true);
    await accounts.resetPassword(token, 'another fictional passphrase');
    expect(await accounts.resolveSession(session.token)).toBeNull();
    expect(await accounts.resetIsLive(older)).toBe(false);
    await expect(accounts.resetPassword(token, 'a third fictional passphrase')).rejects.toThrow(
      'This reset link has expired or has already been used',
    );
    expect((await accounts.signIn('sam.editor@example.org', 'another fictional passphrase', null)).ok).toBe(
      true,
    );

    await accounts.requestReset('sam.editor@example.org', 'https://hub.example/password-reset');
    const second = /password-reset\/([A-Za-z0-9_-]{43})/.exec(mailer.sent[2]?.text ?? '')?.[1] ?? '';
    later(61);
    await expect(accounts.resetPassword(second, 'a fourth fictional passphrase')).rejects.toThrow(
      'has expired',
    );
  });

  it('signs a person out everywhere, and a disabled account can neither use a session nor sign in', async () => {
    await accounts.addUser({ email: 'pat@example.org', role: 'practitioner', password: PASSWORD });
    const a = await accounts.signIn('pat@example.org', PASSWORD, null);
    const b = await accounts.signIn('pat@example.org', PASSWORD, null);
    if (!a.ok || !b.ok) throw new Error('sign-in failed');
    expect(await accounts.signOutEverywhere(a.person.id)).toBe(2);
    expect(await accounts.resolveSession(a.token)).toBeNull();
    expect(await accounts.resolveSession(b.token)).toBeNull();
    const c = await accounts.signIn('pat@example.org', PASSWORD, null);
    if (!c.ok) throw new Error('sign-in failed');
    await accounts.disableUser('pat@example.org');
    expect(await accounts.resolveSession(c.token)).toBeNull();
    expect(await accounts.signIn('pat@example.org', PASSWORD, null)).toMatchObject({
      ok: false,
      reason: 'invalid',
    });
  });

  it('changes a role and partnerships and ends the sessions so the change applies at once', async () => {
    await accounts.addUser({ email: 'lee@example.org', role: 'practitioner', password: PASSWORD });
    const s = await accounts.signIn('lee@example.org', PASSWORD, null);
    if (!s.ok) throw new Error('sign-in failed');
    await expect(accounts.changeUser('lee@example.org', { role: 'editor' })).rejects.toThrow(
      'at least one partnership',
    );
    const changed = await accounts.changeUser('lee@example.org', {
      role: 'editor',
      partnerships: [partnership],
    });
    expect(changed).toMatchObject({ role: 'editor', partnerships: [partnership] });
    expect(await accounts.resolveSession(s.token)).toBeNull();
  });

  it('keeps the audit log append-only: the database refuses to change or delete an entry', async () => {
    await t.services.audit.record({ system: 'test' }, { action: 'user.add', detail: { n: 1 } });
    const db = t.services.db.kysely;
    await expect(sql`update audit_log set action = 'x'`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`.execute(db)).rejects.toThrow(/append-only/);
    const { entries } = await t.services.audit.search({ action: 'user.add' }, 1, 10);
    expect(entries.some((e) => e.actor_role === 'system:test' && e.detail === '{"n":1}')).toBe(true);
  });
});
