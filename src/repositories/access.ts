import { sql } from 'kysely';
import type { RawBuilder, SqlBool } from 'kysely';

/**
 * What a caller may see. It is decided from their role and partnerships in one place
 * (services/policy.ts) and enforced inside every query through `visibleTo`, never by filtering
 * results afterwards, so counts, facets, snippets and feeds cannot leak what it leaves out.
 */
export interface AccessScope {
  /** reviews with one of these visibilities and one of these statuses are visible... */
  visibilities: readonly string[];
  statuses: readonly string[];
  /** ...and so is every review owned by one of these partnerships, whatever its visibility or status */
  partnerships?: readonly string[];
}

function list(values: readonly string[]): RawBuilder<unknown> {
  // "in (null)" matches nothing, where "in ()" is a syntax error.
  return values.length ? sql.join(values.map((v) => sql`${v}`)) : sql`null`;
}

/** The SQL condition for "the reviews row aliased `alias` is visible under `access`". */
export function visibleTo(access: AccessScope, alias: string): RawBuilder<SqlBool> {
  const column = (name: string) => sql.ref(`${alias}.${name}`);
  const published = sql`${column('visibility')} in (${list(access.visibilities)}) and ${column('status')} in (${list(access.statuses)})`;
  if (!access.partnerships?.length) return sql<SqlBool>`(${published})`;
  return sql<SqlBool>`((${published}) or ${column('partnership_id')} in (${list(access.partnerships)}))`;
}
