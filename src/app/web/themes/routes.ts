import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { REVIEW_TYPES } from '../../../ingestion/metadata.js';
import { ENGLISH_REGIONS } from '../../../ingestion/places.js';
import type { Services } from '../../../services/index.js';
import { formatZodError } from '../../../services/review-metadata.js';
import { NotFoundError, ValidationError } from '../../../shared/errors.js';
import { REVIEW_TYPE_LABELS } from '../../labels.js';
import { recordProtectedResults } from '../../shared/audit.js';
import { can } from '../../../services/policy.js';
import { barChart, sparkline, toCsv } from './chart.js';

function many<T extends string>(values: readonly [T, ...T[]]) {
  return z.preprocess(
    (v) => (v === undefined || v === '' ? undefined : Array.isArray(v) ? v : [v]),
    z.array(z.enum(values)).optional(),
  );
}

const filterSchema = z.object({ region: many(ENGLISH_REGIONS), type: many(REVIEW_TYPES) }).strict();
const slugSchema = z.object({ slug: z.string().regex(/^[a-z0-9-]{1,60}$/) });

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const TREND_TEXT: Record<string, string> = {
  rising: 'Rising',
  falling: 'Falling',
  steady: 'No clear change',
  'too little data': 'Too few reviews to tell',
};

function trendSummary(t: { direction: string; rateRatio: number; p: number }): string {
  if (t.direction === 'too little data') return TREND_TEXT[t.direction] ?? '';
  const change = `${t.rateRatio >= 1 ? '+' : '−'}${Math.abs((t.rateRatio - 1) * 100).toFixed(0)}% a year`;
  return `${TREND_TEXT[t.direction] ?? t.direction} (${change}, p ${t.p < 0.001 ? '< 0.001' : `= ${t.p.toFixed(3)}`})`;
}

function parseFilter(query: unknown) {
  const parsed = filterSchema.safeParse(query);
  if (!parsed.success) throw new ValidationError(formatZodError(parsed.error));
  const f = parsed.data;
  return {
    form: f,
    filter: { ...(f.region ? { regions: f.region } : {}), ...(f.type ? { types: f.type } : {}) },
  };
}

function queryString(form: { region?: string[] | undefined; type?: string[] | undefined }): string {
  const params = new URLSearchParams();
  for (const r of form.region ?? []) params.append('region', r);
  for (const t of form.type ?? []) params.append('type', t);
  const s = params.toString();
  return s ? `?${s}` : '';
}

function sendCsv(reply: FastifyReply, name: string, csv: string) {
  return reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${name}"`)
    .send(csv);
}

