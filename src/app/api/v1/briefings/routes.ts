import type { FastifyInstance } from 'fastify';
import { viewAt } from '../../../../analysis/briefing/view.js';
import type { Briefing } from '../../../../analysis/briefing/types.js';
import { briefingDocument } from '../../../../services/briefings/document.js';
import type { Services } from '../../../../services/index.js';
import { idParam, pathParams, slugParam } from '../../../shared/path-params.js';
import { recordProtectedAccess, recordProtectedResults } from '../../../shared/audit.js';
import { parseBriefingQuery } from '../../../../services/briefings/query.js';
import type { BriefingQuery } from '../../../../services/briefings/query.js';

/**
 * A briefing as JSON: the view at the tier asked for (parts, each point's words with acronyms
 * written out at first use, its citation and why it was chosen) and every statement of the
 * briefing with its tiers, so a client can lay out any tier itself.
 */
export function presentBriefing(briefing: Briefing, q: BriefingQuery, base: string) {
  const view = viewAt(briefing, q.tier, q.discipline);
  const doc = briefingDocument(briefing, view, base);
  return {
    kind: briefing.kind,
    title: briefing.title,
    scope: briefing.scope,
    scopeLine: briefing.scopeLine,
    tier: view.tier,
    discipline: view.discipline,
    readability: doc.readability,
    parts: doc.parts.map((p) => ({
      heading: p.heading,
      groups: p.groups.map((g) => ({
        heading: g.heading,
        items: g.items.map((i) => ({
          id: i.id,
          text: i.plain,
          cite: i.cite,
          origin: i.origin,
          reason: i.reason,
          rewrites: i.rewrites,
          alsoIn: i.alsoIn,
        })),
      })),
    })),
    more: doc.more,
    statements: briefing.statements,
    abbreviations: briefing.abbreviations,
    reviewIds: briefing.reviewIds,
    generatedAt: briefing.generatedAt,
  };
}

export function briefingsApi(app: FastifyInstance, services: Services): void {
  const base = services.config.publicUrl.replace(/\/$/, '');

  app.get('/api/v1/reviews/:id/briefing', async (request) => {
    const { id } = pathParams(idParam, request.params);
    const q = parseBriefingQuery(request.query);
    const head = await services.reviews.head(id, request.access);
    const briefing = await services.briefings.forReview(id, request.access);
    await recordProtectedAccess(services.audit, request, 'review.view', id, head, {
      as: 'briefing',
      format: 'api',
    });
    return presentBriefing(briefing, q, base);
  });

  app.get('/api/v1/themes/:slug/briefing', async (request) => {
    const { slug } = pathParams(slugParam, request.params);
    const q = parseBriefingQuery(request.query);
    const briefing = await services.briefings.forTheme(slug, q.scope, request.access);
    await recordProtectedResults(services, request, 'theme', briefing.reviewIds);
    return presentBriefing(briefing, q, base);
  });

  app.get('/api/v1/briefings', async (request) => {
    const list = await services.briefings.list(request.principal);
    return {
      results: list.map((b) => ({
        id: b.id,
        kind: b.kind,
        title: b.title,
        status: b.status,
        version: b.currentVersion,
        publishedVersion: b.publishedVersion,
        publishedAt: b.publishedAt,
        updatedAt: b.updatedAt,
        url: `${base}/briefings/${b.id}`,
      })),
    };
  });

  app.get('/api/v1/briefings/:id', async (request) => {
    const { id } = pathParams(idParam, request.params);
    const q = parseBriefingQuery(request.query);
    const kept = await services.briefings.kept(id, request.principal, q.version);
    await recordProtectedResults(services, request, 'briefing', kept.briefing.reviewIds);
    return {
      id,
      status: kept.record.status,
      version: kept.version,
      publishedVersion: kept.record.publishedVersion,
      url: `${base}/briefings/${id}`,
      ...presentBriefing(kept.briefing, q, base),
    };
  });
}
