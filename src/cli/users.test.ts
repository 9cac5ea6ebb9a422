import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slh } from '../../test/support/cli.js';
import { BACKENDS, testEnv } from '../../test/support/services.js';
import type { TestEnv } from '../../test/support/services.js';

describe.each(BACKENDS)('slh users, partnerships and audit on %s', (backend) => {
  let t: TestEnv;
  beforeAll(async () => {
    t = await testEnv(backend);
  });
  afterAll(async () => t.cleanup());

  it('makes the first administrator with a password from stdin, who can then sign in', async () => {
    const run = slh(
      ['users', 'add', '--email', 'Chief@Example.org', '--role', 'admin', '--password-stdin'],
      t.env,
      'an admin passphrase of length\n',
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('Added chief@example.org (Administrator)\n');
    const signed = await t.services.accounts.signIn(
      'chief@example.org',
      'an admin passphrase of length',
      null,
    );
    expect(signed.ok).toBe(true);
  });

  it('adds an editor to a partnership, lists, changes and disables accounts, and refuses bad input with exit 2 or 1', async () => {
    expect(slh(['partnerships', 'add', 'Northshire Safeguarding Adults Board'], t.env).stdout).toBe(
      'northshire-safeguarding-adults-board\n',
    );
    const added = slh(
      [
        'users',
        'add',
        '--email',
        'ed@example.org',
        '--role',
        'editor',
        '--partnership',
        'northshire-safeguarding-adults-board',
      ],
      t.env,
    );
    expect(added.code).toBe(0);
    // No password given: a reset link goes out (to the log, with no mailer configured).
    expect(added.stdout).toContain('a link to set a password has been sent');
    expect(added.stderr).toMatch(/password-reset\/[A-Za-z0-9_-]{43}/);
    expect(slh(['users', 'add', '--email', 'x@example.org', '--role', 'wizard'], t.env).code).toBe(2);
    const orphan = slh(['users', 'add', '--email', 'x@example.org', '--role', 'editor'], t.env);
    expect(orphan.code).toBe(1);
    expect(orphan.stderr).toContain('A partnership editor must belong to at least one partnership');
    const list = JSON.parse(slh(['users', 'list', '--json'], t.env).stdout) as Array<{
      email: string;
      role: string;
      partnerships: string[];
      disabled: boolean;
    }>;
    expect(list.find((u) => u.email === 'ed@example.org')).toMatchObject({
      role: 'editor',
      partnerships: ['northshire-safeguarding-adults-board'],
      disabled: false,
    });
    expect(
      slh(['users', 'role', '--email', 'ed@example.org', '--role', 'inspector', '--partnership'], t.env).code,
    ).not.toBe(0);
    expect(slh(['users', 'role', '--email', 'ed@example.org', '--role', 'inspector'], t.env).code).toBe(0);
    expect(slh(['users', 'disable', '--email', 'ed@example.org'], t.env).stdout).toBe(
      'Disabled ed@example.org\n',
    );
    expect((await t.services.accounts.user('ed@example.org')).disabled).toBe(true);
  });

  it('exports the audit log as CSV, recording the export itself', () => {
    const run = slh(['audit', '--action', 'user.disable'], t.env);
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\r\n');
    expect(lines[0]).toBe('id,at,actor_email,actor_role,action,target_type,target_id,ip,detail');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('system:cli,user.disable,user,');
    expect(slh(['audit', '--from', 'yesterday'], t.env).code).toBe(2);
    expect(slh(['audit', '--action', 'audit.export'], t.env).stdout).toContain('audit.export');
  });
});
