/**
 * Where people live and learn: addresses (a house or flat number and a street), named streets and
 * estates, and named schools and nurseries. Each starts from the type word ("Road", "estate",
 * "Academy") and looks back over the capitalised words that name it.
 */
import { FIRST_NAMES } from './gazetteer.js';
import {
  COMMON,
  INSTITUTIONAL,
  NOT_STREET_NAMES,
  VAGUE_STREET_NAMES,
  VAGUE_STREET_TYPES,
  SCHOOL_GENERIC,
  SCHOOL_TYPES,
  STREET_TYPES,
  STREET_TYPES_NEED_NUMBER,
  TITLES,
} from './lexicon.js';
import { PLACE_NAMES } from './places.js';
import { type Doc, gap, previousWord } from './text.js';
import { type Finding, finding } from './types.js';

const PLACES = new Set(PLACE_NAMES.map((p) => p.toLowerCase()));
const COURT_QUALIFIERS = new Set(
  'crown family county magistrates magistrates’ youth high supreme coroner coroners appeal district civil criminal juvenile sheriff international'.split(
    ' ',
  ),
);
const COURT_BUSINESS =
  /^\s+(?:hearings?|proceedings|orders?|cases?|rooms?|dates?|papers|bundles?|process|applications?|judges?|actions?|rulings?|welfare|staff|system|report)\b/;
const NOT_ESTATE = new Set(
  'housing council industrial trading business retail prison nhs real crown country local authority social private'.split(
    ' ',
  ),
);
const STREET_PREPOSITION = /\b(?:on|along|off|up|down)\s+(?:the\s+)?$/;
const FUNCTION_WORDS = new Set('the a an at on in to of from by with for and or near off along'.split(' '));
const SURNAME_LIKE_TYPES = new Set('hill lane green park way court grove walk'.split(' '));
const LOCATION_BEFORE = /\b(?:on|in|at|off|along|near|into|onto|down|up|from|to|via|towards|opposite|of)\s+$/;
const HOUSE_NUMBER =
  /(?:\b(?:Flat|Apartment|Apt|Unit|Room|Suite|Maisonette)\s+\d{1,4}[A-Za-z]?,?\s+)?(?<![\d.,/£])\b\d{1,4}[A-Za-z]?(?:\s?[-–]\s?\d{1,4}[A-Za-z]?)?,?\s+$/;
const FLAT_ONLY = /\b(?:Flat|Apartment|Apt|Unit|Room|Suite|Maisonette)\s+\d{1,4}[A-Za-z]?,?\s+$/;
const NOT_A_HOUSE_NUMBER =
  /\b(?:aged?|years?|recommendations?|paragraphs?|paras?|sections?|pages?|chapters?|findings?|appendix|tables?|figures?|episodes?|stages?|levels?|tiers?|phases?|parts?|articles?|schedules?|rules?|regulations?|box|no|grade|band|key stage)\.?\s*(?:Flat\s+)?\d[\dA-Za-z–-]*,?\s+$/i;

/** Capitalised words before token i (nearest last), joined by single spaces: the name of a street or school. */
function nameBefore(
  doc: Doc,
  i: number,
  max: number,
  allowLower: (lower: string, k: number) => boolean,
): number {
  let k = i;
  while (k - 1 >= 0 && i - (k - 1) <= max) {
    const t = doc.tokens[k - 1];
    if (!t || !/^[ \t]+$/.test(gap(doc, k - 1, k))) break;
    if (!t.capitalised && !allowLower(t.lower, k - 1)) break;
    k--;
  }
  // "On Larkfield Avenue", "At Oakfield Academy": an ordinary word opening the sentence is not part of
  // the name, though "Little" in "Little Acorns Nursery" mid-sentence is.
  const opening = (k: number) =>
    FUNCTION_WORDS.has(doc.tokens[k]?.lower ?? '') ||
    (doc.sentenceStart[k] && COMMON.has(doc.tokens[k]?.lower ?? ''));
  while (k < i && opening(k)) k++;
  while (k < i && TITLES.has(doc.tokens[k]?.word ?? '')) k++;
  return k;
}

