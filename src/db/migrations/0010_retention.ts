import type { Kysely } from 'kysely';

/**
 * Retention: when the electronic copy of a published report was withdrawn under the retention
 * period. The catalogue record, the summary, the recommendations and the themes stay.
 */
export function retention() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('reviews').addColumn('copy_withdrawn_at', 'text').execute();
      await db.schema.alterTable('documents').addColumn('withdrawn_at', 'text').execute();
      // The anonymisation check also reads section headings: a finding in one names its section.
      await db.schema.alterTable('anonymisation_findings').addColumn('section_id', 'integer').execute();
    },
  };
}
