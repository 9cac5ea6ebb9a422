import type { FastifyInstance } from 'fastify';
import { easeBand } from '../../../analysis/readability/readability.js';
import type { Readability } from '../../../analysis/readability/readability.js';
import type { ReviewDetail } from '../../../repositories/reviews-repository.js';
import type { Services } from '../../../services/index.js';
import { languageOf, readabilityOf } from '../../../services/review-service.js';
import { recordProtectedAccess } from '../../shared/audit.js';
import { can } from '../../../services/policy.js';
import { NotFoundError } from '../../../shared/errors.js';
import { presentReview } from '../../api/v1/reviews/presenter.js';
import { FILTER_PARAMS, filterFrom, idParamsSchema, listQuerySchema } from '../../shared/review-query.js';
import type { ListQuery } from '../../shared/review-query.js';
import { activeFilters, filterItems, listUrl, pagination } from './list.js';

/** The query parameters the page reads; anything else in the URL is ignored. */
const KNOWN = new Set([...FILTER_PARAMS, 'q', 'sort']);
const FIELD_LABEL: Record<string, string> = {
  from: 'From year',
  to: 'To year',
  q: 'Words',
  page: 'Page',
  pageSize: 'Results per page',
  sort: 'Sort',
};

/**
 * Reads the list filters from the URL. A bad value is reported with the GOV.UK error summary and
 * left out, so the page still shows results rather than failing.
 */
function readListQuery(raw: Record<string, unknown>): {
  query: ListQuery;
  errors: Array<{ text: string; href: string; field: string }>;
} {
  const input: Record<string, unknown> = Object.fromEntries(
    Object.entries(raw).filter(([k, v]) => KNOWN.has(k) && v !== ''),
  );
  const errors: Array<{ text: string; href: string; field: string }> = [];
  for (let attempt = 0; attempt < 5; attempt++) {
    const parsed = listQuerySchema.safeParse(input);
    if (parsed.success) return { query: parsed.data, errors };
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? 'from');
      const label = FIELD_LABEL[field] ?? field;
      const text =
        field === 'from' || field === 'to'
          ? `${label} must be a year between 1900 and 2100, with "From" not after "To"`
          : `${label}: ${issue.message}`;
      if (!errors.some((e) => e.field === field)) errors.push({ text, href: `#${field}`, field });
      delete input[field];
      if (field === 'from') delete input['to'];
    }
  }
  return { query: listQuerySchema.parse({}), errors };
}

function safeDownloadType(mediaType: string): string {
  // Only formats that cannot run script in a browser keep their type; everything else is bytes.
  if (mediaType === 'application/pdf') return 'application/pdf';
  if (mediaType.includes('wordprocessingml')) return mediaType;
  if (mediaType === 'text/plain' || mediaType === 'text/markdown') return 'text/plain; charset=utf-8';
  return 'application/octet-stream';
}

function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** A review's readability as the page shows it: percentages and plain words for the scores. */
function readabilityView(detail: ReviewDetail) {
  const r = readabilityOf(detail);
  const show = (x: Readability) => ({
    ...x,
    band: easeBand(x.fleschReadingEase),
    longPercent: Math.round(x.longSentenceShare * 100),
    passivePercent: Math.round(x.passiveShare * 100),
  });
  return { review: show(r.review), sections: r.sections.map((s) => ({ ...show(s), heading: s.heading })) };
}

