import { z } from 'zod';
import type { ReviewFilter } from '../../repositories/reviews-repository.js';
import { REVIEW_TYPES } from '../../ingestion/metadata.js';
import { ENGLISH_REGIONS, NATIONS } from '../../ingestion/places.js';
import { AGE_BANDS } from '../../services/review-metadata.js';

/** A query parameter that may be given once or repeated (?type=scr&type=cspr). */
function many<T extends string>(values: readonly [T, ...T[]]) {
  return z.preprocess(
    (v) => (v === undefined ? undefined : Array.isArray(v) ? v : [v]),
    z.array(z.enum(values)).optional(),
  );
}

/** A free-text value that may be repeated (?agency=police&agency=housing). */
const manyText = z.preprocess(
  (v) => (v === undefined ? undefined : Array.isArray(v) ? v : [v]),
  z
    .array(z.string().trim().min(1).max(100, 'must be 100 characters or fewer'))
    .max(20, 'at most 20 values')
    .optional(),
);

/** The filters lists and searches share. */
export const filterFields = {
  type: many(REVIEW_TYPES),
  nation: many(NATIONS),
  region: many(ENGLISH_REGIONS),
  subject: many(['child', 'adult'] as const),
  age: many(AGE_BANDS),
  area: manyText,
  agency: manyText,
  theme: z.preprocess(
    (v) => (v === undefined ? undefined : Array.isArray(v) ? v : [v]),
    z
      .array(z.string().regex(/^[a-z0-9-]{1,60}$/, 'must be a theme slug such as domestic-abuse'))
      .max(20, 'at most 20 values')
      .optional(),
  ),
  from: z.coerce.number().int().min(1900).max(2100).optional(),
  to: z.coerce.number().int().min(1900).max(2100).optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
};

/** The names of those filters as URL parameters. */
export const FILTER_PARAMS: readonly string[] = Object.keys(filterFields);

export const yearsInOrder: [
  (q: { from?: number | undefined; to?: number | undefined }) => boolean,
  { message: string; path: string[] },
] = [
  (q) => q.from === undefined || q.to === undefined || q.from <= q.to,
  { message: '"from" must not be after "to"', path: ['from'] },
];

export const listQuerySchema = z
  .object({
    ...filterFields,
    q: z.string().trim().max(200, 'must be 200 characters or fewer').optional(),
    sort: z.enum(['published-desc', 'published-asc', 'title', 'added-desc']).default('published-desc'),
  })
  .strict()
  .refine(...yearsInOrder);

export type ListQuery = z.infer<typeof listQuerySchema>;

/** The filters lists and searches share, as the repository wants them. */
export function sharedFilter(
  q: Pick<
    ListQuery,
    'type' | 'nation' | 'region' | 'subject' | 'age' | 'area' | 'agency' | 'theme' | 'from' | 'to'
  >,
): ReviewFilter {
  return {
    ...(q.type ? { types: q.type } : {}),
    ...(q.nation ? { nations: q.nation } : {}),
    ...(q.region ? { regions: q.region } : {}),
    ...(q.subject ? { subjects: q.subject } : {}),
    ...(q.age ? { ageBands: q.age } : {}),
    ...(q.area ? { areas: q.area } : {}),
    ...(q.agency ? { agencies: q.agency } : {}),
    ...(q.theme ? { themes: q.theme } : {}),
    ...(q.from !== undefined ? { yearFrom: q.from } : {}),
    ...(q.to !== undefined ? { yearTo: q.to } : {}),
  };
}

/** The repository filter a list query asks for: the shared filters and words in titles and places. */
export function filterFrom(q: ListQuery): ReviewFilter {
  return { ...(q.q ? { text: q.q } : {}), ...sharedFilter(q) };
}

export const idParamsSchema = z.object({ id: z.string().regex(/^[a-z0-9]{4,40}$/, 'not a review id') });
