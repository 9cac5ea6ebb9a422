import type { FastifyInstance, FastifyReply } from 'fastify';
import { REVIEW_TYPES } from '../../../ingestion/metadata.js';
import { ENGLISH_REGIONS, NATIONS } from '../../../ingestion/places.js';
import type { Services } from '../../../services/index.js';
import { TREND_MEASURES } from '../../../services/figures-service.js';
import { REVIEW_TYPE_LABELS } from '../../labels.js';
import {
  MEASURE_INFO,
  figuresFilter,
  parseTrendsQuery,
  trendsPageQuery,
  trendsQueryString,
} from '../../shared/trends-query.js';
import type { TrendsForm } from '../../shared/trends-query.js';
import { presentView, trendsCsv } from './present.js';

function sendCsv(reply: FastifyReply, name: string, csv: string) {
  return reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${name}"`)
    .send(csv);
}

function filterItems(form: TrendsForm) {
  const ticked = (values: readonly string[] | undefined, v: string) => (values ?? []).includes(v);
  return {
    types: REVIEW_TYPES.map((t) => ({
      value: t,
      text: REVIEW_TYPE_LABELS[t] ?? t,
      checked: ticked(form.type, t),
    })),
    nations: NATIONS.map((n) => ({ value: n, text: n, checked: ticked(form.nation, n) })),
    regions: ENGLISH_REGIONS.map((r) => ({ value: r, text: r, checked: ticked(form.region, r) })),
  };
}

/**
 * The readability and language dashboard: medians of each review's stored figures by year and by
 * type of review, as charts with their tables, and as CSV. Only aggregates of reviews the caller may
 * see are shown, and no review's words or title, so (like the themes overview) nothing is audited.
 */
export function languagePages(app: FastifyInstance, services: Services): void {
  app.get('/language', async (request, reply) => {
    const form = parseTrendsQuery(trendsPageQuery, request.query);
    const filter = figuresFilter(form);
    const [byYear, byType] = await Promise.all([
      services.figures.trends(request.access, 'year', filter),
      services.figures.trends(request.access, 'type', filter),
    ]);
    const qs = trendsQueryString(form);
    const suffix = qs ? `?${qs}` : '';
    return reply.page('language/language.njk', {
      pageTitle: 'Readability and language of reviews',
      form,
      filtered: qs !== '',
      ...filterItems(form),
      headers: TREND_MEASURES.map((m) => MEASURE_INFO[m].label),
      reviews: byType.reviews,
      byYear: presentView(byYear),
      byType: presentView(byType),
      yearCsvUrl: `/language/by-year.csv${suffix}`,
      typeCsvUrl: `/language/by-type.csv${suffix}`,
      apiUrl: `/api/v1/language/trends${suffix}`,
    });
  });

  for (const by of ['year', 'type'] as const)
    app.get(`/language/by-${by}.csv`, async (request, reply) => {
      const form = parseTrendsQuery(trendsPageQuery, request.query);
      const trends = await services.figures.trends(request.access, by, figuresFilter(form));
      return sendCsv(reply, `language-by-${by}.csv`, trendsCsv(trends));
    });
}
