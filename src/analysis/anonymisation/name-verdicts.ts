/**
 * The judgement on one candidate name: which rule, if any, makes it a name, and how sure that is.
 * Strong evidence (a title, a gazetteer first name, a surname after a name-like word) stands anywhere;
 * weaker evidence (a verb after an unknown capitalised word) needs the word to be mid-sentence and
 * away from agency and place words.
 */
import {
  abstractSubject,
  afterArticle,
  type Cue,
  cueAfter,
  cueBefore,
  describeCue,
  isPlaceWord,
  ordinaryAtStart,
  placeLike,
  usedAsWord,
  type WordClass,
} from './name-words.js';
import { type Doc, gap } from './text.js';

export interface Segment {
  from: number;
  to: number;
  /** the run around it holds agency, place or legislation words ("Liberty Protection Safeguards") */
  institutional: boolean;
}

export interface Verdict {
  reason: string;
  confidence: number;
}

export interface VerdictContext {
  doc: Doc;
  cls: (i: number) => WordClass;
  /** the word is capitalised mid-sentence somewhere in the text and never written in lower case */
  properNoun: (lower: string) => boolean;
}

const PERSON_OBJECT_BEFORE = new Set(
  'told asked visited saw met with and phoned called texted messaged contacted hit assaulted threatened spoke'.split(
    ' ',
  ),
);

/** Endings of abstract nouns and adjectives, not of names. */
const NOT_NAME_ENDING =
  /(?:tion|sion|ment|ness|ity|ing|ism|ance|ence|ship|ology|ics|ive|able|ible|ful|less|ous|ary|ery|ory|ist|ure|age|ise|ize|ed)$/;

export function titledVerdict(doc: Doc, titles: number[], names: number[]): Verdict | null {
  if (names.length === 0) return null;
  const title = titles.map((t) => doc.tokens[t]?.word).join(' ');
  return { reason: `title "${title}" followed by a capitalised name`, confidence: 0.9 };
}

export function untitledVerdict(ctx: VerdictContext, seg: Segment, names: number[]): Verdict | null {
  const { doc } = ctx;
  const classes = names.map((n) => ctx.cls(n));
  const first = names[0] ?? seg.from;
  const word = (n: number) => doc.tokens[n]?.word ?? '';
  if (afterArticle(doc, first)) return null;
  const cue: Cue = cueBefore(doc, first) ?? cueAfter(doc, seg.to);
  const cueText = cue ? `, ${describeCue(cue)}` : '';
  const strongCue = cue !== null && cue.kind !== 'verb' && cue.kind !== 'human';
  const heading = doc.inHeading[first] ?? false;
  const midSentence = !doc.sentenceStart[first] && !heading;
  if (classes[0] === 'first') {
    if (names.length > 1)
      return {
        reason: `first name "${word(first)}" in gazetteer followed by capitalised surname`,
        confidence: 0.9,
      };
    const caps = doc.tokens[first]?.allCaps ?? false;
    return {
      reason: `first name "${word(first)}" in gazetteer${cueText}`,
      confidence: caps ? 0.5 : cue ? 0.85 : 0.75,
    };
  }
  if (classes.includes('first'))
    return { reason: `capitalised words including first name in gazetteer`, confidence: 0.8 };
  const lastClass = classes[classes.length - 1];
  const placeFirst = isPlaceWord(doc.tokens[first]?.lower ?? '');
  if (
    names.length > 1 &&
    (classes[0] === 'word' || classes[0] === 'proper') &&
    !usedAsWord(doc, first) &&
    (!placeFirst || classes[1] === 'surname' || classes[1] === 'first')
  )
    return {
      reason: `"${word(first)}" used as a first name: followed by capitalised surname`,
      confidence: classes[0] === 'word' ? 0.8 : 0.7,
    };
  if (names.length > 1 && lastClass === 'surname' && (midSentence || cue))
    return { reason: `capitalised word followed by common surname "${word(seg.to)}"`, confidence: 0.75 };
  const single = classes[0];
  if (single === 'word' || single === 'proper') {
    if (usedAsWord(doc, first) || abstractSubject(doc, seg.to) || ordinaryAtStart(doc, first)) return null;
    if (cue && (single === 'word' || (cue.kind !== 'verb' && cue.kind !== 'human')))
      return { reason: `"${word(first)}" used as a name${cueText}`, confidence: 0.8 };
    if (single === 'word' && midSentence && !seg.institutional)
      return {
        reason: `"${word(first)}" is also an ordinary word but is capitalised mid-sentence`,
        confidence: 0.6,
      };
    return null;
  }
  if (seg.institutional && !strongCue) return null;
  if (heading && !strongCue) return null;
  if (single === 'surname' && names.length === 1 && (cue || midSentence))
    return {
      reason: `common surname "${word(first)}"${cue ? cueText : ' capitalised mid-sentence'}`,
      confidence: cue ? 0.8 : 0.6,
    };
  if (strongCue) return { reason: `capitalised name-shaped word${cueText}`, confidence: 0.75 };
  if (names.some((n) => placeLike(word(n)))) return null;
  if (cue && midSentence) return { reason: `capitalised word mid-sentence${cueText}`, confidence: 0.6 };
  const prev = doc.tokens[first - 1];
  if (
    midSentence &&
    names.length <= 2 &&
    prev &&
    PERSON_OBJECT_BEFORE.has(prev.lower) &&
    /^\s+$/.test(gap(doc, first - 1, first)) &&
    !doc.tokens[seg.to]?.possessive &&
    // "Adults with Incapacity", "Health and Clinical Excellence": part of a title-case name.
    !(doc.tokens[first - 2]?.capitalised && /^\s+$/.test(gap(doc, first - 2, first - 1)))
  )
    return { reason: `capitalised word mid-sentence after "${prev.word}"`, confidence: 0.5 };
  // "Kacper Nowakowski": two name-shaped words running together mid-sentence.
  if (
    midSentence &&
    names.length === 2 &&
    classes.every((c) => c === 'unknown' || c === 'surname') &&
    !names.some((n) => NOT_NAME_ENDING.test(word(n))) &&
    // "Alcohol Concern's "Blue Light" project": a quoted title-case phrase names a thing.
    !/["“‘']$/.test(
      doc.text.slice(Math.max(0, (doc.tokens[first]?.start ?? 0) - 1), doc.tokens[first]?.start ?? 0),
    )
  )
    return { reason: 'two capitalised name-shaped words mid-sentence', confidence: 0.5 };
  const lower = doc.tokens[first]?.lower ?? '';
  if (cue?.kind === 'human' && !doc.tokens[seg.to]?.possessive)
    return { reason: `capitalised word${cueText}, a verb only a person does`, confidence: 0.5 };
  if (cue && ctx.properNoun(lower))
    return { reason: `proper noun (always capitalised in this text)${cueText}`, confidence: 0.55 };
  return null;
}
