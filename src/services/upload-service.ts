import fs from 'node:fs/promises';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Database, UploadJobRow } from '../db/types.js';
import { AppError } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import type { AuditService } from './audit-service.js';
import type { ImportService } from './import-service.js';
import type { ReviewMetadataInput } from './review-metadata.js';

export type UploadStatus = 'queued' | 'running' | 'imported' | 'skipped' | 'failed';

export interface UploadJob {
  id: string;
  status: UploadStatus;
  fileName: string;
  sizeBytes: number;
  reviewId: string | null;
  code: string | null;
  message: string | null;
  createdAt: string;
  updatedAt: string;
  submittedBy: string | null;
}

function present(row: UploadJobRow): UploadJob {
  return {
    id: row.id,
    status: row.status as UploadStatus,
    fileName: row.file_name,
    sizeBytes: row.size_bytes,
    reviewId: row.review_id,
    code: row.code,
    message: row.message,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    submittedBy: row.submitted_by,
  };
}

/** A file name safe to show and to keep: no folders, no control characters, not too long. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
    .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '')
    .replace(/^\.+/, '')
    .trim()
    .slice(-150);
  return cleaned || 'upload';
}

/**
 * Uploads become jobs: the file waits in the data folder, a worker claims the job (atomically, so
 * several processes can share the queue), imports it through the same ImportService as the CLI and
 * records the outcome. Jobs left running by a crash are put back in the queue at start.
 */
export class UploadService {
  private draining: Promise<void> | null = null;
  private readonly tempDir: string;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly importer: ImportService,
    dataDir: string,
    private readonly logger: Logger,
    private readonly audit: AuditService | null = null,
  ) {
    this.tempDir = path.join(dataDir, 'uploads');
  }

  async submit(
    bytes: Uint8Array,
    fileName: string,
    metadata: ReviewMetadataInput,
    submittedBy: string | null = null,
  ): Promise<UploadJob> {
    const id = newId();
    const name = safeFileName(fileName);
    await fs.mkdir(this.tempDir, { recursive: true });
    await fs.writeFile(path.join(this.tempDir, id), bytes);
    const now = new Date().toISOString();
    await this.db
      .insertInto('upload_jobs')
      .values({
        id,
        status: 'queued',
        file_name: name,
        size_bytes: bytes.length,
        temp_key: id,
        metadata: JSON.stringify(metadata),
        review_id: null,
        code: null,
        message: null,
        created_at: now,
        updated_at: now,
        submitted_by: submittedBy,
      })
      .execute();
    this.kick();
    return this.get(id);
  }

  async get(id: string): Promise<UploadJob> {
    const row = await this.db.selectFrom('upload_jobs').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new AppError('not_found', `No upload with id ${id}`, 404);
    return present(row);
  }

  /** Waits until the job has finished (or the time is up) and returns its state. */
  async waitFor(id: string, timeoutMs: number): Promise<UploadJob> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const job = await this.get(id);
      if (!['queued', 'running'].includes(job.status) || Date.now() > deadline) return job;
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** Puts jobs interrupted by a crash back in the queue and starts working through it. */
  async resume(): Promise<void> {
    await this.db
      .updateTable('upload_jobs')
      .set({ status: 'queued', updated_at: new Date().toISOString() })
      .where('status', '=', 'running')
      .execute();
    this.kick();
  }

  /** Resolves when the queue is empty (for tests and shutdown). */
  async idle(): Promise<void> {
    while (this.draining) await this.draining;
  }

  private kick(): void {
    if (this.draining) return;
    this.draining = this.drain()
      .catch((err: unknown) => this.logger.error({ err }, 'upload queue stopped'))
      .finally(() => {
        this.draining = null;
      });
  }

  private async drain(): Promise<void> {
    for (;;) {
      const next = await this.db
        .selectFrom('upload_jobs')
        .select('id')
        .where('status', '=', 'queued')
        .orderBy('created_at')
        .limit(1)
        .executeTakeFirst();
      if (!next) return;
      const claimed = await this.db
        .updateTable('upload_jobs')
        .set({ status: 'running', updated_at: new Date().toISOString() })
        .where('id', '=', next.id)
        .where('status', '=', 'queued')
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1) continue; // another process took it
      await this.run(next.id);
    }
  }

  private async run(id: string): Promise<void> {
    const row = await this.db
      .selectFrom('upload_jobs')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const finish = (values: Partial<Pick<UploadJobRow, 'status' | 'review_id' | 'code' | 'message'>>) =>
      this.db
        .updateTable('upload_jobs')
        .set({ ...values, temp_key: null, updated_at: new Date().toISOString() })
        .where('id', '=', id)
        .execute();
    const temp = row.temp_key ? path.join(this.tempDir, row.temp_key) : null;
    try {
      const lost = () =>
        new AppError(
          'upload_lost',
          `${row.file_name}: the uploaded file is no longer available. Upload it again.`,
          410,
        );
      if (!temp) throw lost();
      const bytes = await fs.readFile(temp).catch(() => {
        throw lost();
      });
      const result = await this.importer.importBytes(
        bytes,
        row.file_name,
        JSON.parse(row.metadata) as ReviewMetadataInput,
      );
      if (result.kind === 'imported') {
        await finish({ status: 'imported', review_id: result.id, message: result.title });
        await this.audit?.record(
          { system: 'upload' },
          {
            action: 'review.import',
            target: { type: 'review', id: result.id },
            detail: { upload: id, submittedBy: row.submitted_by },
          },
        );
      } else
        await finish({
          status: 'skipped',
          // Not the other review's title: the uploader may not be allowed to read that review.
          message: result.existingId ? 'already in the library' : result.reason,
          review_id: result.existingId ?? null,
        });
    } catch (err) {
      const known = err instanceof AppError;
      if (!known) this.logger.error({ err, job: id }, 'upload failed unexpectedly');
      await finish({
        status: 'failed',
        code: known ? err.code : 'import_failed',
        message: known
          ? err.message
          : `${row.file_name} could not be imported: an unexpected error occurred.`,
      });
    } finally {
      if (temp) await fs.rm(temp, { force: true });
    }
  }
}
