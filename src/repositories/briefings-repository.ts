import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { chunks } from '../shared/chunks.js';
import type { Database } from '../db/types.js';
import type { Evidence } from '../analysis/themes/types.js';
import { visibleTo } from './access.js';
import type { AccessScope } from './access.js';

export interface BriefingRecord {
  id: string;
  scopeKey: string;
  kind: string;
  title: string;
  status: 'draft' | 'published' | 'withdrawn';
  currentVersion: number;
  publishedVersion: number | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
}

export interface BriefingVersion {
  version: number;
  content: string;
  note: string;
  editedBy: string;
  createdAt: string;
}

type Row = Database['briefings'];
const record = (r: Row): BriefingRecord => ({
  id: r.id,
  scopeKey: r.scope_key,
  kind: r.kind,
  title: r.title,
  status: r.status as BriefingRecord['status'],
  currentVersion: Number(r.current_version),
  publishedVersion: r.published_version === null ? null : Number(r.published_version),
  createdBy: r.created_by,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  publishedAt: r.published_at,
});

/** Kept briefings and their versions, and the reviews a theme briefing draws on. */
export class BriefingsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** "Every review the briefing cites is visible under `access`", for the briefings row aliased b. */
  private allVisible(access: AccessScope) {
    return sql<boolean>`not exists (select 1 from briefing_reviews br join reviews r on r.id = br.review_id
      where br.briefing_id = b.id and not ${visibleTo(access, 'r')})
      and not exists (select 1 from briefing_reviews br2 where br2.briefing_id = b.id
        and not exists (select 1 from reviews r2 where r2.id = br2.review_id))`;
  }

  async find(id: string, access: AccessScope): Promise<BriefingRecord | undefined> {
    const row = await this.db
      .selectFrom('briefings as b')
      .selectAll('b')
      .where('b.id', '=', id)
      .where(this.allVisible(access))
      .executeTakeFirst();
    return row ? record(row) : undefined;
  }

  async findByScope(scopeKey: string): Promise<BriefingRecord | undefined> {
    const row = await this.db
      .selectFrom('briefings')
      .selectAll()
      .where('scope_key', '=', scopeKey)
      .executeTakeFirst();
    return row ? record(row) : undefined;
  }

  async list(access: AccessScope, statuses: readonly string[]): Promise<BriefingRecord[]> {
    if (!statuses.length) return [];
    const rows = await this.db
      .selectFrom('briefings as b')
      .selectAll('b')
      .where('b.status', 'in', statuses)
      .where(this.allVisible(access))
      .orderBy('b.updated_at', 'desc')
      .limit(500)
      .execute();
    return rows.map(record);
  }

  async version(id: string, version: number): Promise<BriefingVersion | undefined> {
    const row = await this.db
      .selectFrom('briefing_versions')
      .selectAll()
      .where('briefing_id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return (
      row && {
        version: Number(row.version),
        content: row.content,
        note: row.note,
        editedBy: row.edited_by,
        createdAt: row.created_at,
      }
    );
  }

  async versions(id: string): Promise<Array<Omit<BriefingVersion, 'content'>>> {
    const rows = await this.db
      .selectFrom('briefing_versions')
      .select(['version', 'note', 'edited_by', 'created_at'])
      .where('briefing_id', '=', id)
      .orderBy('version', 'desc')
      .execute();
    return rows.map((r) => ({
      version: Number(r.version),
      note: r.note,
      editedBy: r.edited_by,
      createdAt: r.created_at,
    }));
  }

  /** A new kept briefing with its first version, in one transaction. */
  async create(b: {
    id: string;
    scopeKey: string;
    kind: string;
    title: string;
    content: string;
    reviewIds: string[];
    by: string;
    now: string;
  }): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('briefings')
        .values({
          id: b.id,
          scope_key: b.scopeKey,
          kind: b.kind,
          title: b.title,
          status: 'draft',
          current_version: 1,
          published_version: null,
          created_by: b.by,
          created_at: b.now,
          updated_at: b.now,
          published_at: null,
        })
        .execute();
      await trx
        .insertInto('briefing_versions')
        .values({
          briefing_id: b.id,
          version: 1,
          content: b.content,
          note: 'Generated from the reviews',
          edited_by: b.by,
          created_at: b.now,
        })
        .execute();
      const ids = [...new Set(b.reviewIds)];
      for (const part of chunks(ids, 200))
        await trx
          .insertInto('briefing_reviews')
          .values(part.map((review_id) => ({ briefing_id: b.id, review_id })))
          .execute();
    });
  }

  /**
   * Appends a version, unless someone else saved one since `basedOn` (then false: nothing is
   * written, and the editor is told to start again from the newer version).
   */
  async addVersion(
    id: string,
    basedOn: number,
    v: { title: string; content: string; note: string; by: string; now: string; reviewIds: string[] },
  ): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const updated = await trx
        .updateTable('briefings')
        .set({ current_version: basedOn + 1, title: v.title, updated_at: v.now })
        .where('id', '=', id)
        .where('current_version', '=', basedOn)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1) return false;
      await trx
        .insertInto('briefing_versions')
        .values({
          briefing_id: id,
          version: basedOn + 1,
          content: v.content,
          note: v.note,
          edited_by: v.by,
          created_at: v.now,
        })
        .execute();
      const known = new Set(
        (
          await trx.selectFrom('briefing_reviews').select('review_id').where('briefing_id', '=', id).execute()
        ).map((r) => r.review_id),
      );
      const added = [...new Set(v.reviewIds)].filter((r) => !known.has(r));
      for (const part of chunks(added, 200))
        await trx
          .insertInto('briefing_reviews')
          .values(part.map((review_id) => ({ briefing_id: id, review_id })))
          .execute();
      return true;
    });
  }

  async setStatus(
    id: string,
    status: 'published' | 'withdrawn',
    version: number | null,
    now: string,
  ): Promise<void> {
    await this.db
      .updateTable('briefings')
      .set({
        status,
        published_version: version,
        updated_at: now,
        ...(status === 'published' ? { published_at: now } : {}),
      })
      .where('id', '=', id)
      .execute();
  }

  /** How many of these reviews are not visible under `access` (0: all are). */
  async hiddenAmong(reviewIds: string[], access: AccessScope): Promise<number> {
    let visible = 0;
    const ids = [...new Set(reviewIds)];
    for (const part of chunks(ids, 500)) {
      const row = await this.db
        .selectFrom('reviews as r')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('r.id', 'in', part)
        .where(visibleTo(access, 'r'))
        .executeTakeFirst();
      visible += Number(row?.n ?? 0);
    }
    return ids.length - visible;
  }

  /** For each theme, how many reviews other than this one carry it (not rejected) among those `access` sees. */
  async themeCountsElsewhere(
    reviewId: string,
    slugs: string[],
    access: AccessScope,
  ): Promise<Record<string, number>> {
    if (!slugs.length) return {};
    const rows = await this.db
      .selectFrom('review_themes as t')
      .innerJoin('reviews as r', 'r.id', 't.review_id')
      .select(['t.slug', (eb) => eb.fn.countAll<number>().as('n')])
      .where('t.slug', 'in', slugs)
      .where('t.status', '<>', 'rejected')
      .where('t.review_id', '<>', reviewId)
      .where(visibleTo(access, 'r'))
      .groupBy('t.slug')
      .execute();
    return Object.fromEntries(rows.map((r) => [r.slug, Number(r.n)]));
  }

  /** Reviews in scope the caller may see, and those of them coded with the theme (with its evidence). */
  async themeSources(
    access: AccessScope,
    slug: string,
    filter: { region?: string; type?: string; from?: number; to?: number },
  ): Promise<{
    inScope: number;
    reviews: Array<{
      id: string;
      title: string;
      year: number | null;
      region: string | null;
      evidence: Evidence[];
    }>;
  }> {
    const scoped = (alias: string) => {
      const parts = [visibleTo(access, alias)];
      const col = (c: string) => sql.ref(`${alias}.${c}`);
      if (filter.region) parts.push(sql`${col('region')} = ${filter.region}`);
      if (filter.type) parts.push(sql`${col('review_type')} = ${filter.type}`);
      if (filter.from !== undefined) parts.push(sql`${col('published_year')} >= ${filter.from}`);
      if (filter.to !== undefined) parts.push(sql`${col('published_year')} <= ${filter.to}`);
      return sql.join(parts, sql` and `);
    };
    const total = await sql<{ n: number }>`select count(*) as n from reviews r where ${scoped('r')}`.execute(
      this.db,
    );
    const rows = await sql<{
      id: string;
      title: string;
      year: number | null;
      region: string | null;
      evidence: string;
    }>`
      select r.id, r.title, r.published_year as year, r.region, t.evidence
      from review_themes t join reviews r on r.id = t.review_id
      where t.slug = ${slug} and t.status <> 'rejected' and ${scoped('r')}
      order by r.published_year desc, r.id`.execute(this.db);
    return {
      inScope: Number(total.rows[0]?.n ?? 0),
      reviews: rows.rows.map((r) => ({
        id: r.id,
        title: r.title,
        year: r.year === null ? null : Number(r.year),
        region: r.region,
        evidence: JSON.parse(r.evidence) as Evidence[],
      })),
    };
  }

  async recommendationsOf(reviewIds: string[]): Promise<
    Array<{
      reviewId: string;
      number: string | null;
      text: string;
      page: number | null;
      section: string | null;
    }>
  > {
    const out: Array<{
      reviewId: string;
      number: string | null;
      text: string;
      page: number | null;
      section: string | null;
    }> = [];
    for (const part of chunks(reviewIds, 500)) {
      const rows = await this.db
        .selectFrom('recommendations as rc')
        .leftJoin('sections as s', 's.id', 'rc.section_id')
        .select(['rc.review_id', 'rc.number', 'rc.text', 'rc.page', 's.heading'])
        .where('rc.review_id', 'in', part)
        .orderBy('rc.review_id')
        .orderBy('rc.seq')
        .execute();
      for (const r of rows)
        out.push({ reviewId: r.review_id, number: r.number, text: r.text, page: r.page, section: r.heading });
    }
    return out;
  }

  /** The passage of a review that holds a sentence (near the paragraph given, when there is one). */
  async passageHolding(
    reviewId: string,
    text: string,
    paragraph: string | null,
  ): Promise<{ id: number; paragraph: string | null; page: number | null } | undefined> {
    // LIKE narrows the search by a run of the sentence free of LIKE's own wildcards.
    const probe =
      text
        .trim()
        .slice(0, 60)
        .split(/[%_\\]/)[0] ?? '';
    let query = this.db
      .selectFrom('passages')
      .select(['id', 'paragraph', 'page', 'text'])
      .where('review_id', '=', reviewId);
    if (probe.length >= 10) query = query.where('text', 'like', `%${probe}%`);
    const rows = await query.orderBy('seq').execute();
    const holding = rows.filter((r) => r.text.includes(text.trim()));
    const best = holding.find((r) => r.paragraph === paragraph) ?? holding[0];
    return best && { id: best.id, paragraph: best.paragraph, page: best.page };
  }
}
