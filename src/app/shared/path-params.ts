import { z } from 'zod';
import { NotFoundError } from '../../shared/errors.js';

/** An id in a path (a review's, a briefing's): letters, digits, "-" and "_". */
export const idParam = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) });
/** A theme's slug in a path. */
export const slugParam = z.object({ slug: z.string().regex(/^[a-z0-9-]{1,60}$/) });

/** Path parameters read by their schema: one that cannot name anything is a 404, like a missing one. */
export function pathParams<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new NotFoundError();
  return parsed.data;
}
