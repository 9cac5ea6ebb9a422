import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  SAMPLE_MARKDOWN,
  encryptedPdf,
  sampleDocx,
  samplePdf,
  tempDir,
} from '../../test/support/fixtures.js';
import { BACKENDS, rowCounts, testEnv } from '../../test/support/services.js';
import type { TestEnv } from '../../test/support/services.js';
import { OPERATOR_ACCESS, PUBLIC_ACCESS } from './review-service.js';

const tableCounts = (t: TestEnv) =>
  rowCounts(t.services, [
    'reviews',
    'documents',
    'sections',
    'passages',
    'recommendations',
    'review_shingles',
  ]);

describe.each(BACKENDS)('import service on %s', (backend) => {
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

  it('imports a folder of mixed formats and stores each review with its sections, passages and recommendations', async () => {
    await fs.writeFile(path.join(dir, 'q.pdf'), await samplePdf());
    await fs.writeFile(path.join(dir, 'notes.odt'), 'not supported');
    await fs.writeFile(path.join(dir, '.hidden.txt'), 'ignored');
    const { items, skipped } = await t.services.importer.expand([dir]);
    expect(items.map((i) => path.basename(i.path))).toEqual(['q.pdf']);
    expect(skipped).toEqual([{ file: path.join(dir, 'notes.odt'), reason: 'not a supported type (.odt)' }]);
    const outcome = await t.services.importer.importAll(items);
    expect(outcome.failed).toEqual([]);
    const id = outcome.imported[0]?.id ?? '';
    const detail = await t.services.reviews.get(id, OPERATOR_ACCESS);
    expect(detail.review).toMatchObject({
      title: 'Child Safeguarding Practice Review: Child Q',
      review_type: 'cspr',
      region: 'Yorkshire and the Humber',
      status: 'published',
      visibility: 'public',
    });
    expect(detail.documents[0]).toMatchObject({ file_name: 'q.pdf', media_type: 'application/pdf' });
    expect(detail.documents[0]?.pages).toBeGreaterThanOrEqual(3);
    expect(detail.recommendations.map((r) => r.number)).toEqual(['1', '2', '3']);
    const recsSection = detail.sections.find((s) => s.kind === 'recommendations');
    expect(detail.recommendations.every((r) => r.section_id === recsSection?.id)).toBe(true);
    expect(detail.passages.find((p) => p.paragraph === '1.2')?.text).toContain('bruising seen on a baby');
    expect(JSON.parse(detail.review.provenance)).toMatchObject({
      type: expect.stringMatching(/^guessed: "Child Safeguarding Practice Review"/),
    });
  });

  it('does not store the same file twice, nor the same text in another format', async () => {
    const md = path.join(dir, 'q.md');
    const docx = path.join(dir, 'q.docx');
    await fs.writeFile(md, SAMPLE_MARKDOWN);
    await fs.writeFile(docx, await sampleDocx());
    const first = await t.services.importer.importAll([{ path: md }]);
    const again = await t.services.importer.importAll([{ path: md }, { path: docx }]);
    const id = first.imported[0]?.id;
    expect(again.imported).toEqual([]);
    expect(again.skipped.map((s) => s.reason)).toEqual([
      `already imported as review ${id} ("Child Safeguarding Practice Review: Child Q")`,
      `same text as review ${id} ("Child Safeguarding Practice Review: Child Q")`,
    ]);
    expect((await tableCounts(t)).reviews).toBe(1);
  });

  it('refreshes the index and statistics during a long load, once per so many imports, not per failure', async () => {
    const optimize = vi.spyOn(t.services.search.index, 'optimize');
    const items = [];
    for (const [k, letter] of ['A', 'B', 'C', 'D', 'E'].entries()) {
      const file = path.join(dir, `${letter}.md`);
      await fs.writeFile(file, SAMPLE_MARKDOWN.replaceAll('Child Q', `Child ${letter}`));
      items.push({ path: file });
      if (k === 1) {
        // two that fail right after the second import: they must not refresh again
        for (const bad of ['bad1.txt', 'bad2.txt']) {
          await fs.writeFile(path.join(dir, bad), '');
          items.push({ path: path.join(dir, bad) });
        }
      }
    }
    const outcome = await t.services.importer.importAll(items, { optimizeEvery: 2 });
    expect(outcome.imported).toHaveLength(5);
    expect(outcome.failed).toHaveLength(2);
    // after the 2nd and the 4th import; not after the last file (fewer than 20: no closing merge)
    expect(optimize).toHaveBeenCalledTimes(2);
  });

  it('links an executive summary to its overview report without merging them', async () => {
    const overview = path.join(dir, 'overview.md');
    const summary = path.join(dir, 'summary.md');
    await fs.writeFile(overview, SAMPLE_MARKDOWN);
    const summaryText =
      SAMPLE_MARKDOWN.split('## Background')[0]?.replace('Child Q', 'Child Q – Executive Summary') ?? '';
    await fs.writeFile(
      summary,
      `${summaryText}\n## Conclusion\n\nThe partnership has accepted the findings of the overview report in full.\n`,
    );
    const a = await t.services.importer.importAll([{ path: overview }]);
    const b = await t.services.importer.importAll([{ path: summary }]);
    const summaryId = b.imported[0]?.id ?? '';
    const overviewId = a.imported[0]?.id ?? '';
    expect(b.imported[0]?.related?.[0]?.id).toBe(overviewId);
    const detail = await t.services.reviews.get(overviewId, OPERATOR_ACCESS);
    expect(detail.links).toEqual([expect.objectContaining({ id: summaryId, kind: 'near-duplicate' })]);
    expect(detail.links[0]?.detail).toMatch(/^\d+ of \d+ sampled five-word passages/);
    expect((await tableCounts(t)).reviews).toBe(2);
  });

  it('does not link unrelated reviews', async () => {
    await fs.writeFile(path.join(dir, 'a.md'), SAMPLE_MARKDOWN);
    await fs.writeFile(
      path.join(dir, 'b.md'),
      '# Safeguarding Adults Review: Mr D\n\nFICTIONAL.\n\n## Findings\n\n4.1 Mr D lived alone with his dogs and declined the district nurse on eleven occasions over two winters.\n\n4.2 His hoarding blocked the stairs and the fire service fitted smoke alarms after a home safety visit.\n',
    );
    const out = await t.services.importer.importAll((await t.services.importer.expand([dir])).items);
    expect(out.imported.flatMap((i) => i.related ?? [])).toEqual([]);
  });

  it('imports the good files of a batch, reports the bad one, and stores nothing for it', async () => {
    await fs.writeFile(path.join(dir, 'a-good.md'), SAMPLE_MARKDOWN);
    await fs.writeFile(path.join(dir, 'b-locked.pdf'), await encryptedPdf());
    await fs.writeFile(path.join(dir, 'c-empty.txt'), '');
    const out = await t.services.importer.importAll((await t.services.importer.expand([dir])).items);
    expect(out.imported.map((i) => path.basename(i.file))).toEqual(['a-good.md']);
    expect(out.failed.map((f) => [path.basename(f.file), f.code])).toEqual([
      ['b-locked.pdf', 'pdf_encrypted'],
      ['c-empty.txt', 'file_empty'],
    ]);
    const counts = await tableCounts(t);
    expect(counts.reviews).toBe(1);
    expect(counts.documents).toBe(1);
  });

  it('refuses a file over the size limit without reading it into the store', async () => {
    const small = await testEnv(backend, { maxFileBytes: 2048 });
    try {
      const file = path.join(dir, 'big.md');
      await fs.writeFile(file, SAMPLE_MARKDOWN.repeat(3));
      const out = await small.services.importer.importAll([{ path: file }]);
      expect(out.failed[0]?.code).toBe('file_too_large');
      expect(out.failed[0]?.error).toMatch(
        /^big\.md is 0\.0 MB; the largest file accepted is 0\.0 MB \(SLH_MAX_FILE_MB\)\.$/,
      );
      expect((await tableCounts(small)).reviews).toBe(0);
    } finally {
      await small.cleanup();
    }
  });

  it('rolls back everything when the write fails part-way', async () => {
    const file = path.join(dir, 'q.md');
    await fs.writeFile(file, SAMPLE_MARKDOWN);
    const out = await t.services.importer.importAll([{ path: file }], {
      onTransactionStep: (step) => {
        if (step === 'passages') throw new Error('disk full');
      },
    });
    expect(out.failed[0]?.error).toContain('an unexpected error occurred');
    expect(await tableCounts(t)).toEqual({
      reviews: 0,
      documents: 0,
      sections: 0,
      passages: 0,
      recommendations: 0,
      review_shingles: 0,
    });
    const retry = await t.services.importer.importAll([{ path: file }]);
    expect(retry.imported).toHaveLength(1);
  });

  it('applies given metadata over guesses and records where each value came from', async () => {
    const file = path.join(dir, 'q.md');
    await fs.writeFile(file, SAMPLE_MARKDOWN);
    const out = await t.services.importer.importAll(
      [{ path: file, metadata: { type: 'scr', agencies: ['police', 'health visiting'] } }],
      {
        overrides: { visibility: 'restricted' },
      },
    );
    const id = out.imported[0]?.id ?? '';
    const detail = await t.services.reviews.get(id, OPERATOR_ACCESS);
    expect(detail.review.review_type).toBe('scr');
    expect(detail.agencies).toEqual(['health visiting', 'police']);
    expect(JSON.parse(detail.review.provenance)).toMatchObject({
      type: 'given',
      title: expect.stringMatching(/^guessed/),
    });
    await expect(t.services.reviews.get(id, PUBLIC_ACCESS)).rejects.toThrow(`No review with id ${id}`);
    expect((await t.services.reviews.list(PUBLIC_ACCESS, {}, 1, 10)).total).toBe(0);
  });
});
