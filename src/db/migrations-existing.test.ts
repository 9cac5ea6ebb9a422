import fs from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_MARKDOWN, tempDir } from '../../test/support/fixtures.js';
import { BACKENDS, testEnv } from '../../test/support/services.js';
import type { TestEnv } from '../../test/support/services.js';
import { PUBLIC_ACCESS } from '../services/review-service.js';
import { migrateToLatest } from './index.js';
import { PASSAGE_COPIES } from './migrations/0018_passage_access.js';

/**
 * Migrations 0016, 0017 and 0018 fill new tables and columns from what a library already holds. Here a
 * library with reviews is taken back to before them (what they create is dropped and their record
 * removed), migrated again, and checked against its own rows.
 */
describe.each(BACKENDS)('migrations 0016 to 0018 on a library that holds reviews, on %s', (backend) => {
  let t: TestEnv;
  let dir: string;
  const ids: string[] = [];

  beforeAll(async () => {
    t = await testEnv(backend);
    dir = await tempDir();
    for (const letter of ['A', 'B', 'C']) {
      const file = path.join(dir, `${letter}.md`);
      await fs.writeFile(file, SAMPLE_MARKDOWN.replaceAll('Child Q', `Child ${letter}`));
      const out = await t.services.importer.importAll([{ path: file }]);
      ids.push(out.imported[0]?.id ?? '');
    }
    const db = t.services.db.kysely;
    if (backend === 'postgres') {
      await sql`drop trigger review_terms_counted on review_terms`.execute(db);
      await sql`drop function term_reviews_follow()`.execute(db);
      await sql`drop trigger reviews_passages on reviews`.execute(db);
      await sql`drop function passages_follow()`.execute(db);
      await sql`drop index passages_search`.execute(db);
      await sql`alter table passages ${sql.join(
        PASSAGE_COPIES.map((c) => sql`drop column ${sql.id(c)}`),
        sql`, `,
      )}`.execute(db);
      await sql`create index passages_search on passages using gin (search)`.execute(db);
    } else {
      for (const trigger of ['insert', 'delete', 'update'])
        await sql`drop trigger ${sql.id(`review_terms_counted_${trigger}`)}`.execute(db);
    }
    await sql`drop table term_reviews`.execute(db);
    await sql`delete from kysely_migration where name in ('0016_term_reviews', '0017_passage_filters', '0018_passage_access')`.execute(
      db,
    );
    await migrateToLatest(t.services.db, t.services.config.dbSchema);
  });
  afterAll(async () => {
    await t.cleanup();
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("counts each word's reviews from the terms already stored, and keeps counting after", async () => {
    const db = t.services.db.kysely;
    const counts = async () =>
      Object.fromEntries(
        (
          await db.selectFrom('term_reviews').select(['term', 'reviews']).where('reviews', '>', 0).execute()
        ).map((r) => [r.term, Number(r.reviews)]),
      );
    const expected = async () =>
      Object.fromEntries(
        (
          await db
            .selectFrom('review_terms')
            .select(['term', (eb) => eb.fn.countAll<number>().as('n')])
            .groupBy('term')
            .execute()
        ).map((r) => [r.term, Number(r.n)]),
      );
    const filled = await counts();
    expect(Object.keys(filled).length).toBeGreaterThan(20);
    // the three reviews share most of their words
    expect(Math.max(...Object.values(filled))).toBe(3);
    expect(filled).toEqual(await expected());
    await t.services.search.reindex();
    expect(await counts()).toEqual(await expected());
    const similar = await t.services.search.similar(ids[0] ?? '', PUBLIC_ACCESS);
    expect(similar.map((s) => s.id).sort()).toEqual([ids[1], ids[2]].sort());
  });

  it.runIf(backend === 'postgres')(
    "copies each indexed paragraph's review columns, and a filter on them finds the paragraphs",
    async () => {
      const db = t.services.db.kysely;
      const wrong = await sql<{
        n: number;
      }>`select count(*) as n from passages p join reviews r on r.id = p.review_id
        where p.search is not null and (${sql.join(
          PASSAGE_COPIES.map((c) => sql.ref(`p.${c}`)),
        )}) is distinct from (${sql.join(PASSAGE_COPIES.map((c) => sql.ref(`r.${c}`)))})`.execute(db);
      expect(Number(wrong.rows[0]?.n)).toBe(0);
      const copied = await sql<{
        n: number;
      }>`select count(*) as n from passages where search is not null and review_type is not null`.execute(db);
      expect(Number(copied.rows[0]?.n)).toBeGreaterThan(10);
      const { review_type, nation } = await db
        .selectFrom('reviews')
        .select(['review_type', 'nation'])
        .where('id', '=', ids[0] ?? '')
        .executeTakeFirstOrThrow();
      const found = await t.services.search.search(
        {
          q: 'bruising',
          filter: { types: [review_type], nations: [nation ?? ''] },
          view: 'passages',
          sort: 'relevance',
          page: 1,
          pageSize: 50,
        },
        PUBLIC_ACCESS,
      );
      expect(new Set(found.results.map((r) => r.id))).toEqual(new Set(ids));
    },
  );
});
