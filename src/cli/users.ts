import type { Command } from 'commander';
import type { Services } from '../services/index.js';
import { ROLES, ROLE_LABELS, isRole } from '../services/policy.js';
import { UsageError, cliServices } from './context.js';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  // One line: the password, without the newline a shell or a file ends it with.
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

async function withServices<T>(run: (services: Services) => Promise<T>): Promise<T> {
  const services = await cliServices(true);
  try {
    return await run(services);
  } finally {
    await services.close();
  }
}

/** Accounts and partnerships from the command line: how the first administrator is made. */
export function registerUsers(program: Command): void {
  const users = program.command('users').description('accounts: who may sign in, with which role');

  users
    .command('add')
    .description('add an account')
    .requiredOption('--email <email>', 'their email address (how they sign in)')
    .requiredOption('--role <role>', `one of: ${ROLES.join(', ')}`)
    .option('--name <name>', 'their name as shown in the service')
    .option('--partnership <id...>', 'a partnership they belong to (see "slh partnerships list"); repeatable')
    .option(
      '--password-stdin',
      'read their password from standard input (otherwise they get a reset link by email)',
    )
    .action(
      async (flags: {
        email: string;
        role: string;
        name?: string;
        partnership?: string[];
        passwordStdin?: boolean;
      }) => {
        if (!isRole(flags.role)) throw new UsageError(`--role must be one of: ${ROLES.join(', ')}`);
        const password = flags.passwordStdin ? await readStdin() : undefined;
        await withServices(async (services) => {
          const person = await services.accounts.addUser({
            email: flags.email,
            role: flags.role,
            ...(flags.name ? { name: flags.name } : {}),
            partnerships: flags.partnership ?? [],
            ...(password !== undefined ? { password } : {}),
          });
          await services.audit.record(
            { system: 'cli' },
            {
              action: 'user.add',
              target: { type: 'user', id: person.id },
              detail: { email: person.email, role: person.role, partnerships: person.partnerships },
              from: 'cli',
            },
          );
          if (password === undefined)
            await services.accounts.requestReset(person.email, `${services.config.publicUrl}/password-reset`);
          process.stdout.write(
            `Added ${person.email} (${ROLE_LABELS[person.role]})${password === undefined ? '; a link to set a password has been sent' : ''}\n`,
          );
        });
      },
    );

  users
    .command('list')
    .description('every account, its role, partnerships and whether it is disabled')
    .option('--json', 'print JSON')
    .action(async (flags: { json?: boolean }) => {
      await withServices(async (services) => {
        const all = await services.accounts.listUsers();
        if (flags.json) {
          process.stdout.write(`${JSON.stringify(all)}\n`);
          return;
        }
        for (const u of all)
          process.stdout.write(
            `${u.email.padEnd(36)} ${u.role.padEnd(12)} ${u.disabled ? 'disabled' : 'active  '} ${u.partnerships.join(',')}\n`,
          );
      });
    });

  users
    .command('disable')
    .description('stop an account signing in and end its sessions (nothing is deleted)')
    .requiredOption('--email <email>', 'their email address')
    .action(async (flags: { email: string }) => {
      await withServices(async (services) => {
        const person = await services.accounts.disableUser(flags.email);
        await services.audit.record(
          { system: 'cli' },
          {
            action: 'user.disable',
            target: { type: 'user', id: person.id },
            detail: { email: person.email },
            from: 'cli',
          },
        );
        process.stdout.write(`Disabled ${person.email}\n`);
      });
    });

  users
    .command('role')
    .description("change an account's role and partnerships; its sessions end so the change applies at once")
    .requiredOption('--email <email>', 'their email address')
    .option('--role <role>', `one of: ${ROLES.join(', ')}`)
    .option('--partnership <id...>', 'the partnerships they belong to (replaces the list)')
    .action(async (flags: { email: string; role?: string; partnership?: string[] }) => {
      await withServices(async (services) => {
        const person = await services.accounts.changeUser(flags.email, {
          ...(flags.role ? { role: flags.role } : {}),
          ...(flags.partnership ? { partnerships: flags.partnership } : {}),
        });
        await services.audit.record(
          { system: 'cli' },
          {
            action: 'user.change',
            target: { type: 'user', id: person.id },
            detail: { email: person.email, role: person.role, partnerships: person.partnerships },
            from: 'cli',
          },
        );
        process.stdout.write(
          `${person.email}: ${ROLE_LABELS[person.role]} ${person.partnerships.join(',')}\n`,
        );
      });
    });

  const partnerships = program.command('partnerships').description('the partnerships that own reviews');
  partnerships
    .command('list')
    .description('every partnership and its id')
    .option('--json', 'print JSON')
    .action(async (flags: { json?: boolean }) => {
      await withServices(async (services) => {
        const all = await services.accounts.listPartnerships();
        if (flags.json) process.stdout.write(`${JSON.stringify(all)}\n`);
        else for (const p of all) process.stdout.write(`${p.id.padEnd(60)} ${p.name}\n`);
      });
    });
  partnerships
    .command('add')
    .description('register a partnership by name (imports register the publishing body themselves)')
    .argument('<name>', 'e.g. "Northshire Safeguarding Children Partnership"')
    .action(async (name: string) => {
      await withServices(async (services) => {
        process.stdout.write(`${await services.accounts.ensurePartnership(name)}\n`);
      });
    });

  program
    .command('audit')
    .description('the audit log, as CSV (oldest first)')
    .option('--actor <email>', 'only what this person did')
    .option('--action <name>', 'only this action, e.g. review.view')
    .option('--target <id>', 'only entries about this review or person')
    .option('--from <date>', 'from this day (YYYY-MM-DD)')
    .option('--to <date>', 'to this day (YYYY-MM-DD)')
    .action(
      async (flags: { actor?: string; action?: string; target?: string; from?: string; to?: string }) => {
        for (const d of [flags.from, flags.to])
          if (d !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(d))
            throw new UsageError('--from and --to must be dates like 2026-11-01');
        await withServices(async (services) => {
          const q = {
            ...(flags.actor ? { actor: flags.actor } : {}),
            ...(flags.action ? { action: flags.action } : {}),
            ...(flags.target ? { targetId: flags.target } : {}),
            ...(flags.from ? { from: flags.from } : {}),
            ...(flags.to ? { to: flags.to } : {}),
          };
          await services.audit.record({ system: 'cli' }, { action: 'audit.export', detail: q, from: 'cli' });
          for await (const line of services.audit.csv(q)) process.stdout.write(line);
        });
      },
    );
}
