/**
 * The document as the rules see it: words with their positions, lines, headings and sentence starts.
 * Built once per text so that every rule is a linear pass over the same tokens.
 */

export interface Token {
  /** the word without a possessive ending */
  word: string;
  lower: string;
  start: number;
  /** end of the word without its possessive */
  end: number;
  /** end including a possessive "’s" or "'" */
  after: number;
  possessive: boolean;
  capitalised: boolean;
  allCaps: boolean;
}

export interface Doc {
  text: string;
  tokens: Token[];
  /** whether the token starts a sentence, a heading or a list item */
  sentenceStart: boolean[];
  /** whether the token is on a heading line */
  inHeading: boolean[];
  /** index of the line each token is on */
  line: number[];
  lines: string[];
}

const WORD = /[\p{L}][\p{L}\p{M}'’-]*/gu;

const TRAILING = new Set(['-', "'", '’']);

function toToken(raw: string, start: number): Token {
  let e = raw.length;
  while (e > 0 && TRAILING.has(raw[e - 1] ?? '')) e--;
  let word = raw.slice(0, e);
  let possessive = e < raw.length && raw[e] !== '-';
  const first = word[0] ?? '';
  const capitalised = first !== first.toLowerCase();
  // "Jayden's", "Jayden’s": the name without its possessive.
  const q = word[word.length - 2];
  if (capitalised && word.length > 2 && word.endsWith('s') && (q === "'" || q === '’')) {
    word = word.slice(0, -2);
    possessive = true;
  }
  const lower = word.toLowerCase();
  return {
    word,
    lower,
    start,
    end: start + word.length,
    after: start + raw.length,
    possessive,
    capitalised,
    allCaps: capitalised && word.length > 1 && word === word.toUpperCase() && word !== lower,
  };
}

/** A line that is a heading: Markdown "#", all capitals, or a short title-case line without a full stop. */
function isHeading(line: string, prev: string | undefined): boolean {
  const t = line.trim();
  if (!t) return false;
  if (t[0] === '#') return /^#{1,6}\s/.test(t);
  if (t.length > 120) return false;
  const letters = t.replace(/[^\p{L}]/gu, '');
  if (letters.length >= 3 && letters === letters.toUpperCase()) return true;
  const body = t.replace(/^(\d+(\.\d+)*\.?|[A-Z]\.|[ivx]+\.)\s+/, '').replace(/^\*\*(.*)\*\*$/, '$1');
  if (body.length > 90 || /[.;,]$/.test(body)) return false;
  const words = body.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  if (words.length === 0 || words.length > 12) return false;
  const capitalised = words.filter((w) => /^["'‘“(]?\p{Lu}/u.test(w)).length;
  const blankBefore = prev === undefined || prev.trim() === '';
  return blankBefore && (capitalised / words.length >= 0.6 || /:$/.test(body));
}

/** A line's text before a position is only markers: bullets, paragraph numbers, quotes. */
const LINE_OPENING =
  /^\s*(?:[#>*•·▪–—-]+\s*|\(?(?:\d+(?:\.\d+)*|[a-z]|[ivx]+)[.)]\s+|\d+(?:\.\d+)+\s+)*["'“‘([*_]*$/;

const SENTENCE_END = /(?:[.!?:;…]|\s[–—-])["'”’)\]]?\s*["'“‘([*_]*$/;

export function buildDoc(text: string): Doc {
  const lines = text.split('\n');
  const lineStarts: number[] = [];
  let pos = 0;
  for (const l of lines) {
    lineStarts.push(pos);
    pos += l.length + 1;
  }
  const headingLines = lines.map((l, i) => isHeading(l, lines[i - 1]));
  const tokens: Token[] = [];
  const sentenceStart: boolean[] = [];
  const inHeading: boolean[] = [];
  const line: number[] = [];
  let li = 0;
  for (const m of text.matchAll(WORD)) {
    const tok = toToken(m[0], m.index);
    while (li + 1 < lineStarts.length && (lineStarts[li + 1] ?? Infinity) <= tok.start) li++;
    const lineStart = lineStarts[li] ?? 0;
    // Only the last few characters matter mid-line; a long prefix is never only list markers.
    const opening = tok.start - lineStart <= 40 ? text.slice(lineStart, tok.start) : null;
    let start: boolean;
    if (opening !== null && LINE_OPENING.test(opening)) {
      const prevLine = li > 0 ? (lines[li - 1] ?? '').trimEnd() : '';
      // A hard-wrapped paragraph continues across the line break; a new paragraph, item or heading does not.
      start =
        prevLine === '' ||
        /[.!?:;"”)]$/.test(prevLine) ||
        /\S/.test(opening) ||
        prevLine.length < 50 ||
        (headingLines[li - 1] ?? false);
    } else {
      const end = text.slice(Math.max(lineStart, tok.start - 8), tok.start);
      start = SENTENCE_END.test(end);
    }
    tokens.push(tok);
    sentenceStart.push(start);
    inHeading.push(headingLines[li] ?? false);
    line.push(li);
  }
  return { text, tokens, sentenceStart, inHeading, line, lines };
}

/** The text between two tokens. */
export function gap(doc: Doc, i: number, j: number): string {
  const a = doc.tokens[i];
  const b = doc.tokens[j];
  return a && b ? doc.text.slice(a.after, b.start) : '';
}

/** The lower-case word before token i when only spaces (and an optional comma) separate them. */
export function previousWord(doc: Doc, i: number, allowComma = false): string | null {
  const g = gap(doc, i - 1, i);
  const ok = allowComma ? /^,?\s+$/ : /^\s+$/;
  return i > 0 && ok.test(g) ? (doc.tokens[i - 1]?.lower ?? null) : null;
}