/** Themes index and theme pages: prevalence over time and by region, trend tests, the reviews behind them. */
export function themePages(app: FastifyInstance, services: Services): void {
  const filterItems = (form: { region?: string[] | undefined; type?: string[] | undefined }) => ({
    regions: ENGLISH_REGIONS.map((r) => ({ value: r, text: r, checked: (form.region ?? []).includes(r) })),
    types: REVIEW_TYPES.map((t) => ({
      value: t,
      text: REVIEW_TYPE_LABELS[t] ?? t,
      checked: (form.type ?? []).includes(t),
    })),
  });

  app.get('/themes.csv', async (request, reply) => {
    const { filter } = parseFilter(request.query);
    const o = await services.themes.overview(request.access, filter);
    const rows = o.themes.map((t) => [
      t.theme.slug,
      t.theme.label,
      t.theme.group,
      t.coded,
      t.confirmed,
      ...t.series.map((s) => s.count),
      t.trend.direction,
      t.trend.rateRatio.toFixed(4),
      t.trend.p.toFixed(4),
    ]);
    return sendCsv(
      reply,
      'themes.csv',
      toCsv(
        [
          'slug',
          'label',
          'group',
          'reviews coded',
          'confirmed',
          ...o.years.map(String),
          'trend',
          'yearly rate ratio',
          'p',
        ],
        rows,
      ),
    );
  });

  app.get('/themes', async (request, reply) => {
    const { form, filter } = parseFilter(request.query);
    const o = await services.themes.overview(request.access, filter);
    const rows = o.themes.map((t) => ({
      slug: t.theme.slug,
      label: t.theme.label,
      group: t.theme.group,
      coded: t.coded,
      confirmed: t.confirmed,
      share: o.reviews ? pct(t.coded / o.reviews) : '–',
      spark: sparkline(t.series.map((s) => (s.total ? s.count / s.total : 0))),
      trend: trendSummary(t.trend),
      direction: t.trend.direction,
    }));
    return reply.page('themes/themes.njk', {
      pageTitle: 'Key themes',
      canEdit: can(request.principal, 'codeThemes'),
      form,
      ...filterItems(form),
      reviews: o.reviews,
      years: o.years,
      harm: rows.filter((r) => r.group === 'harm'),
      protection: rows.filter((r) => r.group === 'protection'),
      rising: rows.filter((r) => r.direction === 'rising'),
      csvUrl: `/themes.csv${queryString(form)}`,
    });
  });

  app.get('/themes/emerging', async (request, reply) => {
    const [e, o] = await Promise.all([
      services.themes.emerging(request.access),
      services.themes.overview(request.access),
    ]);
    const moving = o.themes.filter((t) => t.trend.direction === 'rising' || t.trend.direction === 'falling');
    return reply.page('themes/emerging.njk', {
      pageTitle: 'Emerging themes and terms',
      e,
      rising: moving
        .filter((t) => t.trend.direction === 'rising')
        .map((t) => ({
          slug: t.theme.slug,
          label: t.theme.label,
          trend: trendSummary(t.trend),
          coded: t.coded,
        })),
      falling: moving
        .filter((t) => t.trend.direction === 'falling')
        .map((t) => ({
          slug: t.theme.slug,
          label: t.theme.label,
          trend: trendSummary(t.trend),
          coded: t.coded,
        })),
      terms: e.terms.map((t) => ({
        ...t,
        recentShare: pct(t.recentShare),
        earlierShare: pct(t.earlierShare),
        ratio: t.ratio.toFixed(1),
        z: t.z.toFixed(2),
        p: t.p < 0.001 ? '< 0.001' : t.p.toFixed(3),
      })),
    });
  });

  app.get('/themes/emerging.csv', async (request, reply) => {
    const e = await services.themes.emerging(request.access);
    return sendCsv(
      reply,
      'emerging-terms.csv',
      toCsv(
        [
          'term',
          `reviews ${e.recentFrom}-${e.recentTo}`,
          'recent share',
          'reviews before',
          'earlier share',
          'ratio',
          'z',
          'p',
        ],
        e.terms.map((t) => [
          t.term,
          t.recentReviews,
          t.recentShare.toFixed(4),
          t.earlierReviews,
          t.earlierShare.toFixed(4),
          t.ratio.toFixed(2),
          t.z.toFixed(3),
          t.p.toFixed(5),
        ]),
      ),
    );
  });

  app.get('/themes/:slug/data.csv', async (request, reply) => {
    const params = slugSchema.safeParse(request.params);
    if (!params.success) throw new NotFoundError();
    const { filter } = parseFilter(request.query);
    const d = await services.themes.detail(request.access, params.data.slug, filter);
    return sendCsv(
      reply,
      `${d.theme.slug}.csv`,
      toCsv(
        ['year', 'reviews published', `reviews coded ${d.theme.slug}`, 'share'],
        d.series.map((s) => [s.year, s.total, s.count, s.total ? (s.count / s.total).toFixed(4) : '']),
      ),
    );
  });

  app.get('/themes/:slug', async (request, reply) => {
    const params = slugSchema.safeParse(request.params);
    if (!params.success) throw new NotFoundError();
    const { form, filter } = parseFilter(request.query);
    const d = await services.themes.detail(request.access, params.data.slug, filter);
    await recordProtectedResults(
      services,
      request,
      'theme',
      d.reviews.map((r) => r.id),
    );
    const first = d.series.find((s) => s.total > 0)?.year;
    const last = [...d.series].reverse().find((s) => s.total > 0)?.year;
    return reply.page('themes/theme.njk', {
      pageTitle: d.theme.label,
      canEdit: can(request.principal, 'codeThemes'),
      form,
      ...filterItems(form),
      theme: d.theme,
      coded: d.coded,
      confirmed: d.confirmed,
      trend: {
        ...d.trend,
        summary: trendSummary(d.trend),
        rateRatio: d.trend.rateRatio.toFixed(3),
        se: Number.isFinite(d.trend.standardError) ? d.trend.standardError.toFixed(4) : '–',
        z: d.trend.z.toFixed(2),
        p: d.trend.p < 0.001 ? '< 0.001' : d.trend.p.toFixed(3),
      },
      chart: barChart(
        d.series.map((s) => ({ label: String(s.year), value: s.total ? s.count / s.total : 0 })),
        {
          id: 'trend-chart',
          title: `Share of reviews coded “${d.theme.label}”, by year of publication`,
          description:
            first !== undefined
              ? `From ${first} to ${last}. ${trendSummary(d.trend)}. The table below gives the figures.`
              : 'No reviews yet.',
        },
      ),
      series: d.series.map((s) => ({ ...s, share: s.total ? pct(s.count / s.total) : '–' })),
      regions: d.regions.map((r) => ({ ...r, share: pct(r.share) })),
      related: d.related.map((r) => ({ ...r, lift: r.lift.toFixed(2) })),
      reviews: d.reviews.map((r) => ({
        ...r,
        passage: r.evidence[0] ?? null,
        suggested: r.status === 'suggested',
      })),
      csvUrl: `/themes/${d.theme.slug}/data.csv${queryString(form)}`,
    });
  });
}
