import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SAMPLE_MARKDOWN, encryptedPdf, samplePdf } from '../../test/support/fixtures.js';
import { IngestError } from './errors.js';
import { ParsePool } from './parse-pool.js';
import { parseReview } from './parse-review.js';

describe('ParsePool (parsing in a worker thread)', () => {
  const pool = new ParsePool(1);
  afterAll(() => pool.close());

  it('gives the same result as parsing on the calling thread', async () => {
    const pdf = await samplePdf();
    const [inWorker, inline] = await Promise.all([pool.parse(pdf, 'q.pdf'), parseReview(pdf, 'q.pdf')]);
    expect(inWorker).toEqual(inline);
  });

  it('brings a refusal back as the same IngestError, code and message', async () => {
    const err = await pool.parse(await encryptedPdf(), 'locked.pdf').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IngestError);
    expect(err).toMatchObject({ code: 'pdf_encrypted', message: expect.stringContaining('locked.pdf is a password-protected') });
  });

  it('keeps the process alive while parsing and lets it exit when idle', () => {
    // With nothing else pending, an await on the pool must still complete (the worker is ref'd while
    // busy), and the process must then exit by itself (the idle worker is unref'd).
    const script = `
      const { ParsePool } = await import(${JSON.stringify(path.resolve(import.meta.dirname, 'parse-pool.ts'))});
      const pool = new ParsePool(1);
      const r = await pool.parse(Buffer.from(${JSON.stringify(SAMPLE_MARKDOWN)}), 'q.md');
      console.log('passages', r.passages.length);
    `;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 30_000 });
    expect(run.stdout.trim()).toBe('passages 11');
    expect(run.status).toBe(0);
  });
});
