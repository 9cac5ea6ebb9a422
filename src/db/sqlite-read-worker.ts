import { parentPort, workerData } from 'node:worker_threads';
import SQLite from 'better-sqlite3';
import type { Statement } from 'better-sqlite3';

/**
 * One read-only connection to the library's SQLite file, in its own thread: better-sqlite3 is
 * synchronous, and a search run on the server's thread would stall every other request for its
 * length. The file is in WAL mode, so this connection reads the last committed state while the
 * server's connection writes.
 */
const database = new SQLite((workerData as { file: string }).file, { readonly: true, fileMustExist: true });
database.pragma('busy_timeout = 5000');

/** Prepared statements by SQL text: searches repeat a few shapes, and preparing costs a parse. */
const statements = new Map<string, Statement>();
const STATEMENTS_KEPT = 200;

function prepared(text: string): Statement {
  let statement = statements.get(text);
  if (!statement) {
    if (statements.size >= STATEMENTS_KEPT) statements.clear();
    statement = database.prepare(text);
    statements.set(text, statement);
  }
  return statement;
}

parentPort?.on('message', (task: { id: number; sql: string; parameters: unknown[] }) => {
  try {
    const statement = prepared(task.sql);
    if (!statement.reader) throw new Error('the read pool runs only statements that return rows');
    parentPort?.postMessage({ id: task.id, ok: true, rows: statement.all(...task.parameters) });
  } catch (err) {
    parentPort?.postMessage({ id: task.id, ok: false, message: (err as Error).message });
  }
});
