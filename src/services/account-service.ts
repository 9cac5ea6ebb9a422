import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/types.js';
import { AccountsRepository } from '../repositories/accounts-repository.js';
import type { UserRecord } from '../repositories/accounts-repository.js';
import { AppError, NotFoundError, ValidationError } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import type { Mailer } from './mailer.js';
import { ROLES, isRole } from './policy.js';
import type { Person, Role } from './policy.js';

export interface AccountOptions {
  /** a session ends after this long without a request */
  sessionIdleMinutes: number;
  /** and after this long whatever happens */
  sessionMaxHours: number;
  /** failed sign-ins for one email address before it is locked */
  maxFailures: number;
  lockMinutes: number;
  resetMinutes: number;
  mailer: Mailer;
  /** clock, for tests of expiry */
  now?: () => Date;
}

export const DEFAULT_ACCOUNT_OPTIONS = {
  sessionIdleMinutes: 120,
  sessionMaxHours: 12,
  maxFailures: 5,
  lockMinutes: 15,
  resetMinutes: 60,
} as const;

export const MIN_PASSWORD = 12;

const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: 'Enter an email address in the correct format, like name@example.org' }));

const passwordSchema = z
  .string()
  .min(MIN_PASSWORD, `Password must be ${MIN_PASSWORD} characters or more`)
  .max(256, 'Password must be 256 characters or fewer');

export type SignInResult =
  | { ok: true; token: string; person: Person }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'locked'; until: string };

export class AccountError extends AppError {}

// Algorithm.Argon2id (a const enum, which isolated modules cannot read) is 2.
const ARGON = { algorithm: 2 } as const;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const token = () => randomBytes(32).toString('base64url');

export function toPerson(user: UserRecord): Person {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: isRole(user.role) ? user.role : 'practitioner',
    partnerships: user.partnerships,
  };
}

/**
 * Accounts, sign-in and sessions. Passwords are argon2id hashes. Session cookies carry a random
 * token; the database keeps only its sha256, with idle and absolute expiry. Sign-in by password is
 * one method: a single sign-on callback would call `startSession` with its own method name once it
 * has matched the person by email.
 */
export class AccountService {
  private readonly repo: AccountsRepository;
  private readonly now: () => Date;
  /** an argon2id hash to verify against when the email is unknown, so both take the same time */
  private dummyHash: Promise<string> | null = null;

  constructor(
    db: Kysely<Database>,
    private readonly options: AccountOptions,
  ) {
    this.repo = new AccountsRepository(db);
    this.now = options.now ?? (() => new Date());
  }

  parseEmail(raw: string): string {
    const parsed = emailSchema.safeParse(raw);
    if (!parsed.success)
      throw new ValidationError(parsed.error.issues[0]?.message ?? 'Invalid email address');
    return parsed.data;
  }

  checkPassword(raw: string): string {
    const parsed = passwordSchema.safeParse(raw);
    if (!parsed.success) throw new ValidationError(parsed.error.issues[0]?.message ?? 'Invalid password');
    return parsed.data;
  }

  // Partnerships

  listPartnerships() {
    return this.repo.listPartnerships();
  }

  /** The partnership with this name, made if it is new. */
  async ensurePartnership(name: string): Promise<string> {
    const clean = name.trim().replace(/\s+/g, ' ');
    if (clean.length < 3 || clean.length > 200)
      throw new ValidationError('A partnership name must be 3 to 200 characters');
    return this.repo.ensurePartnership(clean, this.now().toISOString());
  }

  // People

  async addUser(input: {
    email: string;
    name?: string;
    role: string;
    partnerships?: readonly string[];
    password?: string;
  }): Promise<Person> {
    const email = this.parseEmail(input.email);
    if (!isRole(input.role)) throw new ValidationError(`Role must be one of: ${ROLES.join(', ')}`);
    const partnerships = await this.checkPartnerships(input.role, input.partnerships ?? []);
    if (await this.repo.userByEmail(email))
      throw new AccountError('user_exists', `There is already an account for ${email}`, 409);
    const password =
      input.password === undefined ? null : await hash(this.checkPassword(input.password), ARGON);
    const at = this.now().toISOString();
    const id = newId();
    await this.repo.insertUser(
      {
        id,
        email,
        name: input.name?.trim() || email,
        role: input.role,
        password_hash: password,
        disabled: 0,
        created_at: at,
        updated_at: at,
      },
      partnerships,
    );
    return { id, email, name: input.name?.trim() || email, role: input.role, partnerships };
  }

