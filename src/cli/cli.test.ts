import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  SAMPLE_MARKDOWN,
  encryptedPdf,
  longReportMarkdown,
  sampleDocx,
  tempDir,
} from '../../test/support/fixtures.js';
import { slh } from '../../test/support/cli.js';
import { BACKENDS, testEnv } from '../../test/support/services.js';
import type { TestEnv } from '../../test/support/services.js';

function adultReview(name: string): string {
  return `# Safeguarding Adults Review: ${name}\n\nFICTIONAL TEST DOCUMENT.\n\nPublished by the Cornwall Safeguarding Adults Board, May 2019\n\n## Findings\n\n3.1 ${name} lived alone and declined help from the district nurse on several occasions during ${name.length + 2010}.\n\n3.2 The GP practice held a record of ${name}'s falls that was not shared with adult social care before the hospital discharge.\n\n## Recommendations\n\n1. The board should ask agencies to record each refusal of care for ${name} and consider capacity.\n`;
}

describe.each(BACKENDS)('slh CLI on %s', (backend) => {
  let t: TestEnv;
  let dir: string;
  beforeEach(async () => {
    t = await testEnv(backend);
    dir = await tempDir();
  });
  afterEach(async () => {
    await t.cleanup();
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('imports with --json: one object naming what was imported, skipped and failed; exit 1 when a file failed', async () => {
    await fs.writeFile(path.join(dir, 'a.md'), SAMPLE_MARKDOWN);
    await fs.writeFile(path.join(dir, 'b.pdf'), await encryptedPdf());
    await fs.writeFile(path.join(dir, 'c.xls'), 'x');
    const run = slh(['import', dir, '--json'], t.env);
    expect(run.code).toBe(1);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const out = JSON.parse(lines[0] ?? '{}') as Record<string, Array<Record<string, string>>>;
    expect(Object.keys(out)).toEqual(['imported', 'skipped', 'failed']);
    expect(out['imported']).toEqual([
      {
        file: path.join(dir, 'a.md'),
        id: expect.stringMatching(/^[a-z0-9]{10}$/),
        title: 'Child Safeguarding Practice Review: Child Q',
      },
    ]);
    expect(out['skipped']).toEqual([
      { file: path.join(dir, 'c.xls'), reason: 'not a supported type (.xls)' },
    ]);
    expect(out['failed']).toEqual([
      {
        file: path.join(dir, 'b.pdf'),
        code: 'pdf_encrypted',
        error: expect.stringContaining('b.pdf is a password-protected'),
      },
    ]);
  });

  it('exits 0 when nothing failed, and lists and shows the imported review', async () => {
    await fs.writeFile(path.join(dir, 'q.docx'), await sampleDocx());
    const run = slh(
      ['import', path.join(dir, 'q.docx'), '--type', 'CSPR', '--region', 'north east', '--json'],
      t.env,
    );
    expect(run.code).toBe(0);
    const id = (JSON.parse(run.stdout) as { imported: Array<{ id: string }> }).imported[0]?.id ?? '';
    const list = slh(['reviews', 'list', '--json'], t.env);
    expect(JSON.parse(list.stdout)).toMatchObject({
      total: 1,
      results: [{ id, type: 'cspr', region: 'North East' }],
    });
    const show = slh(['reviews', 'show', id, '--json'], t.env);
    const review = JSON.parse(show.stdout) as {
      recommendations: unknown[];
      provenance: Record<string, string>;
      documents: Array<{ mediaType: string }>;
    };
    expect(review.recommendations).toHaveLength(3);
    expect(review.provenance['region']).toBe('given');
    expect(review.documents[0]?.mediaType).toContain('wordprocessingml');
    const human = slh(['reviews', 'show', id], t.env);
    expect(human.stdout, `code ${human.code} signal ${human.signal} stderr ${human.stderr}`).toContain('Recommendations (3):');
  });

  it('exits 2 with a clear message for unusable arguments', async () => {
    const badType = slh(['import', dir, '--type', 'inquest'], t.env);
    expect(badType.code).toBe(2);
    expect(badType.stderr).toContain('--type: "inquest" is not a known review type; use one of: scr, cspr');
    expect(slh(['import'], t.env).code).toBe(2);
    expect(slh(['import', dir, '--frobnicate'], t.env).code).toBe(2);
    expect(slh(['import', dir, '--year', 'last'], t.env).code).toBe(2);
    const manifest = path.join(dir, 'm.csv');
    await fs.writeFile(manifest, 'file,type,colour\na.md,scr,blue\n');
    const badManifest = slh(['import', '--manifest', manifest], t.env);
    expect(badManifest.code).toBe(2);
    expect(badManifest.stderr).toContain('Manifest m.csv row 1 (a.md): Unrecognized key: "colour"');
  });

  it('takes metadata from a CSV manifest', async () => {
    await fs.writeFile(path.join(dir, 'q.md'), SAMPLE_MARKDOWN);
    const manifest = path.join(dir, 'manifest.csv');
    await fs.writeFile(
      manifest,
      'file,title,type,published,agencies,visibility\nq.md,Child Q (manifest title),cspr,2022-03,police;health visiting,registered\n',
    );
    const run = slh(['import', '--manifest', manifest, '--json'], t.env);
    expect(run.code).toBe(0);
    const id = (JSON.parse(run.stdout) as { imported: Array<{ id: string; title: string }> }).imported[0];
    expect(id?.title).toBe('Child Q (manifest title)');
    const review = JSON.parse(slh(['reviews', 'show', id?.id ?? '', '--json'], t.env).stdout) as Record<
      string,
      unknown
    >;
    expect(review).toMatchObject({
      published: '2022-03',
      visibility: 'registered',
      agencies: ['health visiting', 'police'],
    });
  });

  it('leaves no partial review when killed mid-import, and a second run completes the job', async () => {
    await fs.writeFile(path.join(dir, 'a.md'), SAMPLE_MARKDOWN);
    await fs.writeFile(path.join(dir, 'b.md'), longReportMarkdown().replace('Child Q', 'Child R'));
    await fs.writeFile(path.join(dir, 'c.md'), adultReview('Mr Jones'));
    const killed = slh(['import', dir, '--json'], { ...t.env, SLH_TEST_KILL_AT: '1:passages' });
    expect(killed.signal).toBe('SIGKILL');

    const db = t.services.db.kysely;
    const reviews = await db.selectFrom('reviews').select(['id', 'title']).execute();
    expect(reviews.map((r) => r.title)).toEqual(['Child Safeguarding Practice Review: Child Q']);
    const orphans = await db
      .selectFrom('passages')
      .leftJoin('reviews', 'reviews.id', 'passages.review_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('reviews.id', 'is', null)
      .executeTakeFirstOrThrow();
    expect(Number(orphans.n)).toBe(0);
    const sections = await db.selectFrom('sections').select('review_id').distinct().execute();
    expect(sections.map((s) => s.review_id)).toEqual([reviews[0]?.id]);

    const resumed = slh(['import', dir, '--json'], t.env);
    expect(resumed.code).toBe(0);
    const out = JSON.parse(resumed.stdout) as {
      imported: Array<{ file: string }>;
      skipped: Array<{ file: string }>;
    };
    expect(out.imported.map((i) => path.basename(i.file))).toEqual(['b.md', 'c.md']);
    expect(out.skipped.map((i) => path.basename(i.file))).toEqual(['a.md']);
  });

  it('searches with --json and rebuilds the index with "search reindex"', async () => {
    await fs.writeFile(path.join(dir, 'q.md'), SAMPLE_MARKDOWN);
    expect(slh(['import', dir, '--json'], t.env).code).toBe(0);
    const run = slh(['search', 'bruising', 'babies', '--json'], t.env);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as {
      total: number;
      results: Array<{ title: string; snippets: Array<{ paragraph: string }> }>;
    };
    expect(out.total).toBe(1);
    expect(out.results[0]?.snippets.map((x) => x.paragraph)).toContain('1.2');
    const reindex = slh(['search', 'reindex'], t.env);
    expect(reindex.stdout).toContain('indexed 11 passages of 1 reviews');
    expect(slh(['search', 'bruising', '--view', 'everything'], t.env).code).toBe(2);
  });

  it('reports an unknown review id', () => {
    const run = slh(['reviews', 'show', 'nosuchid'], t.env);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('No review with id nosuchid');
  });
});
