import type { Block } from './model.js';
import { findPlace } from './places.js';

export const REVIEW_TYPES = ['scr', 'cspr', 'rapid-review', 'sar', 'dhr', 'cpr', 'susr', 'scotland-review', 'cmr', 'other'] as const;
export type ReviewType = (typeof REVIEW_TYPES)[number];

/** A guessed value and the reason for it, so that people can see why the library thinks so. */
export interface Guess<T> {
  value: T;
  reason: string;
}

export interface GuessedMetadata {
  title?: Guess<string>;
  reviewType?: Guess<ReviewType>;
  publishingBody?: Guess<string>;
  publishedOn?: Guess<string>;
  nation?: Guess<string>;
  region?: Guess<string | null>;
  area?: Guess<string>;
  subject?: Guess<'child' | 'adult'>;
}

const TYPE_PATTERNS: Array<[ReviewType, RegExp]> = [
  ['susr', /single unified safeguarding review/i],
  ['cspr', /child safeguarding practice review|\bLCSPR\b|\bCSPR\b/i],
  ['scr', /serious case review/i],
  ['sar', /safeguarding adults? review|adult practice review/i],
  ['dhr', /domestic homicide review|domestic abuse related death review/i],
  ['cmr', /case management review/i],
  ['cpr', /(?:concise|extended)?\s*child practice review/i],
  ['scotland-review', /significant case review|(?:initial|significant) case review|\blearning review\b/i],
  ['rapid-review', /\brapid review\b/i],
  ['other', /\bthematic (learning )?review\b/i],
];

/** The kind of review a text names first, if it names one (as a report's title does). */
export function reviewTypeNamed(text: string): ReviewType | null {
  let best: { type: ReviewType; at: number } | null = null;
  for (const [type, re] of TYPE_PATTERNS) {
    const m = re.exec(text);
    if (m && (best === null || m.index < best.at)) best = { type, at: m.index };
  }
  return best?.type ?? null;
}

const NATION_BY_TYPE: Partial<Record<ReviewType, string>> = {
  scr: 'England',
  cspr: 'England',
  'rapid-review': 'England',
  cpr: 'Wales',
  susr: 'Wales',
  'scotland-review': 'Scotland',
  cmr: 'Northern Ireland',
};

const BODY_SUFFIX =
  '(?:Local[ \\t]+)?(?:Safeguarding[ \\t]+(?:Children|Adults?)[ \\t]+(?:Multi-Agency[ \\t]+)?(?:Partnership|Board|Executive[ \\t]+Board)|Safeguarding[ \\t]+(?:Partnership|Board|Together)|Safe[ \\t]+Partnership|Community[ \\t]+Safety[ \\t]+Partnership|(?:Child|Adult|Public)[ \\t]+Protection[ \\t]+Committee)';
/** A safeguarding body's name on one line: up to six capitalised words, then the kind of body. */
const BODY = new RegExp(`((?:(?:[A-Z][\\w'’&.-]*|and|&|of|upon|on|the)[ \\t]+){1,7}?${BODY_SUFFIX}|Safeguarding[ \\t]+Board[ \\t]+for[ \\t]+Northern[ \\t]+Ireland|Safer[ \\t]+[A-Z][a-z]+)`, 'g');
/** Names that say what kind of body, not which one. */
const GENERIC_BODY = /^(the[ \t]+)?(local|area|regional)?[ \t]*(safeguarding|child|adult)/i;

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const DATE_DMY = /\b(\d{1,2})(?:st|nd|rd|th)?\s+(January|February|March|April|May|June|July|August|September|October|November|December)\s+((?:19|20)\d\d)\b/i;
const DATE_MY = /\b(January|February|March|April|May|June|July|August|September|October|November|December)\s+((?:19|20)\d\d)\b/i;
const DATE_NUMERIC = /\b(\d{1,2})[/.](\d{1,2})[/.]((?:19|20)\d\d)\b/;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Parses the first date in a line into YYYY-MM-DD or YYYY-MM. */
export function parseDate(text: string): string | null {
  const dmy = DATE_DMY.exec(text);
  if (dmy) return `${dmy[3]}-${pad(MONTHS.indexOf((dmy[2] ?? '').toLowerCase()) + 1)}-${pad(Number(dmy[1]))}`;
  const my = DATE_MY.exec(text);
  if (my) return `${my[2]}-${pad(MONTHS.indexOf((my[1] ?? '').toLowerCase()) + 1)}`;
  const num = DATE_NUMERIC.exec(text);
  if (num && Number(num[2]) <= 12 && Number(num[1]) <= 31) return `${num[3]}-${pad(Number(num[2]))}-${pad(Number(num[1]))}`;
  return null;
}

const FICTION = /fictional|fictitious|resemblance to real/i;

/**
 * Guesses catalogue metadata from a report's opening (its title page) and, failing that, its whole
 * text. Every guess keeps the reason, shown to editors, who can override any of them.
 */
