import { z } from 'zod';
import { REVIEW_TYPES } from '../../ingestion/metadata.js';
import { ENGLISH_REGIONS, NATIONS } from '../../ingestion/places.js';
import { formatZodError } from '../../services/review-metadata.js';
import type { FiguresFilter, TrendMeasure } from '../../services/figures-service.js';
import { ValidationError } from '../../shared/errors.js';
import { REVIEW_TYPE_LABELS } from '../labels.js';
import { yearsInOrder } from './review-query.js';

/** A parameter given once or repeated; an empty value (a form's blank field) counts as not given. */
function many<T extends string>(values: readonly [T, ...T[]]) {
  return z.preprocess(
    (v) => {
      const list = (Array.isArray(v) ? v : [v]).filter((x) => x !== undefined && x !== '');
      return list.length ? list : undefined;
    },
    z.array(z.enum(values)).max(20, 'at most 20 values').optional(),
  );
}

const YEAR = 'must be a year between 1900 and 2100';
const year = z.preprocess(
  (v) => (v === '' ? undefined : v),
  z.coerce.number({ message: YEAR }).int(YEAR).min(1900, YEAR).max(2100, YEAR).optional(),
);

const filterFields = {
  type: many(REVIEW_TYPES),
  nation: many(NATIONS),
  region: many(ENGLISH_REGIONS),
  from: year,
  to: year,
};

/** The dashboard page's filters (it shows both the yearly and the by-type view). */
export const trendsPageQuery = z
  .object(filterFields)
  .strict()
  .refine(...yearsInOrder);
/** The API's: the same filters and which view. */
export const trendsApiQuery = z
  .object({
    ...filterFields,
    by: z.enum(['year', 'type'], { message: 'must be "year" or "type"' }).default('year'),
  })
  .strict()
  .refine(...yearsInOrder);

export type TrendsForm = z.infer<typeof trendsPageQuery>;

/** Parses the query or answers 400 naming each wrong parameter. */
export function parseTrendsQuery<S extends typeof trendsPageQuery | typeof trendsApiQuery>(
  schema: S,
  query: unknown,
): z.infer<S> {
  const parsed = schema.safeParse(query);
  if (!parsed.success) throw new ValidationError(formatZodError(parsed.error));
  return parsed.data as z.infer<S>;
}

export function figuresFilter(f: TrendsForm): FiguresFilter {
  return {
    ...(f.type ? { types: f.type } : {}),
    ...(f.nation ? { nations: f.nation } : {}),
    ...(f.region ? { regions: f.region } : {}),
    ...(f.from !== undefined ? { yearFrom: f.from } : {}),
    ...(f.to !== undefined ? { yearTo: f.to } : {}),
  };
}

/** The filters as a query string, for links to the CSV files and the API. */
export function trendsQueryString(f: TrendsForm): string {
  const params = new URLSearchParams();
  for (const t of f.type ?? []) params.append('type', t);
  for (const n of f.nation ?? []) params.append('nation', n);
  for (const r of f.region ?? []) params.append('region', r);
  if (f.from !== undefined) params.append('from', String(f.from));
  if (f.to !== undefined) params.append('to', String(f.to));
  return params.toString();
}

/** What each measure is called and how it is shown. */
export const MEASURE_INFO: Record<
  TrendMeasure,
  { label: string; unit: 'score' | 'grade' | 'share' | 'per1000' }
> = {
  fleschReadingEase: { label: 'Reading ease', unit: 'score' },
  fleschKincaidGrade: { label: 'Grade', unit: 'grade' },
  longSentenceShare: { label: 'Long sentences', unit: 'share' },
  passiveShare: { label: 'Passive sentences', unit: 'share' },
  hindsightPer1000Words: { label: 'Hindsight per 1,000 words', unit: 'per1000' },
  blamePer1000Words: { label: 'Blame per 1,000 words', unit: 'per1000' },
  systemsPer1000Words: { label: 'Systems per 1,000 words', unit: 'per1000' },
};

/** A group's name for people: the year, or the review type's name. */
export const groupLabel = (by: 'year' | 'type', key: string) =>
  by === 'type' ? (REVIEW_TYPE_LABELS[key] ?? key) : key;
