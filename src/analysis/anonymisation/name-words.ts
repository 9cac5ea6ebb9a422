/**
 * What one capitalised word is, for the name rules, and the cues around a run of them: a relationship
 * word before ("her son"), a naming word ("known as"), a verb after ("said"), an age, a possessive
 * followed by a family word ("Dariusz's mother").
 */
import { FIRST_NAMES, fold, PROPER_NAMES, SURNAMES, WORD_NAMES } from './gazetteer.js';
import {
  COMMON,
  HUMAN_VERBS,
  INSTITUTIONAL,
  LABEL_WORDS,
  PERSON_VERBS,
  PERSONAL_NOUNS,
  PREFIX_WORDS,
  RELATION_WORDS,
  SPEECH_VERBS,
  TAIL_WORDS,
  TITLES,
} from './lexicon.js';
import { PLACE_NAMES } from './places.js';
import { type Doc, gap, previousWord } from './text.js';

export type WordClass =
  | 'lower'
  | 'title'
  | 'label'
  | 'first'
  | 'word'
  | 'proper'
  | 'surname'
  | 'unknown'
  | 'common'
  | 'stop'
  | 'tail'
  | 'prefix';

/**
 * Phrases that hold a first name or surname but name no one in the case: eponyms and nationally known
 * cases and reviews that practitioners cite.
 */
const NOT_PERSON_PHRASES = [
  'Moses basket',
  'Fraser guidelines',
  'Fraser competence',
  'Fraser competent',
  'Gillick competence',
  'Gillick competent',
  'Down syndrome',
  'Munchausen syndrome',
  'Asperger syndrome',
  'Jack Russell',
  'Victoria Climbié',
  'Victoria Climbie',
  'Peter Connelly',
  'Baby Peter',
  'Arthur Labinjo-Hughes',
  'Star Hobson',
  'Daniel Pelka',
  'Khyra Ishaq',
  'Hamzah Khan',
  'Ellie Butler',
  'Logan Mwangi',
  'Finley Boden',
  'Sara Sharif',
  'Lord Laming',
  'Eileen Munro',
  'Professor Munro',
  'Josh MacAlister',
  'Azad Kashmir',
  'Alder Hey',
  'Great Ormond Street',
];

const PLACE_WORDS = new Set(PLACE_NAMES.filter((p) => !/\s/.test(p)).map((p) => p.toLowerCase()));
const KNOWN_PHRASES = new Map<string, string[][]>();
for (const p of [...PLACE_NAMES.filter((p) => /\s/.test(p)), ...NOT_PERSON_PHRASES]) {
  const words = p.toLowerCase().split(/\s+/);
  const key = words[0] ?? '';
  KNOWN_PHRASES.set(key, [...(KNOWN_PHRASES.get(key) ?? []), words]);
}

