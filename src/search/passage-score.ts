import { porterStem as stem } from '../shared/porter.js';
import { canonicalSpelling } from './glossary.js';

/** One AND-group of a query: its clauses (each a list of words, one word for a term) and its weight. */
export interface ScoredGroup {
  clauses: readonly (readonly string[])[];
  /** how rare the group is in the library (bm25's idf); 1 when only one group is scored */
  idf: number;
}

const K1 = 1.2;
const B = 0.75;
/**
 * A paragraph's typical length in words, for length normalisation. Fixed rather than averaged over the
 * passages given, so that scores from separate calls with the same weights can be merged.
 */
const AVERAGE_LENGTH = 80;
const SEPARATORS = /[^\p{L}\p{N}]+/u;

/** Lower-cased Porter stems of a query's words, as FTS5's porter tokenizer sees them. */
function stems(text: string): string[] {
  return words(text).map((w) => stem(canonical(w)));
}

function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(SEPARATORS)
    .filter((w) => w !== '');
}

/** A word as the index holds it: accents folded, British spelling. */
function canonical(word: string): string {
  // eslint-disable-next-line no-control-regex
  const folded = /[^\u0000-\u007f]/.test(word) ? word.normalize('NFKD').replace(/\p{M}/gu, '') : word;
  return canonicalSpelling(folded);
}

/**
 * A passage's words in order, stemmed only where a word could be one of the query's (a Porter stem
 * keeps a word's first letter); other words are left as '' so that phrases keep their positions.
 */
function tokensFor(text: string, initials: ReadonlySet<string>): string[] {
  return words(text).map((w) => {
    const c = canonical(w);
    return initials.has(c.charAt(0)) ? stem(c) : '';
  });
}

/** How many times a clause (a word, or words in a row) occurs in a list of stems. */
function occurrences(tokens: readonly string[], clause: readonly string[]): number {
  if (clause.length === 0) return 0;
  let n = 0;
  for (let i = 0; i + clause.length <= tokens.length; i++) {
    let k = 0;
    while (k < clause.length && tokens[i + k] === clause[k]) k++;
    if (k === clause.length) n++;
  }
  return n;
}

/**
 * bm25 computed here for passages already known to match (the engine decided that): term frequency
 * from the text, length against a typical paragraph's, each group weighted by its idf.
 * The SQLite engine uses it where asking FTS5 for bm25 would cost a full pass over each common
 * word's matches per cursor. Scores are comparable between calls with the same groups and weights.
 */
export function scorePassages(
  texts: ReadonlyMap<number, string>,
  groups: readonly ScoredGroup[],
): Map<number, number> {
  const stemmed = groups.map((g) => ({
    idf: g.idf,
    clauses: g.clauses.map((words) => words.flatMap((w) => stems(w))),
  }));
  const initials = new Set(stemmed.flatMap((g) => g.clauses.flat().map((w) => w.charAt(0))));
  const tokens = new Map([...texts].map(([id, text]) => [id, tokensFor(text, initials)]));
  const scores = new Map<number, number>();
  for (const [id, list] of tokens) {
    let score = 0;
    for (const g of stemmed) {
      const tf = g.clauses.reduce((sum, clause) => sum + occurrences(list, clause), 0);
      if (tf > 0)
        score += (g.idf * (tf * (K1 + 1))) / (tf + K1 * (1 - B + (B * list.length) / AVERAGE_LENGTH));
    }
    scores.set(id, score);
  }
  return scores;
}

/** bm25's idf for a group found in `df` of `size` passages (never negative, as in FTS5). */
export function idf(size: number, df: number): number {
  return Math.log(1 + (Math.max(size, df) - df + 0.5) / (df + 0.5));
}
