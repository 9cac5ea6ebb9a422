import type { Kysely, Transaction } from 'kysely';
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
}
