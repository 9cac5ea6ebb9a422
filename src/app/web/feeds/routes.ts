import type { FastifyInstance } from 'fastify';
import type { Services } from '../../../services/index.js';
import { formatZodError } from '../../../services/review-metadata.js';
import { ValidationError } from '../../../shared/errors.js';
import { REVIEW_TYPE_LABELS } from '../../labels.js';
import { searchFilter, searchQuerySchema } from '../../shared/search-query.js';
import { atomFeed, entryId } from './atom.js';
import { recordProtectedResults } from '../../shared/audit.js';

const FEED_SIZE = 50;

/**
 * Follow a search, a type or a region: an Atom feed of the newest reviews added that match, so that
 * the field's monthly "case reviews update" happens continuously, in any feed reader.
 */
export function feedPages(app: FastifyInstance, services: Services): void {
  app.get('/feeds/reviews.atom', async (request, reply) => {
    const parsed = searchQuerySchema.safeParse(request.query);
    if (!parsed.success) throw new ValidationError(formatZodError(parsed.error));
    const q = parsed.data;
    const filter = searchFilter(q);
    let ids: string[];
    if (q.q) {
      const found = await services.search.search(
        { q: q.q, filter, view: 'reviews', sort: 'date', page: 1, pageSize: 100 },
        request.access,
      );
      ids = found.results.map((r) => r.id);
    } else {
      ids = (await services.reviews.list(request.access, filter, 1, FEED_SIZE, 'added-desc')).results.map(
        (r) => r.id,
      );
    }
    await recordProtectedResults(services, request, 'feed', ids);
    const details = await Promise.all(ids.map((id) => services.reviews.get(id, request.access)));
    details.sort((a, b) => b.review.created_at.localeCompare(a.review.created_at));
    const base = `${request.protocol}://${request.host}`;
    const query = new URLSearchParams(request.query as Record<string, string>).toString();
    const described = [
      q.q ? `“${q.q}”` : null,
      ...(q.type ?? []).map((t) => REVIEW_TYPE_LABELS[t] ?? t),
      ...(q.region ?? []),
      ...(q.nation ?? []),
    ]
      .filter(Boolean)
      .join(', ');
    const xmlText = atomFeed({
      id: `tag:safeguarding-learning-hub,2026:feed/reviews?${query}`,
      title: `New reviews${described ? `: ${described}` : ''} – Safeguarding Learning Hub`,
      selfUrl: `${base}/feeds/reviews.atom${query ? `?${query}` : ''}`,
      htmlUrl: q.q ? `${base}/search?${query}` : `${base}/reviews${query ? `?${query}` : ''}`,
      updated: details[0]?.review.created_at ?? new Date(0).toISOString(),
      entries: details.slice(0, FEED_SIZE).map((d) => {
        const summarySection = d.sections.find((s) => s.kind === 'executive-summary');
        const first =
          d.passages.find((p) => summarySection && p.section_id === summarySection.id) ??
          d.passages.find((p) => p.text.length > 80);
        const text = first?.text ?? '';
        return {
          id: entryId(d.review.id),
          title: d.review.title,
          url: `${base}/reviews/${d.review.id}`,
          updated: d.review.created_at,
          published:
            d.review.published_on && /^\d{4}-\d{2}-\d{2}$/.test(d.review.published_on)
              ? `${d.review.published_on}T00:00:00Z`
              : null,
          summary: `${REVIEW_TYPE_LABELS[d.review.review_type] ?? d.review.review_type}, ${d.review.publishing_body ?? d.review.nation ?? ''}. ${text.length > 400 ? `${text.slice(0, 397)}...` : text}`,
          category: d.review.review_type,
        };
      }),
    });
    return reply.type('application/atom+xml; charset=utf-8').send(xmlText);
  });
}
