import type { FastifyInstance } from 'fastify';
import type { Services } from '../../../../services/index.js';
import { formatZodError } from '../../../../services/review-metadata.js';
import { ValidationError } from '../../../../shared/errors.js';
import { presentReview } from './presenter.js';
import { recordProtectedAccess } from '../../../shared/audit.js';
import { filterFrom, idParamsSchema, listQuerySchema } from '../../../shared/review-query.js';

export function reviewsApi(app: FastifyInstance, services: Services): void {
  app.get('/api/v1/reviews', async (request) => {
    const parsed = listQuerySchema.safeParse(request.query);
    if (!parsed.success) throw new ValidationError(formatZodError(parsed.error));
    const q = parsed.data;
    return services.reviews.list(request.access, filterFrom(q), q.page, q.pageSize, q.sort);
  });

  app.get('/api/v1/reviews/:id', async (request) => {
    const params = idParamsSchema.safeParse(request.params);
    if (!params.success) throw new ValidationError(formatZodError(params.error));
    const detail = await services.reviews.get(params.data.id, request.access);
    await recordProtectedAccess(services.audit, request, 'review.view', params.data.id, detail.review, {
      via: 'api',
    });
    return presentReview(detail);
  });

  app.get('/api/v1/reviews/:id/readability', async (request) => {
    const params = idParamsSchema.safeParse(request.params);
    if (!params.success) throw new ValidationError(formatZodError(params.error));
    return services.reviews.readability(params.data.id, request.access);
  });

  app.get('/api/v1/reviews/:id/language', async (request) => {
    const params = idParamsSchema.safeParse(request.params);
    if (!params.success) throw new ValidationError(formatZodError(params.error));
    const detail = await services.reviews.head(params.data.id, request.access);
    // The flagged sentences are the review's own words.
    await recordProtectedAccess(services.audit, request, 'review.view', params.data.id, detail, {
      via: 'api',
    });
    return services.reviews.language(params.data.id, request.access);
  });

  app.get('/api/v1/reviews/:id/similar', async (request) => {
    const params = idParamsSchema.safeParse(request.params);
    if (!params.success) throw new ValidationError(formatZodError(params.error));
    await services.reviews.head(params.data.id, request.access);
    return { results: await services.search.similar(params.data.id, request.access, 10) };
  });
}