function streets(doc: Doc): Finding[] {
  const out: Finding[] = [];
  const { tokens, text } = doc;
  tokens.forEach((t, i) => {
    const estate = t.lower === 'estate';
    if (!estate && !STREET_TYPES.has(t.lower)) return;
    const from = nameBefore(doc, i, 3, () => false);
    if (from === i) return;
    const words = tokens.slice(from, i).map((w) => w.lower);
    const first = tokens[from];
    if (!first) return;
    const before = text.slice(Math.max(0, first.start - 60), first.start);
    const numbered = HOUSE_NUMBER.exec(before);
    const houseNumber = numbered && !NOT_A_HOUSE_NUMBER.test(before) ? numbered : FLAT_ONLY.exec(before);
    if (!t.capitalised && !estate && !houseNumber) return;
    if (words.every((w) => NOT_STREET_NAMES.has(w))) return;
    if (!houseNumber && VAGUE_STREET_TYPES.has(t.lower) && words.every((w) => VAGUE_STREET_NAMES.has(w)))
      return;
    if (estate && words.some((w) => NOT_ESTATE.has(w))) return;
    if (
      t.lower === 'court' &&
      (words.some((w) => COURT_QUALIFIERS.has(w)) || COURT_BUSINESS.test(text.slice(t.after, t.after + 20)))
    )
      return;
    // "St" is Saint when a name follows it.
    if (t.lower === 'st' && /^\.?\s+\p{Lu}/u.test(text.slice(t.after, t.after + 3))) return;
    // "Jayden Hill said" is a person; "on Jayden Hill" is not.
    if (
      !houseNumber &&
      SURNAME_LIKE_TYPES.has(t.lower) &&
      words.length === 1 &&
      FIRST_NAMES.has(words[0] ?? '') &&
      !LOCATION_BEFORE.test(before)
    )
      return;
    if (houseNumber) {
      const start = first.start - (before.length - houseNumber.index);
      out.push(
        finding(
          text,
          'address',
          start,
          t.end,
          `house or flat number followed by street name ending "${t.word}"`,
          0.9,
        ),
      );
    } else if (estate) {
      out.push(finding(text, 'street', first.start, t.end, 'named estate', 0.8));
    } else if (!STREET_TYPES_NEED_NUMBER.has(t.lower) || STREET_PREPOSITION.test(before)) {
      const prep = LOCATION_BEFORE.test(before) ? ` after "${/(\w+)\s+$/.exec(before)?.[1] ?? ''}"` : '';
      out.push(
        finding(
          text,
          'street',
          first.start,
          t.end,
          `capitalised name followed by street word "${t.word}"${prep}`,
          prep ? 0.85 : 0.7,
        ),
      );
    }
  });
  return out;
}

const SCHOOL_COMPOUND =
  /^\s+(?:attendance|nurse|nursing|holidays?|terms?|days?|staff|uniform|run|places?|years?|age|transport|bus|gates?|trips?|work|life|reports?|records?|systems?|settings?|leavers?|counsellor|exclusions?|entry|readiness|admissions?|census|meals?|refusal|avoidance|moves?|transitions?)\b/;
const SCHOOL_LOWER_OK = new Set(
  'primary secondary high junior infant infants grammar community catholic of'.split(' '),
);

function schools(doc: Doc): Finding[] {
  const out: Finding[] = [];
  const { tokens, text } = doc;
  tokens.forEach((t, i) => {
    const referralUnit =
      t.lower === 'unit' && tokens[i - 1]?.lower === 'referral' && tokens[i - 2]?.lower === 'pupil';
    if (!SCHOOL_TYPES.has(t.lower) && !referralUnit) return;
    if (t.lower === 'college' && /^\s+of\b/.test(text.slice(t.after, t.after + 5))) return;
    const lowerType = !t.capitalised;
    const from = nameBefore(doc, i, 7, (lower, k) =>
      lower === 'of'
        ? /^(England|E)$/.test(tokens[k + 1]?.word ?? '')
        : lowerType && SCHOOL_LOWER_OK.has(lower) && k >= i - 2,
    );
    const names = tokens.slice(from, i);
    const distinctive = names.filter(
      (w) =>
        !SCHOOL_GENERIC.has(w.lower) && !COMMON.has(w.lower) && !INSTITUTIONAL.has(w.lower) && w.capitalised,
    );
    if (distinctive.length === 0 || names.some((w) => w.lower === 'royal' || w.lower === 'virtual')) return;
    const first = names[0];
    if (!first) return;
    if (lowerType) {
      // "Ella's primary school", "a Leeds nursery", "Falling school attendance": not a school's name.
      const saint = names.some((w) => w.lower === 'st' || w.lower === 'saint');
      if (distinctive.every((w) => PLACES.has(w.lower))) return;
      if (names.some((w) => w.possessive) && !saint) return;
      if (previousWord(doc, from) === 'a' || previousWord(doc, from) === 'an') return;
      if (doc.sentenceStart[from] && !saint) return;
      if (SCHOOL_COMPOUND.test(text.slice(t.after, t.after + 20))) return;
    }
    const reason = `capitalised name followed by "${t.word}"`;
    out.push(finding(text, 'school', first.start, t.end, reason, lowerType ? 0.7 : 0.85));
  });
  return out;
}

export function findLocations(doc: Doc): Finding[] {
  return [...streets(doc), ...schools(doc)];
}