  private async checkPartnerships(role: Role, wanted: readonly string[]): Promise<string[]> {
    const unique = [...new Set(wanted)];
    const existing = await this.repo.partnershipsExisting(unique);
    const unknown = unique.filter((p) => !existing.includes(p));
    if (unknown.length) throw new ValidationError(`No partnership with id ${unknown.join(', ')}`);
    if (role === 'editor' && unique.length === 0)
      throw new ValidationError('A partnership editor must belong to at least one partnership');
    return unique;
  }

  async listUsers(): Promise<Array<Person & { disabled: boolean; created: string; passwordSet: boolean }>> {
    return (await this.repo.listUsers()).map((u) => ({
      ...toPerson(u),
      disabled: u.disabled === 1,
      created: u.created_at,
      passwordSet: u.password_hash !== null,
    }));
  }

  async user(email: string): Promise<Person & { disabled: boolean }> {
    const user = await this.repo.userByEmail(this.parseEmail(email));
    if (!user) throw new NotFoundError(`No account for ${email}`);
    return { ...toPerson(user), disabled: user.disabled === 1 };
  }

  /** Changes a person's role and partnerships; their sessions end so the change applies at once. */
  async changeUser(
    email: string,
    change: { role?: string; partnerships?: readonly string[] },
  ): Promise<Person> {
    const user = await this.user(email);
    const role = change.role ?? user.role;
    if (!isRole(role)) throw new ValidationError(`Role must be one of: ${ROLES.join(', ')}`);
    const partnerships = await this.checkPartnerships(role, change.partnerships ?? user.partnerships);
    await this.repo.updateUser(user.id, { role }, this.now().toISOString(), partnerships);
    await this.repo.deleteSessionsOf(user.id);
    return { ...user, role, partnerships };
  }

  /** Disables an account and ends its sessions; nothing is deleted (the audit log refers to it). */
  async disableUser(email: string): Promise<Person> {
    const user = await this.user(email);
    await this.repo.updateUser(user.id, { disabled: 1 }, this.now().toISOString());
    await this.repo.deleteSessionsOf(user.id);
    return user;
  }

  // Signing in

  async signIn(rawEmail: string, password: string, ip: string | null): Promise<SignInResult> {
    const parsed = emailSchema.safeParse(rawEmail);
    const email = parsed.success ? parsed.data : rawEmail.trim().toLowerCase();
    const now = this.now();
    const failed = await this.repo.failures(email);
    if (failed?.locked_until && failed.locked_until > now.toISOString())
      return { ok: false, reason: 'locked', until: failed.locked_until };
    const user = await this.repo.userByEmail(email);
    // Verify even when there is no such account, so that the time taken does not tell.
    const stored = user?.password_hash ?? (await this.fakeHash());
    const matches = await verify(stored, password.slice(0, 256)).catch(() => false);
    if (!user || user.disabled === 1 || user.password_hash === null || !matches) {
      // Counted per address, known or not, so a lockout does not tell whether an account exists.
      const failures = await this.repo.countFailure(email, now.toISOString());
      if (failures < this.options.maxFailures) return { ok: false, reason: 'invalid' };
      const until = new Date(now.getTime() + this.options.lockMinutes * 60_000).toISOString();
      await this.repo.lock(email, until);
      return { ok: false, reason: 'locked', until };
    }
    await this.repo.clearFailures(email);
    const session = await this.startSession(user.id, 'password', ip);
    return { ok: true, token: session, person: toPerson(user) };
  }

