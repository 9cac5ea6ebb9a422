import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { viewAt } from '../../../analysis/briefing/view.js';
import {
  AUDIENCE_LABELS,
  DISCIPLINE_LABELS,
  DISCIPLINES,
  PART_LABELS,
  TIERS,
  TIER_LABELS,
} from '../../../analysis/briefing/types.js';
import type { Briefing } from '../../../analysis/briefing/types.js';
import { briefingDocument } from '../../../services/briefings/document.js';
import { exportBriefing } from '../../../services/briefings/export.js';
import { segmentsHtml } from '../../../services/briefings/export-html.js';
import type { KeptBriefing } from '../../../services/briefings/briefing-service.js';
import type { Services } from '../../../services/index.js';
import { can } from '../../../services/policy.js';
import { AppError } from '../../../shared/errors.js';
import { idParam, pathParams, slugParam } from '../../shared/path-params.js';
import { recordProtectedAccess, recordProtectedResults } from '../../shared/audit.js';
import { authorise } from '../../shared/authorise.js';
import { briefingLink, parseBriefingQuery } from '../../../services/briefings/query.js';
import type { BriefingQuery } from '../../../services/briefings/query.js';

const keepForm = z
  .object({
    _csrf: z.string().optional(),
    reviewId: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,64}$/)
      .optional(),
    theme: z
      .string()
      .regex(/^[a-z0-9-]{1,60}$/)
      .optional(),
    region: z.string().max(60).optional(),
    type: z.string().max(30).optional(),
    from: z.string().max(4).optional(),
    to: z.string().max(4).optional(),
  })
  .strict();

/** Sends a briefing as a file when the query asks for a format; otherwise null. */
async function download(reply: FastifyReply, briefing: Briefing, q: BriefingQuery, base: string) {
  if (!q.format) return null;
  const file = await exportBriefing(briefing, q.tier, q.discipline, q.format, base);
  return reply
    .header('content-type', file.contentType)
    .header(
      'content-disposition',
      `${q.format === 'html' ? 'inline' : 'attachment'}; filename="${file.fileName}"`,
    )
    .header('cache-control', 'private, no-store')
    .send(file.body);
}

function pageContext(briefing: Briefing, q: BriefingQuery, path: string) {
  const view = viewAt(briefing, q.tier, q.discipline);
  const doc = briefingDocument(briefing, view);
  return {
    pageTitle: briefing.title,
    briefing,
    doc: {
      ...doc,
      parts: doc.parts.map((p) => ({
        ...p,
        groups: p.groups.map((g) => ({
          ...g,
          items: g.items.map((i) => ({ ...i, html: segmentsHtml(i.segments) })),
        })),
      })),
    },
    tiers: TIERS.map((t) => ({
      value: t,
      label: TIER_LABELS[t],
      href: briefingLink(path, q, { tier: t, format: null }),
      current: t === q.tier,
    })),
    disciplines: DISCIPLINES.map((d) => ({
      value: d,
      text: DISCIPLINE_LABELS[d],
      selected: d === q.discipline,
    })),
    query: q,
    path,
    scope: q.scope,
    downloads: (['pdf', 'docx', 'html', 'json'] as const).map((f) => ({
      format: f,
      href: briefingLink(path, q, { format: f }),
    })),
    easeMet: doc.readability.ease >= 60,
  };
}

