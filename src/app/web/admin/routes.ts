import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { AuditQuery } from '../../../services/audit-service.js';
import type { Services } from '../../../services/index.js';
import { ROLES, ROLE_LABELS, can } from '../../../services/policy.js';
import { AppError, ForbiddenError, ValidationError } from '../../../shared/errors.js';
import { authorise } from '../../shared/authorise.js';

const PAGE_SIZE = 50;

const auditQuerySchema = z.object({
  actor: z.string().trim().max(320).optional(),
  action: z
    .string()
    .trim()
    .regex(/^[a-z.-]{0,60}$/, 'Action must be a name like review.view')
    .optional(),
  target: z
    .string()
    .trim()
    .regex(/^[a-z0-9-]{0,90}$/, 'An id has only lower-case letters, digits and hyphens')
    .optional(),
  from: z
    .string()
    .regex(/^(\d{4}-\d{2}-\d{2})?$/, 'From must be a date like 2026-11-01')
    .optional(),
  to: z
    .string()
    .regex(/^(\d{4}-\d{2}-\d{2})?$/, 'To must be a date like 2026-11-30')
    .optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
});

function readAuditQuery(raw: unknown): { q: AuditQuery; page: number; errors: Record<string, string> } {
  const input = { ...(raw as Record<string, unknown>) };
  const errors: Record<string, string> = {};
  for (let attempt = 0; attempt < 6; attempt++) {
    const parsed = auditQuerySchema.safeParse(input);
    if (parsed.success) {
      const d = parsed.data;
      const q: AuditQuery = {
        ...(d.actor ? { actor: d.actor } : {}),
        ...(d.action ? { action: d.action } : {}),
        ...(d.target ? { targetId: d.target } : {}),
        ...(d.from ? { from: d.from } : {}),
        ...(d.to ? { to: d.to } : {}),
      };
      return { q, page: d.page, errors };
    }
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0]);
      errors[field] = issue.message;
      delete input[field];
    }
  }
  return { q: {}, page: 1, errors };
}

function queryString(q: AuditQuery, page?: number): string {
  const params = new URLSearchParams();
  if (q.actor) params.set('actor', q.actor);
  if (q.action) params.set('action', q.action);
  if (q.targetId) params.set('target', q.targetId);
  if (q.from) params.set('from', q.from);
  if (q.to) params.set('to', q.to);
  if (page && page > 1) params.set('page', String(page));
  const s = params.toString();
  return s ? `?${s}` : '';
}

const addUserSchema = z.object({
  email: z.string().max(320).default(''),
  name: z.string().trim().max(200).default(''),
  role: z.string().default(''),
  partnerships: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v])),
});

