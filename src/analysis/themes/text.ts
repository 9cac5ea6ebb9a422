/**
 * Sentences, negation and boilerplate: the plain-text judgements theme coding rests on, each simple
 * enough to explain to the analyst who asks why a sentence did or did not count.
 */
import { porterStem } from '../../shared/porter.js';

const ABBREVIATIONS = /\b(Mr|Mrs|Ms|Dr|Prof|St|No|para|paras|e\.g|i\.e|etc|cf|vs|approx|s|ss|Sec|Ch)\.$/i;

/** Splits a paragraph into sentences, keeping "Mr. B", "s.47" and "e.g." inside theirs. */
export function sentences(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  const re = /[.!?]["”’)]?\s+(?=["“‘(]?[A-Z0-9])/g;
  for (const m of text.matchAll(re)) {
    const end = m.index + m[0].trimEnd().length;
    const candidate = text.slice(start, end);
    if (ABBREVIATIONS.test(candidate.replace(/["”’)]$/, ''))) continue;
    out.push(candidate.trim());
    start = m.index + m[0].length;
  }
  const rest = text.slice(start).trim();
  if (rest) out.push(rest);
  return out.filter((s) => /[\p{L}]/u.test(s));
}

/** Sentences about the review itself, glossary definitions and lists of agencies. */
const BOILERPLATE_SENTENCE = new RegExp(
  [
    'terms of reference',
    'lines? of (enquiry|inquiry)',
    'the (review|panel) (was asked|will|would|sought to|set out to|agreed to (consider|examine|explore))',
    '(consider|examine|explore)d? (the following|whether)',
    // what the review asked itself, not what happened ("We asked ourselves whether domestic abuse …")
    '\\b(we|the (review|panel|author|reviewer|chair)) (also )?(asked|looked at|checked|tested)( (ourselves|itself|themselves))? whether',
    '(agencies|organisations|services) (that|which|who) (contributed|provided|were asked|took part|were involved)',
    '(the )?following (agencies|organisations|services)',
    'contributing (agencies|organisations)',
    'individual management reviews?',
    '\\bIMRs?\\b',
    'chronolog(y|ies) (were|was) (requested|provided|submitted|completed|compiled)',
    'this (review|report) (uses|refers to|adopts|follows)',
    '\\bglossary\\b',
    'stands for',
    '(is|are) defined as',
    'the panel (met|comprised|included|consisted)',
    '(were|was) invited to (contribute|take part|attend)',
    'practitioners? (event|workshop|learning event)s? (was|were) held',
  ].join('|'),
  'i',
);

/** "MARAC – Multi-Agency Risk Assessment Conference": a short definition line. */
const DEFINITION_LINE = /^[\p{Lu}][\p{L}&'’/ -]{0,40}\s*(–|—|:|-|=)\s+\S/u;

export function isBoilerplateSentence(sentence: string): boolean {
  if (BOILERPLATE_SENTENCE.test(sentence)) return true;
  return (
    DEFINITION_LINE.test(sentence) &&
    sentence.split(/\s+/).length <= 16 &&
    !/\b(was|were|had|did|is|are)\b/.test(sentence)
  );
}

/** The clause around a match: sentences turn on semicolons, "but" and "however". */
function clauseBounds(sentence: string, start: number, end: number): [number, number] {
  const before = sentence.slice(0, start);
  const after = sentence.slice(end);
  const breaks = /[;:]|,?\s\b(but|however|although|though|whereas|yet)\b/gi;
  let from = 0;
  // "Although there was no X, Y happened": the opening subordinate clause ends at its comma.
  const opening = /^\s*(although|though|while|whilst|whereas|despite)\b[^,]*,/i.exec(sentence);
  if (opening && opening[0].length <= start) from = opening[0].length;
  for (const m of before.matchAll(breaks)) from = Math.max(from, m.index + m[0].length);
  const next = after.search(/[;:]|,?\s\b(but|however|although|though|whereas|yet)\b/i);
  return [from, next === -1 ? sentence.length : end + next];
}

/** Negation of a concern's existence before it ("no evidence of", "there was no"). */
const NEGATED_BEFORE =
  /\b(no (evidence|indication|suggestion|history|record|reports?|signs?|mention|knowledge|disclosures?|allegations?|known) (of|that|about)|no (known |previous |identified |reported )?(concerns?|worries) (about|regarding|around|of|that|relating to)|there (was|were|had been) (no|never (been )?any)|did not (involve|include|feature|disclose|report|suggest|indicate)|(was|were) not (aware of )?any|ruled out|free (of|from)|nothing\b.{0,50}\bto (suggest|indicate|show)|no (reason|cause) to (suspect|believe|think)|not (a|an) (factor|feature|issue) in|neither|nor)\b[^.]*$/i;
/** A bare "no", "not" or "without" directly before the matched words ("no bruising", "without alcohol"). */
const NEGATED_ADJACENT = /\b(no|not|without|never)\s+(\w+\s+){0,1}$/i;
/** Negation after it ("domestic abuse was not a feature", "played no part"). */
const NEGATED_AFTER =
  /^[^.]{0,40}?\b((was|were|is|are|had been|has been)\s+(not|never)\s+((in )?itself\s+|found to be\s+)?(a |an |the )?(feature|factor|present|evident|apparent|issue\b|an issue|concern\b|a concern|relevant|raised|identified as (a )?(concern|factor|issue)|known to be|suspected|thought to)|played no (part|role)|(was|were) (considered and )?(ruled out|excluded|discounted)|did not (feature|play a part|arise)|(was|were) absent\b)/i;

/** Whether the matched words are negated within their clause. */
export function isNegated(sentence: string, start: number, end: number): boolean {
  const [from, to] = clauseBounds(sentence, start, end);
  const before = sentence.slice(from, start);
  const after = sentence.slice(end, to);
  if (NEGATED_BEFORE.test(before.split(/\s+/).slice(-9).join(' '))) return true;
  if (NEGATED_ADJACENT.test(before) && !/\bno one\s*$|\bnot only\s*$|\bnot just\s*$/i.test(before))
    return true;
  return NEGATED_AFTER.test(after);
}

/** A light stem (lower case, common English endings off): what two briefing findings must share. */
export function stem(word: string): string {
  const w = word.toLowerCase().replace(/['’]s$/, '');
  if (w.length <= 4) return w;
  return w.replace(/(ational|ations?|ments?|ness|ings?|ies|ied|edly|ed|es|ly|s)$/, '') || w;
}

const STOP = new Set(
  'a an the and or of to in on at by for with from as is was were be been being are has have had it its this that these those there their they them he she his her him i we our you your which who whom what when where while than then so such not no nor but if into onto about over after before during between also very would could should may might must can will shall do does did'.split(
    ' ',
  ),
);

/** A word's Porter stem, a possessive's 's off. */
function porter(lower: string): string {
  return porterStem(lower.replace(/['’]s$/, ''));
}

/**
 * Words as features: Porter stems ("assessed", "assessments" → "assess"), with words in a negated
 * clause marked "not_" and also counted plain (the topic is still raised: "not seen alone" is about
 * the child being seen), and word pairs. Given `surface`, it records each feature's words as
 * written, so a reason can quote the passage rather than a stem ("family", not "famili").
 */
export function features(text: string, surface?: Map<string, string>): string[] {
  const out: string[] = [];
  const add = (feature: string, words: string) => {
    out.push(feature);
    if (surface && !surface.has(feature)) surface.set(feature, words);
  };
  for (const sentence of sentences(text)) {
    let negated = false;
    let prev: { feature: string; words: string } | null = null;
    for (const m of sentence.matchAll(/[\p{L}][\p{L}'’-]*|[;:,.]/gu)) {
      const token = m[0];
      if (/^[;:,.]$/.test(token)) {
        negated = false;
        prev = null;
        continue;
      }
      const lower = token.toLowerCase();
      if (/^(no|not|never|without|nor|neither|none)$/.test(lower) || /n['’]t$/.test(lower)) {
        negated = true;
        continue;
      }
      if (STOP.has(lower)) continue;
      const plain = porter(lower);
      const word = negated
        ? { feature: `not_${plain}`, words: `not ${lower}` }
        : { feature: plain, words: lower };
      add(word.feature, word.words);
      if (negated) add(plain, lower);
      if (prev) {
        const not = negated && !prev.feature.startsWith('not_') ? 'not ' : '';
        add(`${prev.feature}_${word.feature}`, `${prev.words} ${not}${lower}`);
      }
      prev = word;
    }
  }
  return out;
}
