import type { Kysely } from 'kysely';
import type { Database } from '../db/types.js';
import type { SearchIndex } from '../search/search-index.js';
import { storeReviewTerms } from '../search/similar.js';
import type { FileStore } from '../storage/file-store.js';
import type { AuditService } from './audit-service.js';

/** Sections that stay when the full copy goes: the summary a reader needs to know what the review found. */
const KEPT_SECTION_KINDS = ['executive-summary', 'front-matter'];

/**
 * The latest day a partial publication date can mean ("2019" is read as 31 December 2019), so a
 * review is never withdrawn early.
 */
export function latestDay(published: string | null, added: string): string {
  if (!published) return added.slice(0, 10);
  if (/^\d{4}-\d{2}-\d{2}$/.test(published)) return published;
  if (/^\d{4}-\d{2}$/.test(published)) {
    const [y, m] = published.split('-').map(Number) as [number, number];
    return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  }
  return `${published.slice(0, 4)}-12-31`;
}

export interface RetentionOutcome {
  /** reviews whose copy was (or, in a dry run, would be) withdrawn */
  due: Array<{ id: string; title: string; published: string | null }>;
  withdrawn: number;
}

/**
 * Applies the retention period: after it, a published report's electronic copy is withdrawn (its
 * original files deleted, its full text removed from the library and the search index) while its
 * catalogue record, executive summary, recommendations and themes remain. One transaction per review,
 * so the job can be stopped and run again; a review already done is not touched twice.
 */
export class RetentionService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly files: FileStore,
    private readonly index: SearchIndex | null,
    private readonly audit: AuditService,
  ) {}

  async due(years: number, now: Date): Promise<RetentionOutcome['due']> {
    if (years <= 0) return [];
    const rows = await this.db
      .selectFrom('reviews')
      .select(['id', 'title', 'published_on', 'created_at'])
      .where('status', '=', 'published')
      .where('copy_withdrawn_at', 'is', null)
      .orderBy('published_on')
      .execute();
    const cutoff = new Date(now);
    cutoff.setUTCFullYear(cutoff.getUTCFullYear() - years);
    const limit = cutoff.toISOString().slice(0, 10);
    return rows
      .filter((r) => latestDay(r.published_on, r.created_at) < limit)
      .map((r) => ({ id: r.id, title: r.title, published: r.published_on }));
  }

  async apply(years: number, now: Date, options: { dryRun?: boolean } = {}): Promise<RetentionOutcome> {
    const due = await this.due(years, now);
    if (options.dryRun) return { due, withdrawn: 0 };
    let withdrawn = 0;
    for (const review of due) {
      const keys = await this.withdrawCopy(review.id, now.toISOString());
      // Files go after the commit: a crash in between leaves a file nobody serves, never a record
      // pointing at a missing file. A file is shared only by identical documents, so it can go.
      for (const key of keys) await this.files.remove(key);
      await this.audit.record(
        { system: 'retention' },
        {
          action: 'review.retention',
          target: { type: 'review', id: review.id },
          detail: { years, files: keys.length, published: review.published },
          from: null,
        },
      );
      withdrawn++;
    }
    return { due, withdrawn };
  }

  private async withdrawCopy(reviewId: string, at: string): Promise<string[]> {
    return this.db.transaction().execute(async (trx) => {
      const current = await trx
        .selectFrom('reviews')
        .select('copy_withdrawn_at')
        .where('id', '=', reviewId)
        .executeTakeFirst();
      if (!current || current.copy_withdrawn_at !== null) return [];
      const kept = trx
        .selectFrom('sections')
        .select('id')
        .where('review_id', '=', reviewId)
        .where('kind', 'in', KEPT_SECTION_KINDS);
      // Evidence for themes and recommendations keep their own copies of the words they need.
      if (this.index) await this.index.removeReview(trx, reviewId);
      await trx
        .deleteFrom('passages')
        .where('review_id', '=', reviewId)
        .where((eb) => eb.or([eb('section_id', 'is', null), eb('section_id', 'not in', kept)]))
        .execute();
      const documents = await trx
        .selectFrom('documents')
        .select(['storage_key'])
        .where('review_id', '=', reviewId)
        .where('withdrawn_at', 'is', null)
        .execute();
      await trx
        .updateTable('documents')
        .set({ withdrawn_at: at })
        .where('review_id', '=', reviewId)
        .execute();
      await trx
        .updateTable('reviews')
        .set({ copy_withdrawn_at: at, updated_at: at })
        .where('id', '=', reviewId)
        .execute();
      await storeReviewTerms(trx, reviewId);
      if (this.index) await this.index.indexReview(trx, reviewId);
      return documents.map((d) => d.storage_key);
    });
  }
}
