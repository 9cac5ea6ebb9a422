import { sql } from 'kysely';
import type { Kysely, Transaction } from 'kysely';
import { visibleTo } from './access.js';
import type { AccessScope } from './access.js';
import type { Database } from '../db/types.js';
import type { Applies, Evidence, Indicator, Theme, ThemeCode, ThemeSeed } from '../analysis/themes/types.js';

type Executor = Kysely<Database> | Transaction<Database>;

export interface StoredCode {
  slug: string;
  status: 'suggested' | 'confirmed' | 'rejected' | 'added';
  confidence: number | null;
  evidence: Evidence[];
  codedBy: string;
  codedAt: string;
  reviewedBy: string | null;
  reviewedAt: string | null;
}

/**
 * A review's codes are part of the review: changing them marks the review changed, so pages cached
 * per library version show the new codes.
 */
async function touchReview(db: Executor, reviewId: string, now: string): Promise<void> {
  await db
    .updateTable('reviews')
    .set({ updated_at: now })
    .where('id', '=', reviewId)
    .where('updated_at', '<', now)
    .execute();
}

/** Theme taxonomy, review codes and trained models. */
export class ThemesRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Seeds an empty taxonomy, recording each seed in the history. */
  async seedIfEmpty(seeds: readonly ThemeSeed[], indicators: Record<string, Indicator[]>): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const any = await trx.selectFrom('themes').select('slug').limit(1).executeTakeFirst();
      if (any) return false;
      const now = new Date().toISOString();
      for (const seed of seeds) {
        const row = {
          slug: seed.slug,
          label: seed.label,
          theme_group: seed.group,
          applies: JSON.stringify(seed.applies),
          definition: seed.definition,
          indicators: JSON.stringify(indicators[seed.slug] ?? []),
          version: 1,
          updated_by: 'seed',
          updated_at: now,
        };
        await trx
          .insertInto('themes')
          .values(row)
          .onConflict((oc) => oc.column('slug').doNothing())
          .execute();
        await trx
          .insertInto('theme_changes')
          .values({
            slug: seed.slug,
            version: 1,
            change: 'seeded',
            before: null,
            after: JSON.stringify(row),
            changed_by: 'seed',
            changed_at: now,
          })
          .execute();
      }
      return true;
    });
  }

  async list(): Promise<Theme[]> {
    const rows = await this.db
      .selectFrom('themes')
      .selectAll()
      .orderBy('theme_group')
      .orderBy('slug')
      .execute();
    return rows.map((r) => ({
      slug: r.slug,
      label: r.label,
      group: r.theme_group as Theme['group'],
      applies: JSON.parse(r.applies) as Applies[],
      definition: r.definition,
      indicators: JSON.parse(r.indicators) as Indicator[],
    }));
  }

  /** A change stamp for caches: the latest taxonomy edit and model. */
  async stamp(): Promise<string> {
    const t = await this.db
      .selectFrom('themes')
      .select((eb) => eb.fn.max('updated_at').as('at'))
      .executeTakeFirst();
    const m = await this.db
      .selectFrom('theme_models')
      .select((eb) => eb.fn.max('id').as('id'))
      .executeTakeFirst();
    return `${String(t?.at ?? '')}/${String(m?.id ?? '')}`;
  }

  /** Replaces a review's suggestions; an analyst's decision on a theme is never overwritten. */
  async storeSuggestions(db: Executor, reviewId: string, codes: ThemeCode[]): Promise<void> {
    await db
      .deleteFrom('review_themes')
      .where('review_id', '=', reviewId)
      .where('status', '=', 'suggested')
      .execute();
    const decided = new Set(
      (await db.selectFrom('review_themes').select('slug').where('review_id', '=', reviewId).execute()).map(
        (r) => r.slug,
      ),
    );
    const now = new Date().toISOString();
    const rows = codes
      .filter((c) => !decided.has(c.slug))
      .map((c) => ({
        review_id: reviewId,
        slug: c.slug,
        status: 'suggested',
        confidence: c.confidence,
        evidence: JSON.stringify(c.evidence),
        coded_by: 'coder',
        coded_at: now,
        reviewed_by: null,
        reviewed_at: null,
      }));
    if (rows.length) await db.insertInto('review_themes').values(rows).execute();
    await touchReview(db, reviewId, now);
  }

  async codesFor(reviewId: string): Promise<StoredCode[]> {
    const rows = await this.db
      .selectFrom('review_themes')
      .selectAll()
      .where('review_id', '=', reviewId)
      .orderBy('confidence', 'desc')
      .execute();
    return rows.map((r) => ({
      slug: r.slug,
      status: r.status as StoredCode['status'],
      confidence: r.confidence === null ? null : Number(r.confidence),
      evidence: JSON.parse(r.evidence) as Evidence[],
      codedBy: r.coded_by,
      codedAt: r.coded_at,
      reviewedBy: r.reviewed_by,
      reviewedAt: r.reviewed_at,
    }));
  }

  async latestModel(): Promise<{ model: string; source: string; trainedAt: string } | null> {
    const row = await this.db
      .selectFrom('theme_models')
      .select(['model', 'source', 'trained_at'])
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row ? { model: row.model, source: row.source, trainedAt: row.trained_at } : null;
  }

  async saveModel(model: string, examples: number, source: string): Promise<void> {
    await this.db
      .insertInto('theme_models')
      .values({ trained_at: new Date().toISOString(), examples, source, model })
      .execute();
  }

  /** Analysts' decisions as training examples: evidence sentences of confirmed and added codes, and of rejected ones. */
  async decisions(): Promise<Array<{ slug: string; status: string; evidence: Evidence[] }>> {
    const rows = await this.db
      .selectFrom('review_themes')
      .select(['slug', 'status', 'evidence'])
      .where('status', 'in', ['confirmed', 'added', 'rejected'])
      .execute();
    return rows.map((r) => ({
      slug: r.slug,
      status: r.status,
      evidence: JSON.parse(r.evidence) as Evidence[],
    }));
  }

  /**
   * Reviews published each year and, per theme, how many of them carry the theme (suggested or
   * confirmed; rejected codes never count) and how many an analyst confirmed. Access comes first.
   */
  async prevalence(
    access: AccessScope,
    filter: { regions?: string[]; types?: string[] },
  ): Promise<{
    totals: Array<{ year: number; region: string | null; n: number }>;
    coded: Array<{ year: number; region: string | null; slug: string; n: number; confirmed: number }>;
  }> {
    const where = (q: string) => {
      const parts = [visibleTo(access, q), sql`${sql.ref(`${q}.published_year`)} is not null`];
      if (filter.regions?.length)
        parts.push(sql`${sql.ref(`${q}.region`)} in (${sql.join(filter.regions.map((v) => sql`${v}`))})`);
      if (filter.types?.length)
        parts.push(sql`${sql.ref(`${q}.review_type`)} in (${sql.join(filter.types.map((v) => sql`${v}`))})`);
      return sql.join(parts, sql` and `);
    };
    const totals = await sql<{
      year: number;
      region: string | null;
      n: number;
    }>`select r.published_year as year, r.region, count(*) as n from reviews r where ${where('r')} group by r.published_year, r.region`.execute(
      this.db,
    );
    const coded = await sql<{
      year: number;
      region: string | null;
      slug: string;
      n: number;
      confirmed: number;
    }>`
      select r.published_year as year, r.region, t.slug, count(*) as n, sum(case when t.status in ('confirmed', 'added') then 1 else 0 end) as confirmed
      from review_themes t join reviews r on r.id = t.review_id
      where t.status <> 'rejected' and ${where('r')}
      group by r.published_year, r.region, t.slug`.execute(this.db);
    const num = <T extends Record<string, unknown>>(rows: T[], keys: Array<keyof T>) =>
      rows.map((r) => ({ ...r, ...Object.fromEntries(keys.map((k) => [k, Number(r[k])])) }));
    return { totals: num(totals.rows, ['year', 'n']), coded: num(coded.rows, ['year', 'n', 'confirmed']) };
  }

  /** The themes of each review the caller may see (not rejected), for co-occurrence. */
  async themesByReview(access: AccessScope): Promise<string[][]> {
    const rows = await this.db
      .selectFrom('review_themes as t')
      .innerJoin('reviews as r', 'r.id', 't.review_id')
      .select(['t.review_id', 't.slug'])
      .where('t.status', '<>', 'rejected')
      .where(visibleTo(access, 'r'))
      .execute();
    const byReview = new Map<string, string[]>();
    for (const r of rows) byReview.set(r.review_id, [...(byReview.get(r.review_id) ?? []), r.slug]);
    return [...byReview.values()];
  }

  /** Reviews coded with a theme, newest first, with the codes' evidence. */
  async reviewsWith(
    access: AccessScope,
    slug: string,
    limit: number,
  ): Promise<
    Array<{
      id: string;
      title: string;
      published_on: string | null;
      status: string;
      confidence: number | null;
      evidence: Evidence[];
    }>
  > {
    const rows = await this.db
      .selectFrom('review_themes as t')
      .innerJoin('reviews as r', 'r.id', 't.review_id')
      .select(['r.id', 'r.title', 'r.published_on', 't.status', 't.confidence', 't.evidence'])
      .where('t.slug', '=', slug)
      .where('t.status', '<>', 'rejected')
      .where(visibleTo(access, 'r'))
      .orderBy('r.published_on', 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      ...r,
      confidence: r.confidence === null ? null : Number(r.confidence),
      evidence: JSON.parse(r.evidence) as Evidence[],
    }));
  }

  /**
   * Saves a theme (a new one, or a change to one) and appends the change to its history, in one
   * transaction. The version goes up by one at every change.
   */
  async saveTheme(theme: Theme, by: string, change: 'added' | 'edited'): Promise<number> {
    return this.db.transaction().execute(async (trx) => {
      const before = await trx
        .selectFrom('themes')
        .selectAll()
        .where('slug', '=', theme.slug)
        .executeTakeFirst();
      const version = (before?.version ?? 0) + 1;
      const now = new Date().toISOString();
      const row = {
        slug: theme.slug,
        label: theme.label,
        theme_group: theme.group,
        applies: JSON.stringify(theme.applies),
        definition: theme.definition,
        indicators: JSON.stringify(theme.indicators),
        version,
        updated_by: by,
        updated_at: now,
      };
      if (before) await trx.updateTable('themes').set(row).where('slug', '=', theme.slug).execute();
      else await trx.insertInto('themes').values(row).execute();
      await trx
        .insertInto('theme_changes')
        .values({
          slug: theme.slug,
          version,
          change,
          before: before ? JSON.stringify(before) : null,
          after: JSON.stringify(row),
          changed_by: by,
          changed_at: now,
        })
        .execute();
      return version;
    });
  }

  async history(slug: string): Promise<
    Array<{
      version: number;
      change: string;
      changedBy: string;
      changedAt: string;
      before: Record<string, unknown> | null;
      after: Record<string, unknown>;
    }>
  > {
    const rows = await this.db
      .selectFrom('theme_changes')
      .selectAll()
      .where('slug', '=', slug)
      .orderBy('version', 'asc')
      .execute();
    return rows.map((r) => ({
      version: r.version,
      change: r.change,
      changedBy: r.changed_by,
      changedAt: r.changed_at,
      before: r.before ? (JSON.parse(r.before) as Record<string, unknown>) : null,
      after: JSON.parse(r.after) as Record<string, unknown>,
    }));
  }

  /** An analyst's decision on a review's theme: confirm or reject a suggestion, or add a missed theme with its evidence. */
  async decide(
    reviewId: string,
    slug: string,
    status: 'confirmed' | 'rejected' | 'added',
    by: string,
    evidence?: Evidence[],
  ): Promise<void> {
    const now = new Date().toISOString();
    await this.db.transaction().execute(async (trx) => {
      const existing = await trx
        .selectFrom('review_themes')
        .select(['status', 'evidence'])
        .where('review_id', '=', reviewId)
        .where('slug', '=', slug)
        .executeTakeFirst();
      if (existing) {
        await trx
          .updateTable('review_themes')
          .set({
            status,
            reviewed_by: by,
            reviewed_at: now,
            ...(evidence ? { evidence: JSON.stringify(evidence) } : {}),
          })
          .where('review_id', '=', reviewId)
          .where('slug', '=', slug)
          .execute();
      } else {
        await trx
          .insertInto('review_themes')
          .values({
            review_id: reviewId,
            slug,
            status,
            confidence: null,
            evidence: JSON.stringify(evidence ?? []),
            coded_by: by,
            coded_at: now,
            reviewed_by: by,
            reviewed_at: now,
          })
          .execute();
      }
      await touchReview(trx, reviewId, now);
    });
  }

  /**
   * How the coder agrees with analysts, per theme: suggestions confirmed, suggestions rejected, and
   * themes analysts added that the coder missed.
   */
  async agreement(): Promise<Array<{ slug: string; confirmed: number; rejected: number; added: number }>> {
    const rows = await this.db
      .selectFrom('review_themes')
      .select(['slug', 'status', (eb) => eb.fn.countAll<number>().as('n')])
      .where('status', 'in', ['confirmed', 'rejected', 'added'])
      .where('coded_by', '=', 'coder')
      .groupBy(['slug', 'status'])
      .execute();
    const added = await this.db
      .selectFrom('review_themes')
      .select(['slug', (eb) => eb.fn.countAll<number>().as('n')])
      .where('status', '=', 'added')
      .where('coded_by', '<>', 'coder')
      .groupBy('slug')
      .execute();
    const out = new Map<string, { slug: string; confirmed: number; rejected: number; added: number }>();
    const get = (slug: string) => {
      const found = out.get(slug);
      if (found) return found;
      const fresh = { slug, confirmed: 0, rejected: 0, added: 0 };
      out.set(slug, fresh);
      return fresh;
    };
    for (const r of rows) {
      if (r.status === 'confirmed') get(r.slug).confirmed += Number(r.n);
      if (r.status === 'rejected') get(r.slug).rejected += Number(r.n);
    }
    for (const r of added) get(r.slug).added += Number(r.n);
    return [...out.values()].sort((a, b) => a.slug.localeCompare(b.slug));
  }

  /** Queues every review for re-coding under a job id; an earlier job's queue is replaced. */
  async enqueueRecode(job: string): Promise<number> {
    return this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('theme_recode').execute();
      const ids = await trx.selectFrom('reviews').select('id').orderBy('created_at').execute();
      for (let i = 0; i < ids.length; i += 500) {
        await trx
          .insertInto('theme_recode')
          .values(
            ids
              .slice(i, i + 500)
              .map((r) => ({ review_id: r.id, job, status: 'queued', claimed_by: null, claimed_at: null })),
          )
          .execute();
      }
      return ids.length;
    });
  }

  /**
   * Claims up to `limit` queued reviews for one worker, atomically: several processes can share a
   * job. Work claimed by a worker that died (claimed over `staleMs` ago and not done) is claimed again.
   */
  async claimRecode(worker: string, limit: number, staleMs = 10 * 60_000): Promise<string[]> {
    const now = new Date();
    const stale = new Date(now.getTime() - staleMs).toISOString();
    const rows = await sql<{
      review_id: string;
    }>`update theme_recode set status = 'running', claimed_by = ${worker}, claimed_at = ${now.toISOString()}
      where review_id in (select review_id from theme_recode where status = 'queued' or (status = 'running' and claimed_at < ${stale}) order by review_id limit ${limit})
        and (status = 'queued' or (status = 'running' and claimed_at < ${stale}))
      returning review_id`.execute(this.db);
    return rows.rows.map((r) => r.review_id);
  }

  async finishRecode(db: Executor, reviewId: string): Promise<void> {
    await db.updateTable('theme_recode').set({ status: 'done' }).where('review_id', '=', reviewId).execute();
  }

  async recodeProgress(): Promise<{ job: string | null; total: number; done: number }> {
    const rows = await this.db
      .selectFrom('theme_recode')
      .select(['job', 'status', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy(['job', 'status'])
      .execute();
    return {
      job: rows[0]?.job ?? null,
      total: rows.reduce((n, r) => n + Number(r.n), 0),
      done: rows.filter((r) => r.status === 'done').reduce((n, r) => n + Number(r.n), 0),
    };
  }
}
