import { stemmer } from 'stemmer';

/** Words already stemmed: a library's vocabulary is small, and stemming is most of the cost. */
const STEMS = new Map<string, string>();
const STEMS_KEPT = 100_000;

/** The Porter stem of a lower-case word (as FTS5's porter tokenizer makes it), remembered. */
export function porterStem(word: string): string {
  let found = STEMS.get(word);
  if (found === undefined) {
    if (STEMS.size >= STEMS_KEPT) STEMS.clear();
    found = stemmer(word);
    STEMS.set(word, found);
  }
  return found;
}
