import { z } from 'zod';
import { DISCIPLINES, TIERS } from '../../analysis/briefing/types.js';
import type { Discipline, Tier } from '../../analysis/briefing/types.js';
import { REVIEW_TYPES } from '../../ingestion/metadata.js';
import { ENGLISH_REGIONS } from '../../ingestion/places.js';
import { formatZodError } from '../review-metadata.js';
import { FORMATS } from './export.js';
import type { Format } from './export.js';
import { ValidationError } from '../../shared/errors.js';

const year = z.coerce.number().int().min(1970, 'Years start at 1970').max(2100, 'Years end at 2100');
const blank = (v: unknown) => (v === '' ? undefined : v);

/** The query of a briefing page, download or API call: which tier, discipline and format, and a theme briefing's scope. */
export const briefingQuery = z
  .object({
    tier: z.preprocess(blank, z.enum(TIERS).default('universal')),
    discipline: z.preprocess(blank, z.enum(DISCIPLINES).optional()),
    format: z.preprocess(blank, z.enum(FORMATS).optional()),
    region: z.preprocess(blank, z.enum(ENGLISH_REGIONS).optional()),
    type: z.preprocess(blank, z.enum(REVIEW_TYPES).optional()),
    from: z.preprocess(blank, year.optional()),
    to: z.preprocess(blank, year.optional()),
    version: z.preprocess(blank, z.coerce.number().int().min(1).max(100000).optional()),
  })
  .strict()
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, {
    message: 'The first year must not be after the last',
  });

export interface BriefingQuery {
  tier: Tier;
  discipline: Discipline | null;
  format: Format | undefined;
  scope: { region?: string; type?: string; from?: number; to?: number };
  version: number | undefined;
}

export function parseBriefingQuery(query: unknown): BriefingQuery {
  const parsed = briefingQuery.safeParse(query ?? {});
  if (!parsed.success) throw new ValidationError(formatZodError(parsed.error));
  const q = parsed.data;
  return {
    tier: q.tier,
    // A discipline means the targeted tier; the targeted tier without one shows what every discipline shares.
    discipline: q.discipline ?? null,
    format: q.format,
    scope: {
      ...(q.region ? { region: q.region } : {}),
      ...(q.type ? { type: q.type } : {}),
      ...(q.from !== undefined ? { from: q.from } : {}),
      ...(q.to !== undefined ? { to: q.to } : {}),
    },
    version: q.version,
  };
}

/** The query string of a briefing address at another tier or in another format. */
export function briefingLink(
  path: string,
  q: BriefingQuery,
  change: { tier?: Tier; format?: Format | null; discipline?: Discipline | null },
): string {
  const params = new URLSearchParams();
  const tier = change.tier ?? q.tier;
  params.set('tier', tier);
  const discipline = change.discipline === undefined ? q.discipline : change.discipline;
  if (discipline && tier === 'targeted') params.set('discipline', discipline);
  for (const [k, v] of Object.entries(q.scope)) params.set(k, String(v));
  if (q.version !== undefined) params.set('version', String(q.version));
  const format = change.format === undefined ? undefined : change.format;
  if (format) params.set('format', format);
  return `${path}?${params.toString()}`;
}