/** 7-minute briefings: generated from a review or a theme, and kept, edited and published by editors. */
export function briefingPages(app: FastifyInstance, services: Services): void {
  const { briefings } = services;
  const base = services.config.publicUrl.replace(/\/$/, '');

  app.get('/reviews/:id/briefing', async (request, reply) => {
    const { id } = pathParams(idParam, request.params);
    const q = parseBriefingQuery(request.query);
    const head = await services.reviews.head(id, request.access);
    const briefing = await briefings.forReview(id, request.access);
    await recordProtectedAccess(services.audit, request, 'review.view', id, head, {
      as: 'briefing',
      format: q.format ?? 'page',
    });
    const sent = await download(reply, briefing, q, base);
    if (sent) return sent;
    return reply.page('briefings/briefing.njk', {
      ...pageContext(briefing, q, `/reviews/${id}/briefing`),
      back: { href: `/reviews/${id}`, text: 'Back to the review' },
      keep: can(request.principal, 'editBriefings') ? { reviewId: id } : null,
      csrfToken: reply.csrfToken(),
    });
  });

  app.get('/themes/:slug/briefing', async (request, reply) => {
    const { slug } = pathParams(slugParam, request.params);
    const q = parseBriefingQuery(request.query);
    const briefing = await briefings.forTheme(slug, q.scope, request.access);
    await recordProtectedResults(services, request, 'theme', briefing.reviewIds);
    const sent = await download(reply, briefing, q, base);
    if (sent) return sent;
    return reply.page('briefings/briefing.njk', {
      ...pageContext(briefing, q, `/themes/${slug}/briefing`),
      back: { href: `/themes/${slug}`, text: 'Back to the theme' },
      keep: can(request.principal, 'editBriefings') ? { theme: slug, ...q.scope } : null,
      themeSlug: slug,
      csrfToken: reply.csrfToken(),
    });
  });

  app.get('/briefings', async (request, reply) => {
    const list = await briefings.list(request.principal);
    return reply.page('briefings/list.njk', {
      pageTitle: '7-minute briefings',
      briefings: list,
      editor: can(request.principal, 'editBriefings'),
    });
  });

  app.post('/briefings', async (request, reply) => {
    authorise(request, 'editBriefings');
    const parsed = keepForm.safeParse(request.body ?? {});
    if (!parsed.success || (!parsed.data.reviewId && !parsed.data.theme))
      throw new AppError('invalid_request', 'The form could not be read: name a review or a theme', 400);
    const f = parsed.data;
    const scope = f.reviewId
      ? { reviewId: f.reviewId }
      : {
          theme: f.theme!,
          filter: parseBriefingQuery({ region: f.region, type: f.type, from: f.from, to: f.to }).scope,
        };
    const kept = await briefings.keep(request.principal, scope, request.ip);
    return reply.redirect(`/briefings/${kept.id}/edit`, 303);
  });

  const keptPage = async (
    reply: FastifyReply,
    kept: KeptBriefing,
    q: BriefingQuery,
    notice?: string,
    error?: string,
  ) => {
    const path = `/briefings/${kept.record.id}`;
    return reply.page(
      'briefings/briefing.njk',
      {
        ...pageContext(kept.briefing, q, path),
        back: { href: '/briefings', text: 'All briefings' },
        kept: { ...kept.record, version: kept.version, editable: kept.editable },
        notice,
        errors: error ? [{ text: error }] : [],
        csrfToken: reply.csrfToken(),
      },
      error ? 400 : 200,
    );
  };

  app.get('/briefings/:id', async (request, reply) => {
    const { id } = pathParams(idParam, request.params);
    const { saved, ...rest } = (request.query ?? {}) as Record<string, unknown>;
    const q = parseBriefingQuery(rest);
    const kept = await briefings.kept(id, request.principal, q.version);
    // A draft kept from an unpublished or restricted review carries its words: the view is logged.
    await recordProtectedResults(services, request, 'briefing', kept.briefing.reviewIds);
    const sent = await download(reply, kept.briefing, q, base);
    if (sent) return sent;
    return keptPage(
      reply,
      kept,
      q,
      typeof saved === 'string' ? 'Your changes are saved as a new version.' : undefined,
    );
  });

  app.get('/briefings/:id/history', async (request, reply) => {
    const { id } = pathParams(idParam, request.params);
    const history = await briefings.history(id, request.principal);
    return reply.page('briefings/history.njk', { pageTitle: `History: ${history.record.title}`, ...history });
  });

  const editPage = async (
    reply: FastifyReply,
    kept: KeptBriefing,
    values: Record<string, unknown>,
    errors: string[] = [],
    status = 200,
  ) => {
    const parts = (['background', 'why', 'findings', 'actions', 'questions'] as const).map((part) => ({
      part,
      label: PART_LABELS[part],
      statements: kept.briefing.statements
        .filter((s) => s.part === part)
        .map((s) => ({
          ...s,
          audienceLabel: s.audience ? AUDIENCE_LABELS[s.audience] : null,
          tiersLabel: s.tiers.map((t) => TIER_LABELS[t].split(':')[0]).join(', '),
        })),
    }));
    return reply.page(
      'briefings/edit.njk',
      {
        pageTitle: `Edit: ${kept.briefing.title}`,
        kept: { ...kept.record, version: kept.version },
        briefing: kept.briefing,
        parts,
        values,
        errors: errors.map((text) => ({ text })),
        partOptions: parts.map((p) => ({ value: p.part, text: p.label })),
        audienceOptions: Object.entries(AUDIENCE_LABELS).map(([value, text]) => ({ value, text })),
        csrfToken: reply.csrfToken(),
      },
      status,
    );
  };

  app.get('/briefings/:id/edit', async (request, reply) => {
    authorise(request, 'editBriefings');
    const { id } = pathParams(idParam, request.params);
    const kept = await briefings.kept(id, request.principal);
    return editPage(reply, kept, { title: kept.briefing.title, note: '' });
  });

  app.post('/briefings/:id/edit', async (request, reply) => {
    authorise(request, 'editBriefings');
    const { id } = pathParams(idParam, request.params);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const texts: Record<string, string> = {};
    const remove: string[] = [];
    for (const [k, v] of Object.entries(body)) {
      const t = /^text-([a-z]+-\d{1,4})$/.exec(k);
      if (t && typeof v === 'string') texts[t[1]!] = v;
      const r = /^remove-([a-z]+-\d{1,4})$/.exec(k);
      if (r && v === 'yes') remove.push(r[1]!);
    }
    const add =
      typeof body['addText'] === 'string' && body['addText'].trim()
        ? [{ part: body['addPart'], audience: body['addAudience'] || undefined, text: body['addText'] }]
        : [];
    try {
      const version = await briefings.edit(
        id,
        request.principal,
        { basedOn: body['basedOn'], title: body['title'], note: body['note'], texts, remove, add },
        request.ip,
      );
      return reply.redirect(`/briefings/${id}?saved=${version}`, 303);
    } catch (err) {
      if (!(err instanceof AppError) || err.status !== 400) throw err;
      const kept = await briefings.kept(id, request.principal);
      return editPage(reply, kept, { title: body['title'], note: body['note'] }, [err.message], 400);
    }
  });

  for (const action of ['publish', 'withdraw'] as const)
    app.post(`/briefings/:id/${action}`, async (request, reply) => {
      authorise(request, 'editBriefings');
      const { id } = pathParams(idParam, request.params);
      try {
        await (action === 'publish'
          ? briefings.publish(id, request.principal, request.ip)
          : briefings.withdraw(id, request.principal, request.ip));
      } catch (err) {
        if (!(err instanceof AppError) || err.status !== 400) throw err;
        const kept = await briefings.kept(id, request.principal);
        return keptPage(reply, kept, parseBriefingQuery({}), undefined, err.message);
      }
      return reply.redirect(`/briefings/${id}`, 303);
    });
}
