import fs from 'node:fs/promises';
import path from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SAMPLE_MARKDOWN } from '../../test/support/fixtures.js';
import { BACKENDS, testEnv } from '../../test/support/services.js';
import type { TestEnv } from '../../test/support/services.js';
import { UploadService, safeFileName } from './upload-service.js';

describe('safeFileName', () => {
  it.each([
    ['../../etc/passwd', 'passwd'],
    ['C:\\Users\\me\\report.pdf', 'report.pdf'],
    ['..hidden.pdf', 'hidden.pdf'],
    ['bad\u0000name<>.txt', 'badname.txt'],
    ['', 'upload'],
  ])('%j becomes %j', (input, expected) => expect(safeFileName(input)).toBe(expected));
});

describe.each(BACKENDS)('upload jobs on %s', (backend) => {
  let t: TestEnv;
  beforeEach(async () => {
    t = await testEnv(backend);
  });
  afterEach(async () => t.cleanup());

  it('imports an upload through the same service as the CLI and records the outcome', async () => {
    const job = await t.services.uploads.submit(Buffer.from(SAMPLE_MARKDOWN), '../child-q.md', {});
    expect(job.fileName).toBe('child-q.md');
    const done = await t.services.uploads.waitFor(job.id, 10_000);
    expect(done).toMatchObject({
      status: 'imported',
      message: 'Child Safeguarding Practice Review: Child Q',
    });
    await t.services.uploads.idle();
    expect(await fs.readdir(path.join(t.config.dataDir, 'uploads'))).toEqual([]);
  });

  it('resumes a job that a crash left running, and fails one whose file was lost, clearly', async () => {
    const db = t.services.db.kysely;
    const now = new Date().toISOString();
    await fs.mkdir(path.join(t.config.dataDir, 'uploads'), { recursive: true });
    await fs.writeFile(path.join(t.config.dataDir, 'uploads', 'crashjob01'), SAMPLE_MARKDOWN);
    const row = {
      status: 'running',
      size_bytes: 10,
      metadata: '{}',
      review_id: null,
      code: null,
      message: null,
      created_at: now,
      updated_at: now,
    };
    await db
      .insertInto('upload_jobs')
      .values({ ...row, id: 'crashjob01', file_name: 'q.md', temp_key: 'crashjob01' })
      .execute();
    await db
      .insertInto('upload_jobs')
      .values({ ...row, id: 'lostjob001', file_name: 'lost.md', temp_key: 'lostjob001' })
      .execute();
    const fresh = new UploadService(db, t.services.importer, t.config.dataDir, pino({ level: 'silent' }));
    await fresh.resume();
    await fresh.idle();
    expect(await fresh.get('crashjob01')).toMatchObject({ status: 'imported' });
    expect(await fresh.get('lostjob001')).toMatchObject({
      status: 'failed',
      code: 'upload_lost',
      message: 'lost.md: the uploaded file is no longer available. Upload it again.',
    });
  });
});
