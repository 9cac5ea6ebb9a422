import type { Kysely, Transaction } from 'kysely';
import { FIGURES_VERSION, median, reviewFigures } from '../analysis/language/figures.js';
import type { Database } from '../db/types.js';
import { REVIEW_TYPES } from '../ingestion/metadata.js';
import { FiguresRepository } from '../repositories/figures-repository.js';
import type { FiguresFilter, FiguresRow } from '../repositories/figures-repository.js';
import type { AccessScope } from '../repositories/access.js';

export type { FiguresFilter } from '../repositories/figures-repository.js';

/** The figures the dashboard gives a median of, in the order it shows them. */
export const TREND_MEASURES = [
  'fleschReadingEase',
  'fleschKincaidGrade',
  'longSentenceShare',
  'passiveShare',
  'hindsightPer1000Words',
  'blamePer1000Words',
  'systemsPer1000Words',
] as const;
export type TrendMeasure = (typeof TREND_MEASURES)[number];

export type TrendDimension = 'year' | 'type';

export interface TrendGroup {
  /** the year, or the review type's code */
  key: string;
  reviews: number;
  /** null when the group has no reviews */
  medians: Record<TrendMeasure, number | null>;
}

export interface LanguageTrends {
  by: TrendDimension;
  /** reviews with figures under the filter (by year: those with a year of publication) */
  reviews: number;
  /** reviews left out of a by-year view because their year of publication is not known */
  undated: number;
  groups: TrendGroup[];
  overall: TrendGroup;
}

function group(key: string, rows: readonly FiguresRow[]): TrendGroup {
  const medians = Object.fromEntries(TREND_MEASURES.map((m) => [m, median(rows.map((r) => r[m]))])) as Record<
    TrendMeasure,
    number | null
  >;
  return { key, reviews: rows.length, medians };
}

/**
 * Computes a stored review's figures from its passages and keeps them, inside the caller's
 * transaction: an import, or a publication that redacted words, changes text and figures together.
 */
export async function storeReviewFigures(
  db: Kysely<Database> | Transaction<Database>,
  reviewId: string,
  at = new Date().toISOString(),
): Promise<void> {
  const repo = new FiguresRepository(db);
  const figures = reviewFigures(await repo.passageTexts(db, reviewId));
  await repo.store(db, reviewId, figures, FIGURES_VERSION, at);
}

/**
 * Each review's readability and framing figures, stored when it is imported or published and
 * recomputed when the rules change; and their medians by year and by type of review.
 */
export class FiguresService {
  private readonly repo: FiguresRepository;

  constructor(private readonly db: Kysely<Database>) {
    this.repo = new FiguresRepository(db);
  }

  /** Computes the figures of reviews that have none, or have them from older rules; returns how many. */
  async catchUp(onProgress?: (done: number, total: number) => void): Promise<number> {
    return this.computeEach(await this.repo.stale(FIGURES_VERSION), onProgress);
  }

  /** Recomputes every review's figures (each review that still has its full text). */
  async recomputeAll(onProgress?: (done: number, total: number) => void): Promise<number> {
    return this.computeEach(await this.repo.withText(), onProgress);
  }

  private async computeEach(
    ids: readonly string[],
    onProgress?: (done: number, total: number) => void,
  ): Promise<number> {
    for (const [i, id] of ids.entries()) {
      await this.db.transaction().execute((trx) => storeReviewFigures(trx, id));
      onProgress?.(i + 1, ids.length);
    }
    return ids.length;
  }

  /**
   * Medians of the stored figures by year of publication (every year from the first to the last,
   * empty years included so that a gap shows) or by type of review, over the reviews `access` may see.
   */
  async trends(access: AccessScope, by: TrendDimension, filter: FiguresFilter = {}): Promise<LanguageTrends> {
    const rows = await this.repo.rows(access, filter);
    const groupBy = <K>(items: readonly FiguresRow[], key: (r: FiguresRow) => K) => {
      const out = new Map<K, FiguresRow[]>();
      for (const r of items) {
        const list = out.get(key(r));
        if (list) list.push(r);
        else out.set(key(r), [r]);
      }
      return out;
    };
    if (by === 'type') {
      const byType = groupBy(rows, (r) => r.type);
      const order = (t: string) => {
        const i = (REVIEW_TYPES as readonly string[]).indexOf(t);
        return i < 0 ? REVIEW_TYPES.length : i;
      };
      const types = [...byType.keys()].sort((a, b) => order(a) - order(b) || a.localeCompare(b));
      return {
        by,
        reviews: rows.length,
        undated: 0,
        groups: types.map((t) => group(t, byType.get(t) ?? [])),
        overall: group('all', rows),
      };
    }
    const dated = rows.filter((r) => r.year !== null);
    const byYear = groupBy(dated, (r) => r.year as number);
    const years = [...byYear.keys()].sort((a, b) => a - b);
    const groups: TrendGroup[] = [];
    for (let y = years[0] ?? 0; years.length && y <= (years[years.length - 1] ?? 0); y++)
      groups.push(group(String(y), byYear.get(y) ?? []));
    return {
      by,
      reviews: dated.length,
      undated: rows.length - dated.length,
      groups,
      overall: group('all', dated),
    };
  }
}
