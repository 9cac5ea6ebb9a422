import { sql } from 'kysely';
import type { RawBuilder } from 'kysely';
import { visibleTo } from '../repositories/access.js';
import type { AccessScope } from '../repositories/access.js';
import type { ReviewFilter } from '../repositories/reviews-repository.js';
import type { FacetField } from './search-index.js';

function inList(column: string, values: readonly string[]): RawBuilder<unknown> {
  return sql`${sql.ref(`r.${column}`)} in (${sql.join(values.map((v) => sql`${v}`))})`;
}

export interface FacetDefinition {
  field: FacetField;
  /** the reviews column holding the value; null for values a review has several of */
  column: string | null;
  /** where the several values live: a table keyed by review_id, its value column, and which rows count */
  many?: { table: 'review_agencies' | 'review_themes'; value: 'agency' | 'slug'; where: RawBuilder<unknown> };
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
  {
    field: 'agency',
    column: null,
    many: { table: 'review_agencies', value: 'agency', where: sql`1 = 1` },
    chosen: (f) => f.agencies,
  },
  // Rejected codes do not count; suggested ones do until an analyst decides.
  {
    field: 'theme',
    column: null,
    many: { table: 'review_themes', value: 'slug', where: sql`fa.status <> 'rejected'` },
    chosen: (f) => f.themes,
  },
];

/** Whether a review (alias r) passes one facet's filter; true when nothing is chosen. */
export function facetCondition(facet: FacetDefinition, filter: ReviewFilter): RawBuilder<unknown> {
  const chosen = facet.chosen(filter);
  if (!chosen?.length) return sql`1 = 1`;
  if (facet.column || !facet.many) return inList(facet.column ?? '', chosen);
  const { table, value, where } = facet.many;
  return sql`exists (select 1 from ${sql.table(table)} fa where fa.review_id = r.id and ${where} and ${sql.ref(`fa.${value}`)} in (${sql.join(chosen.map((v) => sql`${v}`))}))`;
}

/**
 * The WHERE conditions on reviews (alias r) for access and filters, shared by both engines. Access
 * comes first and always: a caller's scope is part of the query, never a filter applied afterwards.
 */
export function reviewConditions(access: AccessScope, filter: ReviewFilter): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [visibleTo(access, 'r')];
  for (const facet of FACETS) if (facet.chosen(filter)?.length) parts.push(facetCondition(facet, filter));
  if (filter.yearFrom !== undefined) parts.push(sql`r.published_year >= ${filter.yearFrom}`);
  if (filter.yearTo !== undefined) parts.push(sql`r.published_year <= ${filter.yearTo}`);
  return sql.join(parts, sql` and `);
}
