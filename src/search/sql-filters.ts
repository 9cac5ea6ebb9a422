import { sql } from 'kysely';
import type { RawBuilder } from 'kysely';
import type { AccessScope, ReviewFilter } from '../repositories/reviews-repository.js';
import type { FacetField } from './search-index.js';

function inList(column: string, values: readonly string[]): RawBuilder<unknown> {
  return sql`${sql.ref(`r.${column}`)} in (${sql.join(values.map((v) => sql`${v}`))})`;
}

export interface FacetDefinition {
  field: FacetField;
  /** the reviews column holding the value; null for agency, which a review has several of */
  column: string | null;
  chosen: (f: ReviewFilter) => string[] | undefined;
}

/** The filters that are also facets, in the order pages show them. */
export const FACETS: readonly FacetDefinition[] = [
  { field: 'type', column: 'review_type', chosen: (f) => f.types },
  { field: 'subject', column: 'subject', chosen: (f) => f.subjects },
  { field: 'age', column: 'age_band', chosen: (f) => f.ageBands },
  { field: 'nation', column: 'nation', chosen: (f) => f.nations },
  { field: 'region', column: 'region', chosen: (f) => f.regions },
  { field: 'area', column: 'area', chosen: (f) => f.areas },
  { field: 'agency', column: null, chosen: (f) => f.agencies },
];

/** Whether a review (alias r) passes one facet's filter; true when nothing is chosen. */
export function facetCondition(facet: FacetDefinition, filter: ReviewFilter): RawBuilder<unknown> {
  const chosen = facet.chosen(filter);
  if (!chosen?.length) return sql`1 = 1`;
  if (facet.column) return inList(facet.column, chosen);
  return sql`exists (select 1 from review_agencies fa where fa.review_id = r.id and fa.agency in (${sql.join(chosen.map((v) => sql`${v}`))}))`;
}

/**
 * The WHERE conditions on reviews (alias r) for access and filters, shared by both engines. Access
 * comes first and always: a caller's scope is part of the query, never a filter applied afterwards.
 */
export function reviewConditions(access: AccessScope, filter: ReviewFilter): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [
    inList('visibility', access.visibilities),
    inList('status', access.statuses),
  ];
  for (const facet of FACETS) if (facet.chosen(filter)?.length) parts.push(facetCondition(facet, filter));
  if (filter.yearFrom !== undefined) parts.push(sql`r.published_year >= ${filter.yearFrom}`);
  if (filter.yearTo !== undefined) parts.push(sql`r.published_year <= ${filter.yearTo}`);
  return sql.join(parts, sql` and `);
}
