import { sentences } from '../themes/text.js';

/**
 * Readability of a review: the standard, explainable measures, computed the same way for a whole
 * review and for each of its sections.
 *
 * - Flesch reading ease: 206.835 − 1.015 × (words per sentence) − 84.6 × (syllables per word).
 *   60 or more is plain English most adults read easily; 30 or less is very hard.
 * - Flesch–Kincaid grade: 0.39 × (words per sentence) + 11.8 × (syllables per word) − 15.59 (a US
 *   school grade; add 5 for a rough reading age).
 * - Long sentences: more than 25 words (the GOV.UK style guide asks for 25 at most).
 * - Passive voice: a form of "to be" followed by a past participle ("was not passed on", "had been
 *   seen"), counted per sentence.
 * - Acronym density: words in capitals (two or more letters, plurals such as "GPs" too) per 1,000
 *   words.
 * - Reading time at 200 words a minute (a careful reading speed for work documents).
 */
export interface Readability {
  words: number;
  sentences: number;
  syllables: number;
  fleschReadingEase: number;
  fleschKincaidGrade: number;
  averageSentenceLength: number;
  /** share of sentences over LONG_SENTENCE words, 0..1 */
  longSentenceShare: number;
  /** share of sentences with a passive construction, 0..1 */
  passiveShare: number;
  acronymsPer1000Words: number;
  readingMinutes: number;
}

export const LONG_SENTENCE = 25;
const WORDS_PER_MINUTE = 200;

const WORD = /[\p{L}][\p{L}'’-]*/gu;
const ACRONYM = /^[A-Z][A-Z0-9&]{1,9}s?$/;

/** Past participles that do not end in -ed. */
const IRREGULAR_PARTICIPLES = new Set(
  (
    'been born borne beaten become begun bent bound bitten blown broken brought built burnt bought caught chosen ' +
    'come cost cut dealt done drawn driven eaten fallen fed felt fought found forbidden forgotten forgiven frozen ' +
    'given gone grown held hidden hit hung hurt kept known laid led left lent let lost made meant met overlooked ' +
    'paid put quit read rung risen run said seen sought sold sent set shaken shown shut sung sunk spent spoken ' +
    'split spread stood stolen stuck struck sworn swept taken taught torn told thought thrown understood undertaken ' +
    'upheld woken worn won withdrawn written overseen overtaken mistaken misunderstood'
  ).split(' '),
);
/** Words ending in -ed that are rarely participles after "be" in reviews. */
const NOT_PARTICIPLES = new Set(['need', 'red', 'bed', 'shed', 'hundred', 'sacred', 'naked', 'wicked']);
const BE = /^(am|is|are|was|were|be|been|being|'s|’s)$/i;
const BETWEEN =
  /^(not|never|also|then|often|already|always|only|still|later|first|subsequently|routinely|n't|n’t|all|both|each)$/i;

function isParticiple(word: string): boolean {
  const w = word.toLowerCase();
  if (IRREGULAR_PARTICIPLES.has(w)) return true;
  return w.length > 4 && w.endsWith('ed') && !NOT_PARTICIPLES.has(w);
}

/** Whether a sentence has a passive construction: a form of "be", up to two adverbs, a participle. */
export function isPassive(sentence: string): boolean {
  const words = sentence.match(WORD) ?? [];
  for (let i = 0; i < words.length; i++) {
    if (!BE.test(words[i] ?? '')) continue;
    let j = i + 1;
    while (j < words.length && j <= i + 2 && BETWEEN.test(words[j] ?? '')) j++;
    if (j < words.length && isParticiple(words[j] ?? '')) return true;
  }
  return false;
}

/**
 * Syllables in an English word, by vowel groups after dropping endings that are usually silent
 * ("make", "makes", "saved"; "table" keeps its "-le", "wanted" its "-ed"). Right for most words and off by one for
 * some, which Flesch's formula, built on averages, tolerates.
 */
export function syllables(word: string): number {
  let w = word.toLowerCase().replace(/[^a-z]/g, '');
  if (!w) return 0;
  if (w.length <= 3) return 1;
  w = w.replace(/(?:[^laeiouy]es|[^laeiouydt]ed|[^laeiouy]e)$/, '').replace(/^y/, '');
  return Math.max(1, w.match(/[aeiouy]{1,2}/g)?.length ?? 0);
}

const round = (n: number, places = 1) => Math.round(n * 10 ** places) / 10 ** places;

/** The measures for a text (paragraphs joined by blank lines, or one long string). */
export function readability(text: string): Readability {
  const units = text
    .split(/\n{2,}/)
    .flatMap((p) => sentences(p.replace(/\s+/g, ' ').trim()))
    .map((s) => ({ s, words: s.match(WORD) ?? [] }))
    .filter((u) => u.words.length > 0);
  const words = units.reduce((n, u) => n + u.words.length, 0);
  const count = units.length;
  if (words === 0 || count === 0)
    return {
      words: 0,
      sentences: 0,
      syllables: 0,
      fleschReadingEase: 0,
      fleschKincaidGrade: 0,
      averageSentenceLength: 0,
      longSentenceShare: 0,
      passiveShare: 0,
      acronymsPer1000Words: 0,
      readingMinutes: 0,
    };
  let syllableCount = 0;
  let acronyms = 0;
  for (const u of units)
    for (const w of u.words) {
      if (ACRONYM.test(w)) acronyms++;
      else syllableCount += syllables(w);
    }
  // An acronym is read letter by letter ("GP" is two syllables): count one per letter, up to four.
  for (const u of units)
    for (const w of u.words) if (ACRONYM.test(w)) syllableCount += Math.min(4, w.replace(/s$/, '').length);
  const perSentence = words / count;
  const perWord = syllableCount / words;
  return {
    words,
    sentences: count,
    syllables: syllableCount,
    fleschReadingEase: round(206.835 - 1.015 * perSentence - 84.6 * perWord),
    fleschKincaidGrade: round(0.39 * perSentence + 11.8 * perWord - 15.59),
    averageSentenceLength: round(perSentence),
    longSentenceShare: round(units.filter((u) => u.words.length > LONG_SENTENCE).length / count, 3),
    passiveShare: round(units.filter((u) => isPassive(u.s)).length / count, 3),
    acronymsPer1000Words: round((acronyms / words) * 1000),
    readingMinutes: Math.max(1, Math.round(words / WORDS_PER_MINUTE)),
  };
}

/** How a Flesch reading ease score reads, in words. */
export function easeBand(score: number): string {
  if (score >= 70) return 'easy';
  if (score >= 60) return 'plain English';
  if (score >= 50) return 'fairly difficult';
  if (score >= 30) return 'difficult';
  return 'very difficult';
}
