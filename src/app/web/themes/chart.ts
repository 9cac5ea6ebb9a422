import { csvCell } from '../../../shared/csv.js';

export { csvCell } from '../../../shared/csv.js';
/**
 * Server-rendered SVG charts: no script, readable by screen readers through their title and
 * description, and always shown beside a table of the same figures.
 */
const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export interface Bar {
  label: string;
  /** null: nothing to show for this label (no bar is drawn; the table says why) */
  value: number | null;
}

export interface ChartOptions {
  id: string;
  title: string;
  description: string;
  width?: number;
  height?: number;
  /** how an axis value reads (default: a percentage of a share) */
  format?: (value: number) => string;
  /** the axis reaches at least this far (default 0.05, a 5% share) */
  atLeast?: number;
}

const percent = (t: number) => `${Math.round(t * 100)}%`;

/** A bar chart (of shares 0–1 unless `format` says otherwise) with the year under each bar. */
export function barChart(bars: Bar[], options: ChartOptions): string {
  const width = options.width ?? 640;
  const height = options.height ?? 220;
  const format = options.format ?? percent;
  const margin = { top: 16, right: 8, bottom: 28, left: 40 };
  const plotW = width - margin.left - margin.right;
  const plotH = height - margin.top - margin.bottom;
  const max = Math.max(options.atLeast ?? 0.05, ...bars.map((b) => b.value ?? 0));
  const step = bars.length ? plotW / bars.length : plotW;
  const ticks = [0, max / 2, max];
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="slh-chart" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${options.id}-title ${options.id}-desc">`,
    `<title id="${options.id}-title">${escape(options.title)}</title>`,
    `<desc id="${options.id}-desc">${escape(options.description)}</desc>`,
    ...ticks.map((t) => {
      const y = margin.top + plotH - (t / max) * plotH;
      return `<line x1="${margin.left}" x2="${width - margin.right}" y1="${y.toFixed(1)}" y2="${y.toFixed(1)}" stroke="#b1b4b6" stroke-width="1"/><text x="${margin.left - 4}" y="${(y + 4).toFixed(1)}" text-anchor="end" font-size="11" fill="#0b0c0c">${escape(format(t))}</text>`;
    }),
    ...bars.map((b, i) => {
      const h = ((b.value ?? 0) / max) * plotH;
      const x = margin.left + i * step + step * 0.15;
      const y = margin.top + plotH - h;
      const labelEvery = Math.ceil(bars.length / 12);
      const label =
        i % labelEvery === 0
          ? `<text x="${(x + step * 0.35).toFixed(1)}" y="${height - 10}" text-anchor="middle" font-size="11" fill="#0b0c0c">${escape(b.label)}</text>`
          : '';
      const bar =
        b.value === null
          ? ''
          : `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${(step * 0.7).toFixed(1)}" height="${h.toFixed(1)}" fill="#1d70b8"/>`;
      return `${bar}${label}`;
    }),
    '</svg>',
  ];
  return parts.join('');
}

/** A horizontal bar chart, for labels too long to stand under a bar (types of review). */
export function rowChart(bars: Bar[], options: ChartOptions & { labelWidth?: number }): string {
  const width = options.width ?? 640;
  const format = options.format ?? percent;
  const row = 26;
  const margin = { top: 8, right: 56, bottom: 8, left: options.labelWidth ?? 240 };
  const height = options.height ?? margin.top + margin.bottom + Math.max(1, bars.length) * row;
  const plotW = width - margin.left - margin.right;
  const max = Math.max(options.atLeast ?? 0.05, ...bars.map((b) => b.value ?? 0));
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="slh-chart" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${options.id}-title ${options.id}-desc">`,
    `<title id="${options.id}-title">${escape(options.title)}</title>`,
    `<desc id="${options.id}-desc">${escape(options.description)}</desc>`,
    ...bars.map((b, i) => {
      const y = margin.top + i * row;
      const w = ((b.value ?? 0) / max) * plotW;
      const label = `<text x="${margin.left - 6}" y="${(y + row * 0.6).toFixed(1)}" text-anchor="end" font-size="12" fill="#0b0c0c">${escape(b.label)}</text>`;
      if (b.value === null) return label;
      return `${label}<rect x="${margin.left}" y="${(y + 4).toFixed(1)}" width="${w.toFixed(1)}" height="${row - 8}" fill="#1d70b8"/><text x="${(margin.left + w + 4).toFixed(1)}" y="${(y + row * 0.6).toFixed(1)}" font-size="12" fill="#0b0c0c">${escape(format(b.value))}</text>`;
    }),
    '</svg>',
  ];
  return parts.join('');
}

/** A small line of shares for a table row; decorative, as the row's figures say the same. */
export function sparkline(values: number[], width = 120, height = 24): string {
  if (values.length < 2) return '';
  const max = Math.max(0.0001, ...values);
  const points = values
    .map(
      (v, i) =>
        `${((i / (values.length - 1)) * (width - 2) + 1).toFixed(1)},${(height - 1 - (v / max) * (height - 2)).toFixed(1)}`,
    )
    .join(' ');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" aria-hidden="true" focusable="false"><polyline points="${points}" fill="none" stroke="#1d70b8" stroke-width="2"/></svg>`;
}

export function toCsv(header: string[], rows: unknown[][]): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
