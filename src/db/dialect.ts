import type { ColumnDefinitionBuilder } from 'kysely';

export type Dialect = 'sqlite' | 'postgres';

/** An auto-numbered integer primary key, spelt as each backend wants it. */
export function serialId(dialect: Dialect, c: ColumnDefinitionBuilder): ColumnDefinitionBuilder {
  return dialect === 'sqlite'
    ? c.primaryKey().autoIncrement()
    : c.primaryKey().generatedByDefaultAsIdentity();
}
