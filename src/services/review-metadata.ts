import { z } from 'zod';
import { REVIEW_TYPES } from '../ingestion/metadata.js';
import { ENGLISH_REGIONS, NATIONS } from '../ingestion/places.js';

export const AGE_BANDS = ['under-1', '1-4', '5-11', '12-17', '18-24', '25-64', '65+'] as const;
export const VISIBILITIES = ['public', 'registered', 'restricted'] as const;
export const STATUSES = ['draft', 'published', 'withdrawn'] as const;

function oneOf<T extends string>(values: readonly T[], what: string) {
  return z
    .string()
    .trim()
    .transform((v, ctx) => {
      const match = values.find((x) => x.toLowerCase() === v.toLowerCase());
      if (!match) {
        ctx.addIssue({
          code: 'custom',
          message: `"${v}" is not a known ${what}; use one of: ${values.join(', ')}`,
        });
        return z.NEVER;
      }
      return match;
    });
}

const year = z.coerce.number().int().min(1950, 'must be 1950 or later').max(2100, 'must be 2100 or earlier');

/**
 * Metadata a person supplies for a review (manifest row, CLI option or upload form). Every field is
 * optional: what is missing is guessed from the text. Unknown fields are rejected so that a
 * misspelt column is reported, not silently ignored.
 */
export const reviewMetadataSchema = z
  .object({
    title: z.string().trim().min(3).max(300),
    type: oneOf(REVIEW_TYPES, 'review type'),
    nation: oneOf(NATIONS, 'nation'),
    region: z.union([oneOf(ENGLISH_REGIONS, 'English region'), z.null()]),
    body: z.string().trim().min(3).max(200),
    area: z.string().trim().min(2).max(120),
    published: z
      .string()
      .trim()
      .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD'),
    year,
    incident_year: z.union([year, z.null()]),
    subject: oneOf(['child', 'adult'] as const, 'subject'),
    age_band: oneOf(AGE_BANDS, 'age band'),
    agencies: z.array(z.string().trim().min(2).max(80)).max(40),
    visibility: oneOf(VISIBILITIES, 'visibility'),
    status: oneOf(STATUSES, 'status'),
    pseudonym: z.string().trim().min(1).max(80),
    themes: z.array(z.string().regex(/^[a-z0-9-]+$/)).max(60),
    /** the id of the partnership that owns the review (default: the one named as publishing body) */
    partnership: z
      .string()
      .trim()
      .regex(/^[a-z0-9-]{1,90}$/, 'must be a partnership id, like northshire-safeguarding-partnership'),
  })
  .partial()
  .strict();

export type ReviewMetadataInput = z.infer<typeof reviewMetadataSchema>;

export function formatZodError(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.length ? `${i.path.join('.')}: ` : ''}${i.message}`).join('; ');
}
