import type { FastifyInstance } from 'fastify';
import type { Services } from '../../../../services/index.js';
import { formatZodError } from '../../../../services/review-metadata.js';
import { ValidationError } from '../../../../shared/errors.js';
import { recordProtectedResults } from '../../../shared/audit.js';
import { searchFilter, searchQuerySchema } from '../../../shared/search-query.js';

export function searchApi(app: FastifyInstance, services: Services): void {
  app.get('/api/v1/search', async (request) => {
    const parsed = searchQuerySchema.safeParse(request.query);
    if (!parsed.success) throw new ValidationError(formatZodError(parsed.error));
    const q = parsed.data;
    const response = await services.search.search(
      { q: q.q, filter: searchFilter(q), view: q.view, sort: q.sort, page: q.page, pageSize: q.pageSize },
      request.access,
    );
    await recordProtectedResults(
      services,
      request,
      'search',
      response.results.map((r) => r.id),
    );
    return response;
  });
}