/** People and roles, and the audit log: administrators only. */
export function adminPages(app: FastifyInstance, services: Services): void {
  const { accounts, audit } = services;

  app.get('/admin', async (request, reply) => {
    if (!can(request.principal, 'manageUsers') && !can(request.principal, 'readAudit'))
      authorise(request, 'manageUsers');
    return reply.page('admin/index.njk', { pageTitle: 'Admin' });
  });

  const usersPage = async (
    reply: FastifyReply,
    extra: { values?: Record<string, unknown>; errors?: Record<string, string>; notice?: string } = {},
    status = 200,
  ) => {
    const [users, partnerships] = await Promise.all([accounts.listUsers(), accounts.listPartnerships()]);
    const names = new Map(partnerships.map((p) => [p.id, p.name]));
    const values = extra.values ?? {};
    const chosen = new Set((values['partnerships'] as string[] | undefined) ?? []);
    return reply.page(
      'admin/users.njk',
      {
        pageTitle: 'People and roles',
        csrfToken: reply.csrfToken(),
        notice: extra.notice,
        users: users.map((u) => ({
          ...u,
          roleLabel: ROLE_LABELS[u.role],
          partnershipNames: u.partnerships.map((p) => names.get(p) ?? p).join(', '),
        })),
        values,
        errors: extra.errors ?? {},
        errorList: Object.entries(extra.errors ?? {}).map(([field, text]) => ({ text, href: `#${field}` })),
        roleItems: [
          { value: '', text: 'Choose a role' },
          ...ROLES.map((r) => ({ value: r, text: ROLE_LABELS[r], selected: values['role'] === r })),
        ],
        partnershipItems: partnerships.map((p) => ({ value: p.id, text: p.name, checked: chosen.has(p.id) })),
      },
      status,
    );
  };

  app.get('/admin/users', async (request, reply) => {
    authorise(request, 'manageUsers');
    const added = (request.query as { added?: string }).added;
    return usersPage(
      reply,
      added ? { notice: `Added ${added}. We have sent them a link to set their password.` } : {},
    );
  });

  app.post('/admin/users', async (request, reply) => {
    const admin = authorise(request, 'manageUsers');
    const parsed = addUserSchema.safeParse(request.body ?? {});
    if (!parsed.success) throw new ValidationError('Give one email address, name and role');
    const form = parsed.data;
    try {
      const person = await accounts.addUser({
        email: form.email,
        name: form.name,
        role: form.role,
        partnerships: form.partnerships,
      });
      await audit.record(
        { person: admin },
        {
          action: 'user.add',
          target: { type: 'user', id: person.id },
          detail: { email: person.email, role: person.role, partnerships: person.partnerships },
          from: request.ip,
        },
      );
      await accounts.requestReset(person.email, `${services.config.publicUrl}/password-reset`);
      return reply.redirect(`/admin/users?added=${encodeURIComponent(person.email)}`, 303);
    } catch (err) {
      if (!(err instanceof AppError) || err.status >= 500) throw err;
      const field = /partnership/i.test(err.message)
        ? 'partnerships'
        : /role/i.test(err.message)
          ? 'role'
          : 'email';
      return usersPage(reply, { values: form, errors: { [field]: err.message } }, 400);
    }
  });

  app.post('/admin/users/disable', async (request, reply) => {
    const admin = authorise(request, 'manageUsers');
    const email = String((request.body as { email?: unknown } | undefined)?.email ?? '');
    if (email.trim().toLowerCase() === admin.email)
      throw new ForbiddenError('You cannot disable your own account');
    const person = await accounts.disableUser(email);
    await audit.record(
      { person: admin },
      {
        action: 'user.disable',
        target: { type: 'user', id: person.id },
        detail: { email: person.email },
        from: request.ip,
      },
    );
    return reply.redirect('/admin/users', 303);
  });

  app.get('/admin/audit', async (request, reply) => {
    authorise(request, 'readAudit');
    const { q, page, errors } = readAuditQuery(request.query);
    const { total, entries } = await audit.search(q, page, PAGE_SIZE);
    const pages = Math.ceil(total / PAGE_SIZE);
    return reply.page(
      'admin/audit.njk',
      {
        pageTitle: 'Audit log',
        q,
        total,
        entries,
        errors,
        errorList: Object.entries(errors).map(([field, text]) => ({ text, href: `#${field}` })),
        csvHref: `/admin/audit.csv${queryString(q)}`,
        pagination:
          pages > 1
            ? {
                ...(page > 1 ? { previous: { href: `/admin/audit${queryString(q, page - 1)}` } } : {}),
                ...(page < pages ? { next: { href: `/admin/audit${queryString(q, page + 1)}` } } : {}),
              }
            : null,
      },
      Object.keys(errors).length ? 400 : 200,
    );
  });

  app.get('/admin/audit.csv', async (request, reply) => {
    const admin = authorise(request, 'readAudit');
    const { q } = readAuditQuery(request.query);
    // Exporting the log is itself recorded, before the export starts.
    await audit.record({ person: admin }, { action: 'audit.export', detail: { ...q }, from: request.ip });
    return reply
      .header('Content-Type', 'text/csv; charset=utf-8')
      .header('Content-Disposition', 'attachment; filename="audit-log.csv"')
      .send(Readable.from(audit.csv(q)));
  });
}
