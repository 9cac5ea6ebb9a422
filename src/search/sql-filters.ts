import { sql } from 'kysely';
import type { RawBuilder } from 'kysely';
import type { AccessScope, ReviewFilter } from '../repositories/reviews-repository.js';

function inList(column: string, values: readonly string[]): RawBuilder<unknown> {
  return sql`${sql.ref(`r.${column}`)} in (${sql.join(values.map((v) => sql`${v}`))})`;
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
  if (filter.types?.length) parts.push(inList('review_type', filter.types));
  if (filter.nations?.length) parts.push(inList('nation', filter.nations));
  if (filter.regions?.length) parts.push(inList('region', filter.regions));
  if (filter.subjects?.length) parts.push(inList('subject', filter.subjects));
  if (filter.yearFrom !== undefined) parts.push(sql`r.published_year >= ${filter.yearFrom}`);
  if (filter.yearTo !== undefined) parts.push(sql`r.published_year <= ${filter.yearTo}`);
  return sql.join(parts, sql` and `);
}
