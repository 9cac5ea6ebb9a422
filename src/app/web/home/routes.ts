import type { FastifyInstance } from 'fastify';
import type { Services } from '../../../services/index.js';

export function homePages(app: FastifyInstance, services: Services): void {
  app.get('/', async (request, reply) => {
    const [recent, total, child, adult] = await Promise.all([
      services.reviews.list(request.access, {}, 1, 6, 'added-desc'),
      services.reviews.count(request.access),
      services.reviews.list(request.access, { subjects: ['child'] }, 1, 1),
      services.reviews.list(request.access, { subjects: ['adult'] }, 1, 1),
    ]);
    return reply.page('home/home.njk', {
      pageTitle: 'Learn from safeguarding case reviews',
      recent: recent.results,
      total,
      childTotal: child.total,
      adultTotal: adult.total,
      uploadsEnabled: services.config.uploadsEnabled,
    });
  });
}