const CAPITAL_PARTICLES = new Set(
  'Ó Ní Nic Mac Mc Van Von De Da Di Du Le La Al El Bin Ibn Abu Ua Ap'.split(' '),
);
const LOCATION_PREPOSITIONS = new Set(
  'in at from near around across into to towards outside throughout of via within between and'.split(' '),
);
const NAME_SHAPE =
  /^(?:(?:Mc|Mac|O['’]|D['’]|De|Di|Da|La|Le|Fitz)?\p{Lu}\p{Ll}+|(?:al|el|bin|ibn|abu)-\p{Lu}\p{Ll}+)(?:['’-]\p{Lu}?\p{Ll}+)*$/u;

/** Tokens covered by a multi-word place name or known phrase ("Milton Keynes", "Moses basket"). */
export function knownPhrases(doc: Doc): boolean[] {
  const covered = doc.tokens.map(() => false);
  doc.tokens.forEach((t, i) => {
    for (const words of KNOWN_PHRASES.get(t.lower) ?? []) {
      const ok = words.every((w, k) => doc.tokens[i + k]?.lower === w.replace(/['’]s$/, ''));
      if (ok) for (let k = 0; k < words.length; k++) covered[i + k] = true;
    }
  });
  return covered;
}

export function classify(doc: Doc, i: number, inKnownPhrase: boolean): WordClass {
  const t = doc.tokens[i];
  if (!t) return 'stop';
  if (!t.capitalised) return /^(?:al|el|bin|ibn|abu)-\p{Lu}/u.test(t.word) ? 'unknown' : 'lower';
  if (TITLES.has(t.word)) return 'title';
  // "Ó Súilleabháin", "Mac Giolla", "De Souza": a capitalised particle opening a surname.
  if (CAPITAL_PARTICLES.has(t.word) && doc.tokens[i + 1]?.capitalised && /^ $/.test(gap(doc, i, i + 1)))
    return 'surname';
  if (inKnownPhrase) return 'stop';
  if (t.word.length === 1) return 'label';
  const lower = fold(t.word);
  if (t.allCaps) {
    return lower.length >= 3 && FIRST_NAMES.has(lower) && !WORD_NAMES.has(lower) && !PROPER_NAMES.has(lower)
      ? 'first'
      : 'stop';
  }
  const forms = [
    lower,
    lower.replace(/(?<=\p{L}{3})s$/u, ''),
    lower.replace(/(?<=\p{L}{3})es$/u, ''),
    lower.replace(/ies$/, 'y'),
  ];
  const inAny = (set: Set<string>) => forms.some((f) => set.has(f));
  if (inAny(LABEL_WORDS)) return 'label';
  const place = PLACE_WORDS.has(lower);
  if (place && LOCATION_PREPOSITIONS.has(previousWord(doc, i) ?? '')) return 'stop';
  if (WORD_NAMES.has(lower)) return 'word';
  if (PROPER_NAMES.has(lower)) return 'proper';
  if (FIRST_NAMES.has(lower) || FIRST_NAMES.has(lower.split('-')[0] ?? '')) return place ? 'proper' : 'first';
  if (SURNAMES.has(lower)) return 'surname';
  if (TAIL_WORDS.has(lower)) return 'tail';
  if (PREFIX_WORDS.has(lower)) return 'prefix';
  if (inAny(COMMON)) return 'common';
  if (inAny(INSTITUTIONAL) || place) return 'stop';
  return NAME_SHAPE.test(t.word) ? 'unknown' : 'stop';
}

export type Cue = {
  kind: 'relation' | 'naming' | 'verb' | 'human' | 'speech' | 'possessive' | 'age';
  word: string;
} | null;

const NAMING_WORDS = new Set(['named', 'called', 'nicknamed', 'aka', 'a.k.a.', 'a.k.a']);

/** A cue in the words before token i: "her son", "her partner, called", "named", "known to all as". */
export function cueBefore(doc: Doc, i: number): Cue {
  const t = doc.tokens[i];
  if (!t) return null;
  const before = doc.text.slice(Math.max(0, t.start - 50), t.start);
  // Only spaces, a comma or an opening quote may stand between the cue and the name; other
  // punctuation stays on the last word ("son." or "(GP)") and so matches no cue.
  const words = before
    .replace(/[\s,"'‘“]+$/, '')
    .split(/\s+/)
    .slice(-6);
  // A relationship word counts in lower case only: "Mother, Kelly" may be a label and a list.
  const lastAsWritten = words[words.length - 1] ?? '';
  const last = lastAsWritten.toLowerCase();
  const second = words[words.length - 2] ?? '';
  if (NAMING_WORDS.has(last)) return { kind: 'naming', word: last };
  if (last === 'as' && words.slice(0, -1).some((w) => /^(?:known|himself|herself|themselves)$/i.test(w)))
    return { kind: 'naming', word: 'known as' };
  if ((last === 'is' || last === 'was' || last === 'are' || last === 'were') && /^names?$/.test(second))
    return { kind: 'naming', word: `${second} ${last}` };
  if (RELATION_WORDS.has(lastAsWritten)) return { kind: 'relation', word: last };
  if ((last === 'called' || last === 'named') && RELATION_WORDS.has(second))
    return { kind: 'relation', word: second };
  return null;
}

const MODIFIERS = String.raw`(?:(?:ex-|step-?|half-|older|younger|elder|eldest|youngest|little|baby|big|maternal|paternal|new|then|former|biological|birth|foster|adoptive|late|own|current|previous|twin)\s*)*`;
const AFTER_POSSESSIVE = new RegExp(String.raw`^\s*${MODIFIERS}(\p{L}+)`, 'u');
const NUMBER_WORD = String.raw`(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-\w+)?`;
/** "Jayden (7)", "Jayden, aged 7,", "Misha was 15.", "Misha, 15, …": an age makes the word before it a person. */
const AGE_AFTER = new RegExp(
  String.raw`^\s*(?:\(\s*(?:aged\s+)?\d{1,2}\s*\)|,\s*(?:aged|age)\s+\d{1,2}\b|,\s*\d{1,2}\s*,|\s+aged\s+\d{1,2}\b|\s+(?:was|is|had been|turned|was then|was now)\s+${NUMBER_WORD}(?:\s+(?:years?|months?|weeks?)\s+old\b|\s*[.,;)]))`,
  'u',
);
const VERB_AFTER =
  /^(?:,\s*(?=who\b))?\s+(?:(?:then|also|later|subsequently|initially|never|still|often|repeatedly|again|herself|himself)\s+)?(\p{Ll}+(?:['’]t)?)/u;
const NAMING_AFTER = /^,?\s+(?:(?:also|who was|who is)\s+)?(known as|aka|nicknamed|called)\b/u;

/** A cue after the token ending at index j: a possessive + family word, an age, a verb. */
export function cueAfter(doc: Doc, j: number): Cue {
  const t = doc.tokens[j];
  if (!t) return null;
  const after = doc.text.slice(t.after, t.after + 50);
  if (t.possessive) {
    const noun = AFTER_POSSESSIVE.exec(after)?.[1]?.toLowerCase();
    return noun && PERSONAL_NOUNS.has(noun) ? { kind: 'possessive', word: noun } : null;
  }
  if (AGE_AFTER.test(after)) return { kind: 'age', word: 'aged' };
  const naming = NAMING_AFTER.exec(after)?.[1];
  if (naming) return { kind: 'naming', word: naming };
  const verb = VERB_AFTER.exec(after)?.[1]?.toLowerCase().replace('’', "'");
  if (verb && SPEECH_VERBS.has(verb)) return { kind: 'speech', word: verb };
  if (verb && HUMAN_VERBS.has(verb)) return { kind: 'human', word: verb };
  if (verb && PERSON_VERBS.has(verb)) return { kind: 'verb', word: verb };
  return null;
}

export function describeCue(cue: NonNullable<Cue>): string {
  switch (cue.kind) {
    case 'relation':
      return `after relationship word "${cue.word}"`;
    case 'naming':
      return `next to "${cue.word}"`;
    case 'possessive':
      return `possessive followed by "${cue.word}"`;
    case 'age':
      return 'followed by an age';
    default:
      return `followed by "${cue.word}"`;
  }
}

const ARTICLES = new Set('the a an this these those its our every each any no'.split(' '));

/** "the Dean", "a Will": a capitalised word after an article is a thing, not a person. */
export function afterArticle(doc: Doc, i: number): boolean {
  return ARTICLES.has(previousWord(doc, i) ?? '');
}

const SEASONS = new Set(['summer', 'autumn', 'winter', 'spring']);
const SEASON_BEFORE = new Set(
  'in during over the this last next early late by until since that each mid through of every throughout before after'.split(
    ' ',
  ),
);
const SEASON_AFTER = new Set(
  'term terms holiday holidays half-term months period of break school camp fair fete programme scheme'.split(
    ' ',
  ),
);
const ATTRIBUTIVE_NEXT = new Set(
  'groups group leaders leader communities community organisations organisation settings setting schools school based sector network forum partners officer officers project projects service services team worker workers house home centre unit ward room'.split(
    ' ',
  ),
);
const RATING_WORDS = new Set('red green rag rated rating amber level warning alert risk as or'.split(' '));

/** A word that is also a month, season or rating used as such: "May 2019", "the Summer term", "rated Amber". */
export function usedAsWord(doc: Doc, i: number): boolean {
  const t = doc.tokens[i];
  if (!t) return true;
  const after = doc.text.slice(t.after, t.after + 20);
  if (/^\s*\d/.test(after)) return true;
  const prev = previousWord(doc, i) ?? '';
  const next = /^\s+(\p{L}[\p{L}-]*)/u.exec(after)?.[1]?.toLowerCase() ?? '';
  if (SEASONS.has(t.lower) || PROPER_NAMES.has(t.lower)) {
    if (SEASON_BEFORE.has(prev) || SEASON_AFTER.has(next)) return true;
  }
  if (t.lower === 'amber' && (RATING_WORDS.has(prev) || RATING_WORDS.has(next))) return true;
  // "local Faith leaders", "the Hope project": the word describes a thing.
  return ATTRIBUTIVE_NEXT.has(next);
}

const PLACE_ENDING =
  /(?:shire|ton|ham|ford|field|bury|borough|burgh|by|wick|worth|chester|caster|cester|mouth|pool|port|stead|vale|dale|bridge|minster|thorpe|town|ville|holme|mere|combe|gate|ley)$/;

/** Ends like a place ("Northshire", "Ashvale"): not enough on its own, even before a verb, to call it a name. */
export function placeLike(word: string): boolean {
  return PLACE_ENDING.test(word.toLowerCase());
}

export function isPlaceWord(lower: string): boolean {
  return PLACE_WORDS.has(lower);
}

const ABSTRACT_PREDICATE =
  /^\s+(?:was|is|were|are|has been|had been|will be|would be|remains|remained)\s+(?:not\s+|also\s+|still\s+)?(?:expressed|given|lost|offered|raised|shown|needed|restored|found|placed|kept|made|provided|extended|required|sought|noted|evident|apparent|limited|important|key|essential|central|vital|needed|lacking|absent|present|possible|available|granted|served|done)\b/;

/** "Hope was expressed", "Justice was done": an ordinary noun as subject, not a person. */
export function abstractSubject(doc: Doc, j: number): boolean {
  const t = doc.tokens[j];
  return t !== undefined && ABSTRACT_PREDICATE.test(doc.text.slice(t.after, t.after + 40));
}

const QUESTION_OR_WISH = new Set(
  'the a an this that you we they it there he she i our your their all'.split(' '),
);

/**
 * "Will the partnership act?", "May the learning be shared", "Hope was expressed": a word that is also
 * a name, used as an ordinary word at the start of a sentence.
 */
export function ordinaryAtStart(doc: Doc, i: number): boolean {
  const next = doc.tokens[i + 1];
  return (
    (doc.sentenceStart[i] ?? false) &&
    next !== undefined &&
    !next.capitalised &&
    QUESTION_OR_WISH.has(next.lower) &&
    /^\s+$/.test(gap(doc, i, i + 1))
  );
}
