/**
 * Acronyms in briefings: each is written out at its first use and marked up (an <abbr> on the
 * web, the words in brackets in PDF and DOCX). The expansions come first from the review itself
 * ("Multi-Agency Safeguarding Hub (MASH)", or a line of its glossary), then from the glossary the
 * service keeps.
 */

const SMALL_WORDS = new Set(['of', 'and', 'for', 'the', 'in', 'to', 'on', '&', 'with', 'at']);
const ACRONYM = /^[A-Z][A-Za-z&]{1,9}$/;

function initials(words: string[]): string {
  return words
    .flatMap((w) => w.split(/[-‐]/))
    .filter((w) => w && !SMALL_WORDS.has(w.toLowerCase()))
    .map((w) => w[0]!.toUpperCase())
    .join('');
}

/** The words before "(ACR)" that spell it, or null: "... the Multi-Agency Safeguarding Hub (MASH)". */
function longFormBefore(before: string, acronym: string): string | null {
  const words = before.trim().split(/\s+/).slice(-10);
  const letters = acronym.replace(/[^A-Za-z]/g, '').toUpperCase();
  for (let start = words.length - 1; start >= 0; start--) {
    const candidate = words.slice(start).map((w) => w.replace(/^[("“‘']+|[,;:"”’']+$/g, ''));
    if (SMALL_WORDS.has(candidate[0]!.toLowerCase())) continue;
    const spelt = initials(candidate);
    if (spelt === letters) return candidate.join(' ');
    if (spelt.length > letters.length) return null;
  }
  return null;
}

/** Definitions a report gives itself, in its text and in its glossary section. */
export function definitionsIn(
  passages: ReadonlyArray<{ text: string; glossary?: boolean }>,
): Record<string, string> {
  const found: Record<string, string> = {};
  for (const p of passages) {
    for (const m of p.text.matchAll(/\(([A-Z][A-Za-z&]{1,9})\)/g)) {
      const acronym = m[1]!;
      if (found[acronym] || !/[A-Z].*[A-Z]/.test(acronym)) continue;
      const long = longFormBefore(p.text.slice(0, m.index), acronym);
      if (long) found[acronym] = long;
    }
    if (p.glossary) {
      // The whole rest of the line is the definition: a long one is not cut short, it is left out.
      const line = /^([A-Z][A-Za-z&]{1,9})s?\s*(?:[-–—:=]|\t|\s{2,})\s*([A-Za-z][^;]{3,100}?)\.?$/.exec(
        p.text.trim(),
      );
      if (line && ACRONYM.test(line[1]!) && !found[line[1]!]) {
        const long = line[2]!.trim();
        if (initials(long.split(/\s+/))[0] === line[1]![0]) found[line[1]!] = long;
      }
    }
  }
  return found;
}

export type Segment =
  | { text: string }
  | { acronym: string; expansion: string; first: boolean; plural: boolean; sentenceStart: boolean };

/**
 * The text cut into plain runs and acronyms, noting each acronym's first use in the briefing
 * (`seen` carries what earlier statements used). Where the text already writes the acronym out
 * just before it ("… Hub (MASH)"), it is not written out again.
 */
export function segments(text: string, abbreviations: Record<string, string>, seen: Set<string>): Segment[] {
  const out: Segment[] = [];
  let last = 0;
  for (const m of text.matchAll(/\b([A-Z][A-Z&]{1,9})(s?)\b/g)) {
    const acronym = m[1]!;
    const expansion = abbreviations[acronym];
    if (!expansion) continue;
    const before = text.slice(last, m.index);
    const bracketed = text[m.index - 1] === '(' && text[m.index + m[0].length] === ')';
    const spelt =
      bracketed &&
      before
        .toLowerCase()
        .replace(/\s*\($/, '')
        .endsWith(expansion.toLowerCase());
    if (before) out.push({ text: before });
    const sentenceStart = /(^|[.!?:]\s+)$/.test(text.slice(0, m.index));
    out.push({
      acronym,
      expansion,
      first: !seen.has(acronym) && !spelt,
      plural: m[2] === 's',
      sentenceStart,
    });
    seen.add(acronym);
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last) });
  return out;
}

/** The text as plain words, each acronym written out at its first use: for PDF, DOCX and readability. */
export function spelledOut(text: string, abbreviations: Record<string, string>, seen: Set<string>): string {
  return segments(text, abbreviations, seen)
    .map((s) =>
      'text' in s
        ? s.text
        : s.first
          ? `${capitalFirst(s.expansion, s.sentenceStart)} (${s.acronym}${s.plural ? 's' : ''})`
          : `${s.acronym}${s.plural ? 's' : ''}`,
    )
    .join('');
}

/** An expansion at the start of a sentence starts with a capital ("Multi-agency safeguarding hub (MASH) …"). */
export function capitalFirst(expansion: string, sentenceStart: boolean): string {
  return sentenceStart ? expansion[0]!.toUpperCase() + expansion.slice(1) : expansion;
}
