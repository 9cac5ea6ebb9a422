import type { Kysely, Transaction } from 'kysely';
import type { ReviewFigures } from '../analysis/language/figures.js';
import type { Database } from '../db/types.js';
import { visibleTo } from './access.js';
import type { AccessScope } from './access.js';

type Executor = Kysely<Database> | Transaction<Database>;

export interface FiguresFilter {
  types?: string[];
  nations?: string[];
  regions?: string[];
  yearFrom?: number;
  yearTo?: number;
}

/** One review's stored figures with what the dashboard groups by. */
export interface FiguresRow {
  year: number | null;
  type: string;
  fleschReadingEase: number;
  fleschKincaidGrade: number;
  longSentenceShare: number;
  passiveShare: number;
  hindsightPer1000Words: number;
  blamePer1000Words: number;
  systemsPer1000Words: number;
}

/** The stored readability and framing figures of each review (table review_figures). */
export class FiguresRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** A review's passages in reading order: the text its figures are computed from. */
  async passageTexts(db: Executor, reviewId: string): Promise<string[]> {
    const rows = await db
      .selectFrom('passages')
      .select('text')
      .where('review_id', '=', reviewId)
      .orderBy('seq')
      .execute();
    return rows.map((r) => r.text);
  }

  /** Writes (or replaces) a review's figures. */
  async store(db: Executor, reviewId: string, f: ReviewFigures, version: number, at: string): Promise<void> {
    const values = {
      analyser_version: version,
      computed_at: at,
      words: f.words,
      sentences: f.sentences,
      flesch_reading_ease: f.fleschReadingEase,
      flesch_kincaid_grade: f.fleschKincaidGrade,
      average_sentence_length: f.averageSentenceLength,
      long_sentence_share: f.longSentenceShare,
      passive_share: f.passiveShare,
      acronyms_per_1000_words: f.acronymsPer1000Words,
      reading_minutes: f.readingMinutes,
      hindsight_sentences: f.hindsightSentences,
      blame_sentences: f.blameSentences,
      systems_sentences: f.systemsSentences,
      hindsight_per_1000_words: f.hindsightPer1000Words,
      blame_per_1000_words: f.blamePer1000Words,
      systems_per_1000_words: f.systemsPer1000Words,
    };
    await db
      .insertInto('review_figures')
      .values({ review_id: reviewId, ...values })
      .onConflict((oc) => oc.column('review_id').doUpdateSet(values))
      .execute();
  }

  /**
   * Reviews whose figures are missing or were computed by older rules. A review whose full copy was
   * withdrawn under the retention period is left out: what remains of its text (summary and
   * recommendations) is not the report, so it keeps the figures it had.
   */
  async stale(version: number): Promise<string[]> {
    const rows = await this.db
      .selectFrom('reviews as r')
      .leftJoin('review_figures as f', 'f.review_id', 'r.id')
      .select('r.id')
      .where('r.copy_withdrawn_at', 'is', null)
      .where((eb) => eb.or([eb('f.review_id', 'is', null), eb('f.analyser_version', '<', version)]))
      .orderBy('r.id')
      .execute();
    return rows.map((r) => r.id);
  }

  /** Every review that still has its full text (see `stale`). */
  async withText(): Promise<string[]> {
    const rows = await this.db
      .selectFrom('reviews')
      .select('id')
      .where('copy_withdrawn_at', 'is', null)
      .orderBy('id')
      .execute();
    return rows.map((r) => r.id);
  }

  /** The figures of every review `access` may see that matches the filter (reviews with no words left out). */
  async rows(access: AccessScope, filter: FiguresFilter): Promise<FiguresRow[]> {
    let q = this.db
      .selectFrom('review_figures as f')
      .innerJoin('reviews as r', 'r.id', 'f.review_id')
      .select([
        'r.published_year as year',
        'r.review_type as type',
        'f.flesch_reading_ease as fleschReadingEase',
        'f.flesch_kincaid_grade as fleschKincaidGrade',
        'f.long_sentence_share as longSentenceShare',
        'f.passive_share as passiveShare',
        'f.hindsight_per_1000_words as hindsightPer1000Words',
        'f.blame_per_1000_words as blamePer1000Words',
        'f.systems_per_1000_words as systemsPer1000Words',
      ])
      .where(visibleTo(access, 'r'))
      .where('f.words', '>', 0);
    if (filter.types?.length) q = q.where('r.review_type', 'in', filter.types);
    if (filter.nations?.length) q = q.where('r.nation', 'in', filter.nations);
    if (filter.regions?.length) q = q.where('r.region', 'in', filter.regions);
    if (filter.yearFrom !== undefined) q = q.where('r.published_year', '>=', filter.yearFrom);
    if (filter.yearTo !== undefined) q = q.where('r.published_year', '<=', filter.yearTo);
    const rows = await q.orderBy('r.id').execute();
    return rows.map((r) => ({
      ...r,
      year: r.year === null ? null : Number(r.year),
    }));
  }
}
