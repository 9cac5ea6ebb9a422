import { z } from 'zod';
import type { ReviewFilter } from '../../repositories/reviews-repository.js';
import { filterFields, sharedFilter, yearsInOrder } from './review-query.js';

/** The search parameters: the list filters plus the words, the view and the order. */
export const searchQuerySchema = z
  .object({
    ...filterFields,
    q: z.string().trim().max(500, 'must be 500 characters or fewer').default(''),
    view: z.enum(['reviews', 'passages']).default('reviews'),
    sort: z.enum(['relevance', 'date']).default('relevance'),
  })
  .strict()
  .refine(...yearsInOrder);

export type SearchQuery = z.infer<typeof searchQuerySchema>;

/** The review filters of a search (the words go to the search engine, not to the filter). */
export function searchFilter(q: SearchQuery): ReviewFilter {
  return sharedFilter(q);
}
