import { parentPort } from 'node:worker_threads';
import { IngestError } from './errors.js';
import { parseReview } from './parse-review.js';

/** Runs parseReview off the main thread: PDF parsing is CPU-bound and would stall every request. */
parentPort?.on('message', (task: { id: number; bytes: Uint8Array; fileName: string }) => {
  parseReview(task.bytes, task.fileName).then(
    (result) => parentPort?.postMessage({ id: task.id, ok: true, result }),
    (err: unknown) =>
      parentPort?.postMessage({
        id: task.id,
        ok: false,
        error: err instanceof IngestError ? { code: err.code, message: err.message, known: true } : { code: 'parse_failed', message: (err as Error).message, known: false },
      }),
  );
});
