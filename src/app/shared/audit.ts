import type { FastifyRequest } from 'fastify';
import type { AuditService } from '../../services/audit-service.js';
import type { ReviewService } from '../../services/review-service.js';
import { isProtected } from '../../services/policy.js';

/** Records a view or download of a review when it is protected material (restricted, or not published). */
export async function recordProtectedAccess(
  audit: AuditService,
  request: FastifyRequest,
  action: 'review.view' | 'review.download',
  reviewId: string,
  review: { visibility: string; status: string },
  detail: Record<string, unknown> = {},
): Promise<void> {
  if (!isProtected(review)) return;
  await audit.record(request.principal, {
    action,
    target: { type: 'review', id: reviewId },
    detail: { ...detail, visibility: review.visibility, status: review.status },
    from: request.ip,
  });
}

/**
 * Records that protected reviews were shown in a list of results with their text (search snippets, a
 * feed's summaries): one entry naming them, so that every access to restricted material is logged.
 */
export async function recordProtectedResults(
  services: { audit: AuditService; reviews: ReviewService },
  request: FastifyRequest,
  where: 'search' | 'feed' | 'theme' | 'briefing',
  reviewIds: readonly string[],
): Promise<void> {
  const shown = await services.reviews.protectedAmong(reviewIds, request.access);
  if (shown.length === 0) return;
  await services.audit.record(request.principal, {
    action: 'review.search',
    detail: { in: where, reviews: shown },
    from: request.ip,
  });
}
