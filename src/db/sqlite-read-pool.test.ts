import fs from 'node:fs/promises';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../test/support/fixtures.js';
import { SqliteReadPool, readOnlyKysely } from './sqlite-read-pool.js';

/** A statement that keeps SQLite busy for a while (a recursive count). */
const SLOW =
  'with recursive n(i) as (select 1 union all select i + 1 from n where i < 3000000) select count(*) as c from n';

describe('the SQLite read pool', () => {
  let dir: string;
  let writer: SQLite.Database;
  let pool: SqliteReadPool;

  beforeEach(async () => {
    dir = await tempDir('slh-read-pool-');
    const file = path.join(dir, 'slh.sqlite');
    writer = new SQLite(file);
    writer.pragma('journal_mode = WAL');
    writer.exec('create table notes (id integer primary key, body text)');
    pool = new SqliteReadPool(file, 2);
  });

  afterEach(async () => {
    await pool.close();
    writer.close();
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('reads what the main connection has committed, through Kysely', async () => {
    const read = readOnlyKysely(pool);
    writer.prepare('insert into notes (body) values (?)').run('first');
    const before = await sql<{ body: string }>`select body from notes order by id`.execute(read);
    expect(before.rows.map((r) => r.body)).toEqual(['first']);
    writer.prepare('insert into notes (body) values (?)').run('second');
    const after = await sql<{ n: number }>`select count(*) as n from notes where body like ${'%o%'}`.execute(
      read,
    );
    expect(after.rows[0]?.n).toBe(1);
    expect((await sql<{ n: number }>`select count(*) as n from notes`.execute(read)).rows[0]?.n).toBe(2);
  });

  it('refuses a statement that writes, naming why, and the file is unchanged', async () => {
    await expect(pool.query('insert into notes (body) values (?)', ['sneaky'])).rejects.toThrow(
      /only statements that return rows/,
    );
    await expect(pool.query('delete from notes returning id', [])).rejects.toThrow(/readonly/i);
    expect(writer.prepare('select count(*) as n from notes').get()).toEqual({ n: 0 });
  });

  it('passes a database error back as an error and goes on working', async () => {
    await expect(pool.query('select * from no_such_table', [])).rejects.toThrow(/no such table/);
    expect(await pool.query('select 1 as one', [])).toEqual([{ one: 1 }]);
  });

  it('keeps the calling thread free while a long read runs, and runs two reads at once', async () => {
    let ticked = false;
    setTimeout(() => (ticked = true), 1);
    const slow = pool.query(SLOW, []);
    const other = pool.query(SLOW, []);
    // The timer fires while the reads are still running: they are not on this thread.
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(ticked).toBe(true);
    expect(pool.workers).toBe(2);
    expect(await slow).toEqual([{ c: 3000000 }]);
    expect(await other).toEqual([{ c: 3000000 }]);
  });

  it('fails what is waiting when it closes, and anything asked afterwards', async () => {
    const waiting = Promise.allSettled([
      pool.query(SLOW, []),
      pool.query(SLOW, []),
      pool.query('select 1', []),
    ]);
    await pool.close();
    const settled = await waiting;
    expect(settled.map((s) => s.status)).toEqual(['rejected', 'rejected', 'rejected']);
    await expect(pool.query('select 1', [])).rejects.toThrow(/closed/);
  });
});
