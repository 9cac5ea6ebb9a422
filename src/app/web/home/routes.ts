import type { FastifyInstance } from 'fastify';
import { PUBLIC_ACCESS } from '../../../services/review-service.js';
import type { Services } from '../../../services/index.js';

export function homePages(app: FastifyInstance, services: Services): void {
  app.get('/', async (_request, reply) => {
    const [recent, total, child, adult] = await Promise.all([
      services.reviews.list(PUBLIC_ACCESS, {}, 1, 6, 'added-desc'),
      services.reviews.count(PUBLIC_ACCESS),
      services.reviews.list(PUBLIC_ACCESS, { subjects: ['child'] }, 1, 1),
      services.reviews.list(PUBLIC_ACCESS, { subjects: ['adult'] }, 1, 1),
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