export function guessMetadata(blocks: Block[]): GuessedMetadata {
  const guess: GuessedMetadata = {};
  const opening = blocks.slice(0, 25);
  const openingText = opening.map((b) => b.text).join('\n');
  const allText = blocks.map((b) => b.text).join('\n');

  const title = findTitle(opening);
  if (title) guess.title = title;

  let bestType: { type: ReviewType; at: number; match: string } | null = null;
  for (const [type, re] of TYPE_PATTERNS) {
    const m = re.exec(openingText);
    if (m && (bestType === null || m.index < bestType.at)) bestType = { type, at: m.index, match: m[0].trim() };
  }
  if (!bestType) {
    let bestCount = 0;
    for (const [type, re] of TYPE_PATTERNS) {
      const count = allText.match(new RegExp(re.source, 'gi'))?.length ?? 0;
      if (count > bestCount) {
        bestCount = count;
        bestType = { type, at: 0, match: `${count} mentions of "${re.source.split('|')[0]}"` };
      }
    }
  }
  if (bestType) {
    guess.reviewType = { value: bestType.type, reason: `"${bestType.match}" in the opening of the report` };
  }

  const body = findBody(openingText) ?? findBody(allText);
  if (body) guess.publishingBody = { value: body, reason: 'the name of a safeguarding body in the report' };

  const published = findPublicationDate(opening);
  if (published) guess.publishedOn = published;

  const fromBody = guess.publishingBody ? findPlace(guess.publishingBody.value) : null;
  const place = fromBody ?? findPlace(openingText);
  if (place) {
    guess.area = { value: place.name, reason: `"${place.name}" in ${fromBody ? 'the publishing body' : 'the title page'}` };
    guess.nation = { value: place.nation, reason: `${place.name} is in ${place.nation}` };
    guess.region = { value: place.region, reason: place.region ? `${place.name} is in ${place.region}` : 'outside England' };
  } else if (bestType && NATION_BY_TYPE[bestType.type]) {
    guess.nation = { value: NATION_BY_TYPE[bestType.type] as string, reason: `${bestType.type} reviews are held in that nation` };
  }

  if (bestType) {
    const t = bestType.type;
    if (['scr', 'cspr', 'cpr', 'cmr', 'rapid-review'].includes(t)) guess.subject = { value: 'child', reason: `a ${t} is a review about a child` };
    else if (t === 'sar' || t === 'dhr') guess.subject = { value: 'adult', reason: `a ${t} is a review about an adult` };
  }
  return guess;
}

function findBody(text: string): string | undefined {
  for (const m of text.matchAll(BODY)) {
    const value = (m[1] ?? '').replace(/\s+/g, ' ').replace(/^((the|by|for|of|and|published|report|overview|child|baby|[A-Z][a-z]+ [A-Z]\b)\s+)+/i, '').trim();
    if (!GENERIC_BODY.test(value) || /northern ireland/i.test(value)) return trimLeadingNames(value);
  }
  return undefined;
}

/** "Reuben Croydon Safeguarding Children Partnership": keep from the first word that is a place. */
function trimLeadingNames(value: string): string {
  const words = value.split(' ');
  for (let i = 0; i < words.length - 3; i++) {
    const rest = words.slice(i).join(' ');
    const place = findPlace(rest);
    if (place && rest.toLowerCase().startsWith(place.name.toLowerCase().split(' ')[0] ?? '')) return rest;
  }
  return value;
}

const PUBLISHED = /(?:published|publication|date of publication)\b[^\n]*/i;

function findPublicationDate(opening: Block[]): Guess<string> | undefined {
  for (const b of opening) {
    const m = PUBLISHED.exec(b.text);
    const value = m ? parseDate(m[0]) : null;
    if (value) return { value, reason: `"${m?.[0].slice(0, 60)}"` };
  }
  const dated = opening.find((b) => b.text.length < 80 && parseDate(b.text) && !/complet|approved|submitted|draft/i.test(b.text));
  const value = dated ? parseDate(dated.text) : null;
  return value ? { value, reason: 'the first date on the title page' } : undefined;
}

const SMALL_WORDS = new Set(['of', 'the', 'into', 'and', 'in', 'for', 'a', 'to', 'on', 'at', 'by']);
const ACRONYMS = /^(SCR|CSPR|LCSPR|SAR|DHR|CPR|SUSR|CMR|LSCB|LSCP|SAB|CSP|NHS|UK)$/;

function titleCase(text: string): string {
  if (/[a-z]/.test(text)) return text;
  return text
    .toLowerCase()
    .split(' ')
    .map((w, i) => {
      const upper = w.toUpperCase();
      if (ACRONYMS.test(upper.replace(/[^A-Z]/g, ''))) return upper;
      if (i > 0 && SMALL_WORDS.has(w)) return w;
      return w.replace(/^(["'‘“(]?)(\p{L})/u, (_m, q: string, c: string) => q + c.toUpperCase());
    })
    .join(' ');
}

const REVIEW_WORDS = /review|inquiry|report into/i;

/**
 * The report's title: the first heading on the title page that names a kind of review, without a
 * publishing body in front of it, completed with the name that follows ("... into the death of" + "Jean").
 */
function findTitle(opening: Block[]): Guess<string> | undefined {
  const usable = opening.filter((b) => b.text.length >= 4 && b.text.length <= 160 && !FICTION.test(b.text));
  const index = usable.findIndex((b) => b.kind === 'heading' && REVIEW_WORDS.test(b.text) && !/^(\d|part|section)/i.test(b.text));
  const first = usable[index] ?? usable.find((b) => b.kind === 'heading');
  if (!first) return undefined;
  let title = first.text.replace(/\s+/g, ' ').trim();
  const body = title.split(/:\s*/)[0] ?? '';
  if (title.includes(':') && findBody(body) && !REVIEW_WORDS.test(body)) title = title.slice(body.length).replace(/^:\s*/, '');
  const next = usable[index + 1];
  const incomplete = /(review|report|death of|in respect of|concerning)$/i.test(title) && !/:/.test(title);
  if (incomplete && next && next.text.split(/\s+/).length <= 8 && !parseDate(next.text) && !findBody(next.text)) {
    title = /of$/i.test(title) ? `${title} ${next.text}` : `${title}: ${next.text}`;
  }
  return { value: titleCase(title.replace(/:+/g, ':').trim()), reason: index >= 0 ? 'the first heading that names the review' : 'the first heading of the document' };
}
