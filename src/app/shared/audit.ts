import type { FastifyRequest } from 'fastify';
import type { AuditService } from '../../services/audit-service.js';
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
