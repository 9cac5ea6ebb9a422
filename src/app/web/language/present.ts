import { MEASURE_INFO, groupLabel } from '../../shared/trends-query.js';
import { TREND_MEASURES } from '../../../services/figures-service.js';
import type { LanguageTrends, TrendGroup, TrendMeasure } from '../../../services/figures-service.js';
import { barChart, rowChart, toCsv } from '../themes/chart.js';

/** Short names for chart labels; the table beside each chart gives the full ones. */
const SHORT_TYPE: Record<string, string> = {
  scr: 'SCR',
  cspr: 'CSPR',
  'rapid-review': 'Rapid review',
  sar: 'SAR',
  dhr: 'DHR',
  cpr: 'CPR (Wales)',
  susr: 'SUSR (Wales)',
  'scotland-review': 'Scotland',
  cmr: 'CMR (NI)',
  other: 'Other',
};

/** The measures charted (grade follows reading ease closely, so it is in the tables only). */
const CHARTED: TrendMeasure[] = [
  'fleschReadingEase',
  'longSentenceShare',
  'passiveShare',
  'hindsightPer1000Words',
  'blamePer1000Words',
  'systemsPer1000Words',
];

const CHART_TITLE: Record<TrendMeasure, string> = {
  fleschReadingEase: 'Median Flesch reading ease',
  fleschKincaidGrade: 'Median Flesch–Kincaid grade',
  longSentenceShare: 'Median share of sentences over 25 words',
  passiveShare: 'Median share of passive sentences',
  hindsightPer1000Words: 'Median hindsight sentences per 1,000 words',
  blamePer1000Words: 'Median blame sentences per 1,000 words',
  systemsPer1000Words: 'Median systems sentences per 1,000 words',
};

/** How a figure reads on the page. */
export function formatMeasure(measure: TrendMeasure, value: number | null): string {
  if (value === null) return '–';
  return MEASURE_INFO[measure].unit === 'share' ? `${(value * 100).toFixed(1)}%` : value.toFixed(1);
}

const axisFormat = (measure: TrendMeasure) =>
  MEASURE_INFO[measure].unit === 'share'
    ? (v: number) => `${Math.round(v * 100)}%`
    : (v: number) => (v >= 10 || Number.isInteger(v) ? v.toFixed(0) : v.toFixed(1));

/** A round top for an axis (1, 2, 4, 5 or 10 times a power of ten), so its ticks read easily. */
export function axisTop(max: number): number {
  if (!(max > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  const step = [1, 2, 4, 5, 10].find((s) => s * power >= max - 1e-9) ?? 10;
  return step * power;
}

/** The page's table rows: each group's label, count and formatted medians. */
function tableRows(t: LanguageTrends) {
  const row = (g: TrendGroup, label: string) => ({
    label,
    reviews: g.reviews,
    cells: TREND_MEASURES.map((m) => formatMeasure(m, g.medians[m])),
  });
  return {
    rows: t.groups.map((g) => row(g, groupLabel(t.by, g.key))),
    overall: row(t.overall, 'All'),
  };
}

/** The charts of one view: a bar per year, or a row per type of review. */
function charts(t: LanguageTrends) {
  const withReviews = t.groups.filter((g) => g.reviews > 0);
  const span =
    t.by === 'year'
      ? `reviews published each year from ${t.groups[0]?.key} to ${t.groups[t.groups.length - 1]?.key}`
      : 'each type of review';
  return CHARTED.map((m) => {
    const id = `${t.by}-${m}`;
    const title = `${CHART_TITLE[m]}, ${t.by === 'year' ? 'by year of publication' : 'by type of review'}`;
    const highest = [...withReviews].sort((a, b) => (b.medians[m] ?? 0) - (a.medians[m] ?? 0))[0];
    const lowest = [...withReviews].sort((a, b) => (a.medians[m] ?? 0) - (b.medians[m] ?? 0))[0];
    const description =
      withReviews.length === 0
        ? 'No reviews.'
        : `For ${span}. Highest ${formatMeasure(m, highest?.medians[m] ?? null)} (${groupLabel(t.by, highest?.key ?? '')}), lowest ${formatMeasure(m, lowest?.medians[m] ?? null)} (${groupLabel(t.by, lowest?.key ?? '')}). The table gives every figure.`;
    const top = axisTop(Math.max(0, ...withReviews.map((g) => g.medians[m] ?? 0)));
    const options = { id, title, description, format: axisFormat(m), atLeast: top, width: 420 };
    const svg =
      t.by === 'year'
        ? barChart(
            t.groups.map((g) => ({ label: g.key, value: g.medians[m] })),
            { ...options, height: 200 },
          )
        : rowChart(
            t.groups.map((g) => ({ label: SHORT_TYPE[g.key] ?? g.key, value: g.medians[m] })),
            { ...options, labelWidth: 110 },
          );
    return { id, caption: CHART_TITLE[m], svg };
  });
}

/** Everything the page shows for one view. */
export function presentView(t: LanguageTrends) {
  return { reviews: t.reviews, undated: t.undated, ...tableRows(t), charts: charts(t) };
}

/** The same figures as CSV: unformatted, shares as fractions. */
export function trendsCsv(t: LanguageTrends): string {
  const header = [
    ...(t.by === 'year' ? ['year'] : ['type', 'type name']),
    'reviews',
    ...TREND_MEASURES.map((m) => `median ${MEASURE_INFO[m].label.toLowerCase().replace('1,000', '1000')}`),
  ];
  const rows = t.groups.map((g) => [
    ...(t.by === 'year' ? [g.key] : [g.key, groupLabel('type', g.key)]),
    g.reviews,
    ...TREND_MEASURES.map((m) => g.medians[m] ?? ''),
  ]);
  return toCsv(header, rows);
}
