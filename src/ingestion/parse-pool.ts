import type { Worker } from 'node:worker_threads';
import { startWorker } from '../shared/workers.js';
import { IngestError } from './errors.js';
import type { IngestErrorCode } from './errors.js';
import type { ParsedReview } from './parse-review.js';

type Reply =
  | { id: number; ok: true; result: ParsedReview }
  | { id: number; ok: false; error: { code: string; message: string; known: boolean } };

interface Pending {
  resolve: (r: ParsedReview) => void;
  reject: (e: Error) => void;
}

/**
 * A small pool of worker threads that parse files, so that a large PDF never blocks the server's
 * event loop. Under the test runner the worker is TypeScript and is loaded through tsx.
 */
export class ParsePool {
  private readonly workers: Worker[] = [];
  private readonly pending = new Map<number, Pending>();
  private readonly owner = new Map<number, Worker>();
  private next = 0;
  private closed = false;

  constructor(private readonly size = 1) {}

  private spawn(): Worker {
    const worker = startWorker(import.meta.url, 'parse-worker');
    worker.on('message', (reply: Reply) => {
      const p = this.pending.get(reply.id);
      if (!p) return;
      this.pending.delete(reply.id);
      this.owner.delete(reply.id);
      this.releaseIfIdle(worker);
      if (reply.ok) p.resolve(reply.result);
      else if (reply.error.known)
        p.reject(new IngestError(reply.error.code as IngestErrorCode, reply.error.message));
      else p.reject(new Error(reply.error.message));
    });
    worker.on('error', (err) => this.fail(worker, err));
    worker.on('exit', (code) => {
      if (!this.closed) this.fail(worker, new Error(`parse worker stopped (exit ${code})`));
    });
    // An idle pool must not keep the process alive; a busy one must (see parse()).
    worker.unref();
    return worker;
  }

  private releaseIfIdle(worker: Worker): void {
    if (![...this.owner.values()].includes(worker)) worker.unref();
  }

  private fail(worker: Worker, err: Error): void {
    const index = this.workers.indexOf(worker);
    if (index >= 0) this.workers.splice(index, 1);
    for (const [id, w] of this.owner) {
      if (w !== worker) continue;
      this.pending.get(id)?.reject(err);
      this.pending.delete(id);
      this.owner.delete(id);
    }
  }

  parse(bytes: Uint8Array, fileName: string): Promise<ParsedReview> {
    if (this.closed) return Promise.reject(new Error('parse pool is closed'));
    if (this.workers.length < this.size) this.workers.push(this.spawn());
    const worker = this.workers[this.next++ % this.workers.length] as Worker;
    const id = this.next;
    return new Promise<ParsedReview>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.owner.set(id, worker);
      worker.ref();
      worker.postMessage({ id, bytes, fileName });
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.workers.map((w) => w.terminate()));
    this.workers.length = 0;
  }
}