  private fakeHash(): Promise<string> {
    this.dummyHash ??= hash(token(), ARGON);
    return this.dummyHash;
  }

  /** A new session for a person who has proved who they are; returns the cookie's value. */
  async startSession(userId: string, method: string, ip: string | null): Promise<string> {
    const value = token();
    const now = this.now();
    await this.repo.insertSession({
      id_hash: sha256(value),
      user_id: userId,
      method,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: new Date(now.getTime() + this.options.sessionMaxHours * 3_600_000).toISOString(),
      ip,
    });
    return value;
  }

  /** The person a session cookie belongs to, or null when it is unknown, expired or their account is disabled. */
  async resolveSession(value: string | undefined): Promise<Person | null> {
    if (!value || value.length > 100) return null;
    const idHash = sha256(value);
    const session = await this.repo.sessionByHash(idHash);
    if (!session) return null;
    const now = this.now();
    const idleLimit = new Date(now.getTime() - this.options.sessionIdleMinutes * 60_000).toISOString();
    if (session.expires_at <= now.toISOString() || session.last_seen_at <= idleLimit) {
      await this.repo.deleteSession(idHash);
      return null;
    }
    const user = await this.repo.userById(session.user_id);
    if (!user || user.disabled === 1) return null;
    // One write a minute at most, not one per request.
    if (now.getTime() - Date.parse(session.last_seen_at) > 60_000)
      await this.repo.touchSession(idHash, now.toISOString());
    return toPerson(user);
  }

  async signOut(value: string | undefined): Promise<void> {
    if (value) await this.repo.deleteSession(sha256(value));
  }

  /** Ends every session of a person, on every device. */
  async signOutEverywhere(userId: string): Promise<number> {
    return this.repo.deleteSessionsOf(userId);
  }

  // Password reset

  /**
   * Sends a one-time reset link to the address if it has an enabled account. Says nothing either
   * way, so the form cannot be used to find out who has an account.
   */
  async requestReset(rawEmail: string, linkBase: string): Promise<{ userId: string } | null> {
    const parsed = emailSchema.safeParse(rawEmail);
    if (!parsed.success) return null;
    const user = await this.repo.userByEmail(parsed.data);
    if (!user || user.disabled === 1) return null;
    const value = token();
    const now = this.now();
    await this.repo.insertReset({
      token_hash: sha256(value),
      user_id: user.id,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + this.options.resetMinutes * 60_000).toISOString(),
      used_at: null,
    });
    await this.options.mailer.send({
      to: user.email,
      subject: 'Reset your Safeguarding Learning Hub password',
      text: [
        `Someone asked to reset the password for ${user.email}.`,
        `To choose a new password, open this link within ${this.options.resetMinutes} minutes:`,
        `${linkBase}/${value}`,
        'If it was not you, ignore this message: your password has not changed.',
      ].join('\n\n'),
    });
    return { userId: user.id };
  }

  async resetIsLive(value: string): Promise<boolean> {
    return this.repo.resetIsLive(sha256(value), this.now().toISOString());
  }

  /** Sets a new password with a reset token, once; every session of that person ends. */
  async resetPassword(value: string, password: string): Promise<Person> {
    const checked = this.checkPassword(password);
    const userId = await this.repo.takeReset(sha256(value), this.now().toISOString());
    if (!userId)
      throw new AccountError('reset_invalid', 'This reset link has expired or has already been used', 400);
    const user = await this.repo.userById(userId);
    if (!user)
      throw new AccountError('reset_invalid', 'This reset link has expired or has already been used', 400);
    await this.repo.updateUser(
      user.id,
      { password_hash: await hash(checked, ARGON) },
      this.now().toISOString(),
    );
    await this.repo.deleteSessionsOf(user.id);
    await this.repo.useAllResets(user.id, this.now().toISOString());
    await this.repo.clearFailures(user.email);
    return toPerson(user);
  }

  /** A secret shared by every process on this database (CSRF token signing). */
  secret(name: string): Promise<string> {
    return this.repo.secret(name, () => randomBytes(32).toString('base64url'));
  }
}
