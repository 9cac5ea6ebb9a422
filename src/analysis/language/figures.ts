import { readability } from '../readability/readability.js';
import { frameText } from './framing.js';

/**
 * The rules' version. Raise it whenever readability.ts or framing.ts changes what they count: every
 * review's stored figures are then recomputed (on start, and by `slh figures recompute`).
 */
export const FIGURES_VERSION = 1;

/** A review's figures as stored for the dashboard: the whole review's readability and framing. */
export interface ReviewFigures {
  words: number;
  sentences: number;
  fleschReadingEase: number;
  fleschKincaidGrade: number;
  averageSentenceLength: number;
  /** shares of sentences, 0..1 */
  longSentenceShare: number;
  passiveShare: number;
  acronymsPer1000Words: number;
  readingMinutes: number;
  hindsightSentences: number;
  blameSentences: number;
  systemsSentences: number;
  hindsightPer1000Words: number;
  blamePer1000Words: number;
  systemsPer1000Words: number;
}

/**
 * The figures for a review's passages in reading order: the same readability the review page shows
 * for the whole report, and the framing counts with their rates per 1,000 words.
 */
export function reviewFigures(passages: readonly string[]): ReviewFigures {
  const r = readability(passages.join('\n\n'));
  const { summary } = frameText(passages);
  // Rounded as frameText rounds its own rates, so the stored figures read the same as the review page.
  const per1000 = (n: number) => (summary.words ? Math.round((n / summary.words) * 10000) / 10 : 0);
  return {
    words: r.words,
    sentences: r.sentences,
    fleschReadingEase: r.fleschReadingEase,
    fleschKincaidGrade: r.fleschKincaidGrade,
    averageSentenceLength: r.averageSentenceLength,
    longSentenceShare: r.longSentenceShare,
    passiveShare: r.passiveShare,
    acronymsPer1000Words: r.acronymsPer1000Words,
    readingMinutes: r.readingMinutes,
    hindsightSentences: summary.counts.hindsight,
    blameSentences: summary.counts.blame,
    systemsSentences: summary.counts.systems,
    hindsightPer1000Words: per1000(summary.counts.hindsight),
    blamePer1000Words: per1000(summary.counts.blame),
    systemsPer1000Words: per1000(summary.counts.systems),
  };
}

/** The median of some numbers (the mean of the middle two when there is an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const m =
    sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  // Halving two rounded figures can leave binary noise (54.300000000000004).
  return Math.round(m * 10000) / 10000;
}
