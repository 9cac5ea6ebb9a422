import type { Line } from './model.js';

const LIGATURES: Record<string, string> = {
  '\uFB00': 'ff',
  '\uFB01': 'fi',
  '\uFB02': 'fl',
  '\uFB03': 'ffi',
  '\uFB04': 'ffl',
  '\uFB05': 'st',
  '\uFB06': 'st',
};

/** Character-level repairs every source needs: ligatures, soft hyphens, odd spaces. */
export function fixCharacters(text: string): string {
  return text
    .replace(/[\uFB00-\uFB06]/g, (c) => LIGATURES[c] ?? c)
    .replace(/\u00AD/g, '')
    .replace(/[\u200B-\u200D\uFEFF]/g, '')
    .replace(/[\u00A0\u2000-\u200A\u202F\u205F\u3000\t]/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}

const PAGE_NUMBER = [
  /^(page|p\.?)\s*\d{1,4}(\s*(of|\/)\s*\d{1,4})?$/i,
  /^\d{1,4}(\s*(of|\/)\s*\d{1,4})?$/,
  /^[-–—]\s*\d{1,4}\s*[-–—]$/,
  /^\[\s*\d{1,4}\s*\]$/,
];

export function isPageNumber(text: string): boolean {
  const t = text.trim();
  return PAGE_NUMBER.some((re) => re.test(t));
}

/** Lines that mark the end of a page in plain text exported from a paged document. */
export const PAGE_MARKER = /^\s*page\s+(\d{1,4})\s+of\s+(\d{1,4})\s*$/i;

function shape(text: string): string {
  return text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
}

/**
 * Removes running headers and footers: a line at the top or bottom of a page whose shape
 * (digits ignored) recurs at the top or bottom of at least half the pages, and bare page numbers.
 * Looks at the first and last three lines of each page, where running heads live.
 */
export function removeRunningHeadsAndFeet(lines: Line[]): Line[] {
  const byPage = new Map<number, Line[]>();
  for (const line of lines) {
    const list = byPage.get(line.page) ?? [];
    list.push(line);
    byPage.set(line.page, list);
  }
  const pageCount = byPage.size;
  const edge = new Set<Line>();
  const counts = new Map<string, number>();
  for (const pageLines of byPage.values()) {
    const candidates = new Set([...pageLines.slice(0, 3), ...pageLines.slice(-3)]);
    const seen = new Set<string>();
    for (const line of candidates) {
      edge.add(line);
      const s = shape(line.text);
      if (!seen.has(s)) {
        seen.add(s);
        counts.set(s, (counts.get(s) ?? 0) + 1);
      }
    }
  }
  const threshold = Math.max(2, Math.ceil(pageCount * 0.5));
  return lines.filter((line) => {
    if (!edge.has(line)) return true;
    if (isPageNumber(line.text)) return false;
    return pageCount < 3 || (counts.get(shape(line.text)) ?? 0) < threshold;
  });
}

/**
 * Word fragments that keep their hyphen at a line break ("multi-" + "agency") when the document
 * itself does not settle it: they begin real hyphenated compounds far more often than they are
 * a syllable the typesetter split.
 */
const KEEP_HYPHEN = new Set([
  'multi', 'self', 'non', 'co', 'ex', 'well', 'cross', 'step', 'half', 'semi', 'follow', 'long', 'short',
  'full', 'part', 'face', 'one', 'two', 'three', 'four', 'five', 'six', 'single', 'low', 'high', 'joint',
]);

/** Words of a whole document, lower-cased, hyphenated forms included: the evidence for mending splits. */
export function vocabulary(texts: Iterable<string>): Set<string> {
  const words = new Set<string>();
  for (const t of texts) {
    for (const w of t.toLowerCase().match(/[a-z]+(?:-[a-z]+)*/g) ?? []) words.add(w);
  }
  return words;
}

/**
 * Joins two consecutive lines of one paragraph, mending a word split at a line-end hyphen.
 * The document's own vocabulary decides first ("safeguarding" seen elsewhere → join;
 * "multi-agency" seen elsewhere → keep the hyphen); a short list of compound prefixes decides otherwise.
 */
export function joinLines(previous: string, next: string, vocab?: Set<string>): string {
  const m = /([A-Za-z]+)-$/.exec(previous);
  const n = /^([a-z]+)/.exec(next);
  if (m && n) {
    const fragment = (m[1] ?? '').toLowerCase();
    const rest = n[1] ?? '';
    const joined = fragment + rest;
    const hyphenated = `${fragment}-${rest}`;
    let keep = KEEP_HYPHEN.has(fragment);
    if (vocab?.has(joined)) keep = false;
    else if (vocab?.has(hyphenated)) keep = true;
    return keep ? previous + next : previous.slice(0, -1) + next;
  }
  return `${previous} ${next}`;
}