export function reviewPages(app: FastifyInstance, services: Services): void {
  app.get('/reviews', async (request, reply) => {
    const { query, errors } = readListQuery(request.query as Record<string, unknown>);
    const page = await services.reviews.list(
      request.access,
      filterFrom(query),
      query.page,
      query.pageSize,
      query.sort,
    );
    const errorFor = (field: string) => errors.find((e) => e.field === field)?.text;
    return reply.page('reviews/list.njk', {
      pageTitle: query.q ? `Reviews matching “${query.q}”` : 'Reviews',
      errorList: errors.map(({ text, href }) => ({ text, href })),
      fromError: errorFor('from'),
      toError: errorFor('to'),
      query,
      raw: request.query,
      results: page.results,
      total: page.total,
      firstShown: page.total === 0 ? 0 : (query.page - 1) * query.pageSize + 1,
      lastShown: Math.min(page.total, query.page * query.pageSize),
      pagination: pagination(query, page.total),
      filters: filterItems(query),
      active: activeFilters(query),
      clearHref: listUrl({ q: query.q }),
    });
  });

  app.get('/reviews/:id', async (request, reply) => {
    const params = idParamsSchema.safeParse(request.params);
    if (!params.success) throw new NotFoundError();
    // Not visible to this caller, or missing: the same plain 404 either way.
    const head = await services.reviews.head(params.data.id, request.access);
    await recordProtectedAccess(services.audit, request, 'review.view', params.data.id, head);
    // Both depend on the kind of viewer only, which the page cache keys on.
    const canManage = can(request.principal, 'manageReview', { partnershipId: head.partnershipId });
    const withheld = head.originalWithheld && !canManage;
    // Cached per library version and kind of viewer (the cache adds who is asking to the key).
    const version = await services.reviews.version();
    return reply.cachedPage(`review:${params.data.id}`, version, 'reviews/show.njk', async () => {
      const detail = await services.reviews.get(params.data.id, request.access);
      const review = presentReview(detail);
      const similar = await services.search.similar(review.id, request.access);
      const labels = new Map((await services.themes.themes()).map((t) => [t.slug, t.label]));
      const themes = (await services.themes.codesFor(review.id))
        .filter((c) => c.status !== 'rejected')
        .map((c) => ({
          ...c,
          label: labels.get(c.slug) ?? c.slug,
          suggested: c.status === 'suggested',
          statusText:
            c.status === 'suggested'
              ? 'Suggested'
              : c.status === 'added'
                ? 'Added by an analyst'
                : 'Confirmed',
          confidence: c.confidence === null ? null : Math.round(c.confidence * 100),
        }));
      // The executive summary comes first, as readers expect; other sections keep the report's order.
      // Paragraph anchors must be unique: a number used twice (a list restarting at 1) anchors only once.
      const usedAnchors = new Set<string>();
      const anchorFor = (p: { id: number; paragraph: string | null }) => {
        const wanted = p.paragraph ? `para-${p.paragraph}` : null;
        if (wanted && !usedAnchors.has(wanted)) {
          usedAnchors.add(wanted);
          return wanted;
        }
        return `passage-${p.id}`;
      };
      // List items that are recommendations keep the number the report gave them.
      const recommendationNumber = new Map(
        review.recommendations.map((r) => [`${r.sectionId}:${r.text}`, r.number]),
      );
      const sections = review.sections.map((s) => {
        const blocks: Array<
          | { kind: 'paragraph'; passage: (typeof review.passages)[number] & { anchor: string } }
          | {
              kind: 'list';
              ordered: boolean;
              items: Array<(typeof review.passages)[number] & { anchor: string; number: string | null }>;
            }
        > = [];
        for (const p of review.passages.filter((x) => x.sectionId === s.id)) {
          const anchor = anchorFor(p);
          if (p.kind !== 'list-item') {
            blocks.push({ kind: 'paragraph', passage: { ...p, anchor } });
            continue;
          }
          const number = p.paragraph ?? recommendationNumber.get(`${s.id}:${p.text}`) ?? null;
          const last = blocks[blocks.length - 1];
          const ordered = number !== null && /^\d+$/.test(number);
          if (last && last.kind === 'list' && last.ordered === ordered)
            last.items.push({ ...p, anchor, number });
          else blocks.push({ kind: 'list', ordered, items: [{ ...p, anchor, number }] });
        }
        return { ...s, blocks };
      });
      const summaryFirst = [
        ...sections.filter((s) => s.kind === 'front-matter'),
        ...sections.filter((s) => s.kind === 'executive-summary'),
        ...sections.filter((s) => s.kind !== 'executive-summary' && s.kind !== 'front-matter'),
      ];
      // Formats number their headings differently (a Word title is h1, a web page's sections h2):
      // the report's own top level becomes the page's h2, everything deeper h3.
      const topLevel = Math.min(
        ...summaryFirst.filter((s) => s.kind !== 'front-matter').map((s) => s.level),
        9,
      );
      const guessed = Object.entries(review.provenance).filter(([, v]) => v.startsWith('guessed'));
      // Where the report has its own recommendations section holding the items, that is where
      // "Recommendations" leads; otherwise (items found elsewhere) the page lists them at the end.
      const recommendationSectionIds = new Set(review.recommendations.map((r) => r.sectionId));
      const recommendationsSectionId =
        summaryFirst.find((s) => s.kind === 'recommendations' && recommendationSectionIds.has(s.id))?.id ??
        null;
      return {
        pageTitle: review.title,
        review,
        themes,
        sections: summaryFirst
          .filter((s) => s.blocks.length > 0 || s.level <= topLevel)
          .map((s) => ({ ...s, top: s.level <= topLevel })),
        guessed,
        recommendationsSectionId,
        similar,
        readability: readabilityView(detail),
        language: languageOf(detail),
        canManage,
        canCodeThemes: can(request.principal, 'codeThemes'),
        originalWithheld: withheld,
      };
    });
  });

  app.get('/reviews/:id/documents/:documentId', async (request, reply) => {
    const { id, documentId } = request.params as { id: string; documentId: string };
    const params = idParamsSchema.safeParse({ id });
    if (!params.success || !/^[a-z0-9]{4,40}$/.test(documentId)) throw new NotFoundError();
    const detail = await services.reviews.get(params.data.id, request.access);
    const document = detail.documents.find((d) => d.id === documentId && d.withdrawn_at === null);
    if (!document) throw new NotFoundError();
    // Published with redactions: the original still holds what was redacted.
    if (
      detail.review.original_withheld === 1 &&
      !can(request.principal, 'manageReview', { partnershipId: detail.review.partnership_id })
    )
      throw new NotFoundError();
    await recordProtectedAccess(services.audit, request, 'review.download', params.data.id, detail.review, {
      document: document.id,
    });
    // A file removed a moment ago (retention) is gone, not an error.
    const bytes = await services.files.get(document.storage_key).catch((err: unknown) => {
      if ((err as { code?: string }).code === 'ENOENT') throw new NotFoundError();
      throw err;
    });
    return reply
      .header('Content-Type', safeDownloadType(document.media_type))
      .header('Content-Disposition', contentDisposition(document.file_name))
      .header('X-Content-Type-Options', 'nosniff')
      .header('Content-Security-Policy', "default-src 'none'; sandbox")
      .send(bytes);
  });
}
