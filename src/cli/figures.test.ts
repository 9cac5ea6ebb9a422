import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slh } from '../../test/support/cli.js';
import { SAMPLE_MARKDOWN } from '../../test/support/fixtures.js';
import { BACKENDS, testEnv } from '../../test/support/services.js';
import type { TestEnv } from '../../test/support/services.js';
import { FIGURES_VERSION } from '../analysis/language/figures.js';

describe.each(BACKENDS)('slh figures recompute on %s', (backend) => {
  let t: TestEnv;
  let id: string;
  beforeAll(async () => {
    t = await testEnv(backend);
    const r = await t.services.importer.importBytes(Buffer.from(SAMPLE_MARKDOWN), 'child-q.md', {});
    if (r.kind !== 'imported') throw new Error('not imported');
    id = r.id;
  });
  afterAll(async () => t.cleanup());

  it("computes every review's figures again with the current rules", async () => {
    const db = t.services.db.kysely;
    await db
      .updateTable('review_figures')
      .set({ flesch_reading_ease: -1, computed_at: '2000-01-01T00:00:00.000Z' })
      .where('review_id', '=', id)
      .execute();
    const run = slh(['figures', 'recompute', '--json'], t.env);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ reviews: 1, version: FIGURES_VERSION });
    const row = await db
      .selectFrom('review_figures')
      .selectAll()
      .where('review_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.flesch_reading_ease).toBeGreaterThan(0);
    expect(row.computed_at > '2000-01-01').toBe(true);
    expect(slh(['figures', 'recompute'], t.env).stdout).toBe(
      `computed the figures of 1 review (rules version ${FIGURES_VERSION})\n`,
    );
  });
});
