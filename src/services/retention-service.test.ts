import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_MARKDOWN } from '../../test/support/fixtures.js';
import { slh } from '../../test/support/cli.js';
import { BACKENDS, testEnv } from '../../test/support/services.js';
import type { TestEnv } from '../../test/support/services.js';
import { createApp } from '../app/create-app.js';
import { OPERATOR_ACCESS, PUBLIC_ACCESS } from './review-service.js';
import { latestDay } from './retention-service.js';

const query = (q: string) => ({
  q,
  filter: {},
  view: 'reviews' as const,
  sort: 'relevance' as const,
  page: 1,
  pageSize: 10,
});

describe('the latest day a publication date can mean', () => {
  it('reads a year as its last day and a month as its last day, so nothing is withdrawn early', () => {
    expect(latestDay('2019', '2026-01-01T00:00:00Z')).toBe('2019-12-31');
    expect(latestDay('2020-02', '2026-01-01T00:00:00Z')).toBe('2020-02-29');
    expect(latestDay('2021-06-03', '2026-01-01T00:00:00Z')).toBe('2021-06-03');
    expect(latestDay(null, '2024-05-06T10:00:00Z')).toBe('2024-05-06');
  });
});

describe.each(BACKENDS)('retention on %s', (backend) => {
  let t: TestEnv;
  let app: FastifyInstance;
  let oldId: string;
  let newId: string;

  beforeAll(async () => {
    t = await testEnv(backend);
    app = await createApp(t.services);
    // SAMPLE_MARKDOWN says "12 March 2022"; the other is given a recent date.
    const old = await t.services.importer.importBytes(Buffer.from(SAMPLE_MARKDOWN), 'old.md', {});
    const recent = await t.services.importer.importBytes(
      Buffer.from(SAMPLE_MARKDOWN.replace(/Child Q/g, 'Child N')),
      'new.md',
      { published: '2026-10-01' },
    );
    if (old.kind !== 'imported' || recent.kind !== 'imported') throw new Error('fixtures not imported');
    oldId = old.id;
    newId = recent.id;
  }, 60_000);
  afterAll(async () => {
    await app.close();
    await t.cleanup();
  });

  it('lists what is due in a dry run and changes nothing', async () => {
    const now = new Date('2027-06-01T00:00:00Z');
    // Published March 2022: inside six years of June 2027, past four.
    const dry = await t.services.retention.apply(6, now, { dryRun: true });
    expect(dry.due).toEqual([]);
    const due = await t.services.retention.apply(4, now, { dryRun: true });
    expect(due.due.map((r) => r.id)).toEqual([oldId]);
    expect(due.withdrawn).toBe(0);
    expect((await t.services.reviews.get(oldId, PUBLIC_ACCESS)).review.copy_withdrawn_at).toBeNull();
  });

  it('withdraws the full copy of a report past the period: file and full text go; record, summary, recommendations and themes stay', async () => {
    const before = await t.services.reviews.get(oldId, OPERATOR_ACCESS);
    const file = path.join(t.config.dataDir, 'files', before.documents[0]?.storage_key ?? 'x');
    expect(fs.existsSync(file)).toBe(true);
    const themesBefore = await t.services.themes.codesFor(oldId);
    const outcome = await t.services.retention.apply(4, new Date('2027-06-01T00:00:00Z'));
    expect(outcome.withdrawn).toBe(1);
    expect(fs.existsSync(file)).toBe(false);
    const after = await t.services.reviews.get(oldId, PUBLIC_ACCESS);
    expect(after.review.title).toBe(before.review.title);
    expect(after.review.copy_withdrawn_at).not.toBeNull();
    const kept = after.passages.map((p) => p.text).join('\n');
    expect(kept).toContain('nine weeks old');
    expect(kept).not.toContain('privately rented accommodation');
    expect(after.recommendations).toHaveLength(before.recommendations.length);
    expect(await t.services.themes.codesFor(oldId)).toEqual(themesBefore);
    // Search no longer finds the withdrawn text, but still finds the summary.
    const gone = await t.services.search.search(query('"privately rented"'), PUBLIC_ACCESS);
    expect(gone.results.map((r) => r.id)).toEqual([newId]);
    const summary = await t.services.search.search(query('"skull fracture"'), PUBLIC_ACCESS);
    expect(summary.results.map((r) => r.id).sort()).toEqual([oldId, newId].sort());
    // The page says so and offers no download; the download address is a 404, not an error.
    const page = await app.inject(`/reviews/${oldId}`);
    expect(page.body).toContain('The full report was withdrawn on');
    expect(page.body).not.toContain('/documents/');
    expect((await app.inject(`/reviews/${oldId}/documents/${before.documents[0]?.id}`)).statusCode).toBe(404);
    const log = await t.services.audit.search({ action: 'review.retention' }, 1, 10);
    expect(log.entries.map((e) => [e.target_id, e.actor_role])).toEqual([[oldId, 'system:retention']]);
  });

  it('does nothing the second time: the job can be run again safely', async () => {
    const again = await t.services.retention.apply(4, new Date('2027-06-01T00:00:00Z'));
    expect(again).toEqual({ due: [], withdrawn: 0 });
  });

  it('runs from the command line with --dry-run and --json', () => {
    const run = slh(['retention', 'apply', '--years', '1', '--dry-run', '--json'], t.env);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as { years: number; dryRun: boolean; due: Array<{ id: string }> };
    expect(out).toMatchObject({ years: 1, dryRun: true });
    // Published 2026-10-01: more than a year before "now" only from October 2027.
    expect(out.due.map((r) => r.id)).not.toContain(oldId);
  });
});
