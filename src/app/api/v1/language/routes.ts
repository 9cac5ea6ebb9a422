import type { FastifyInstance } from 'fastify';
import type { Services } from '../../../../services/index.js';
import { TREND_MEASURES } from '../../../../services/figures-service.js';
import type { TrendGroup } from '../../../../services/figures-service.js';
import {
  MEASURE_INFO,
  figuresFilter,
  groupLabel,
  parseTrendsQuery,
  trendsApiQuery,
} from '../../../shared/trends-query.js';

/** The dashboard's figures as JSON: medians of each review's stored figures by year or by type. */
export function languageApi(app: FastifyInstance, services: Services): void {
  app.get('/api/v1/language/trends', async (request) => {
    const { by, ...form } = parseTrendsQuery(trendsApiQuery, request.query);
    const t = await services.figures.trends(request.access, by, figuresFilter(form));
    const present = (g: TrendGroup, label: string) => ({
      key: g.key,
      label,
      reviews: g.reviews,
      medians: g.medians,
    });
    return {
      by: t.by,
      reviews: t.reviews,
      undated: t.undated,
      measures: TREND_MEASURES.map((m) => ({ key: m, ...MEASURE_INFO[m] })),
      groups: t.groups.map((g) => present(g, groupLabel(by, g.key))),
      overall: present(t.overall, 'All'),
    };
  });
}
