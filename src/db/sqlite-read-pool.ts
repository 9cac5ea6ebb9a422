import os from 'node:os';
import type { Worker } from 'node:worker_threads';
import {
  Kysely,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type QueryResult,
} from 'kysely';
import { startWorker } from '../shared/workers.js';
import type { Database } from './types.js';

type Reply = { id: number; ok: true; rows: unknown[] } | { id: number; ok: false; message: string };

interface Task {
  id: number;
  sql: string;
  parameters: readonly unknown[];
  resolve: (rows: unknown[]) => void;
  reject: (err: Error) => void;
}

/**
 * Read-only SQLite connections in worker threads, one statement at a time each; a statement waits
 * for the first free one. Searches read through it so that the server's thread stays free for other
 * requests, and so that one search can run two statements at once on a machine with two cores.
 */
export class SqliteReadPool {
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Task>();
  private readonly queue: Task[] = [];
  private started = 0;
  private next = 0;
  private closed = false;

  constructor(
    private readonly file: string,
    private readonly size = Math.max(1, Math.min(4, os.availableParallelism())),
  ) {}

  /** how many worker threads have been started and are running */
  get workers(): number {
    return this.started;
  }

  query(sql: string, parameters: readonly unknown[]): Promise<unknown[]> {
    if (this.closed) return Promise.reject(new Error('the read pool is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ id: ++this.next, sql, parameters, resolve, reject });
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.queue.length) {
      const worker = this.idle.pop() ?? (this.started < this.size ? this.spawn() : undefined);
      if (!worker) return;
      const task = this.queue.shift() as Task;
      this.busy.set(worker, task);
      // A busy pool keeps the process alive until its answer arrives; an idle one must not.
      worker.ref();
      worker.postMessage({ id: task.id, sql: task.sql, parameters: task.parameters });
    }
  }

  private spawn(): Worker {
    this.started++;
    const worker = startWorker(import.meta.url, 'sqlite-read-worker', { file: this.file });
    worker.on('message', (reply: Reply) => {
      const task = this.busy.get(worker);
      if (!task || task.id !== reply.id) return;
      this.busy.delete(worker);
      worker.unref();
      this.idle.push(worker);
      if (reply.ok) task.resolve(reply.rows);
      else task.reject(new Error(reply.message));
      this.dispatch();
    });
    worker.on('error', (err) => this.lose(worker, err));
    worker.on('exit', (code) => {
      if (!this.closed) this.lose(worker, new Error(`a read worker stopped (exit ${code})`));
    });
    worker.unref();
    return worker;
  }

  /** A worker that failed is replaced on the next statement; the statement it held fails. */
  private lose(worker: Worker, err: Error): void {
    const task = this.busy.get(worker);
    this.busy.delete(worker);
    const index = this.idle.indexOf(worker);
    if (index >= 0) this.idle.splice(index, 1);
    this.started--;
    task?.reject(err);
    this.dispatch();
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const task of [...this.queue.splice(0), ...this.busy.values()])
      task.reject(new Error('the read pool is closed'));
    const workers = [...this.idle, ...this.busy.keys()];
    this.idle.length = 0;
    this.busy.clear();
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

class ReadConnection implements DatabaseConnection {
  constructor(private readonly pool: SqliteReadPool) {}

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    return { rows: (await this.pool.query(compiled.sql, compiled.parameters)) as R[] };
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('the read pool does not stream');
  }
}

class ReadDriver implements Driver {
  constructor(private readonly pool: SqliteReadPool) {}
  async init(): Promise<void> {}
  async acquireConnection(): Promise<DatabaseConnection> {
    return new ReadConnection(this.pool);
  }
  async beginTransaction(): Promise<void> {
    throw new Error('the read pool has no transactions');
  }
  async commitTransaction(): Promise<void> {}
  async rollbackTransaction(): Promise<void> {}
  async releaseConnection(): Promise<void> {}
  async destroy(): Promise<void> {
    await this.pool.close();
  }
}

/** A Kysely instance whose statements run on the pool (reads only; no transactions). */
export function readOnlyKysely(pool: SqliteReadPool): Kysely<Database> {
  const dialect: Dialect = {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new ReadDriver(pool),
    createIntrospector: (db) => new SqliteIntrospector(db),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  };
  return new Kysely<Database>({ dialect });
}
