import { joinLines, vocabulary } from './clean.js';
import type { Block, Line } from './model.js';

const BULLET = /^(?:[•●▪◦·‣∙]|[-–*](?=\s)|o(?=\s{1,3}[A-Z]))\s*/;
const NUMBERED_START = /^(?:\d{1,2}(?:\.\d{1,3}){0,3}\.?|\(?[a-z]\)|\(?[ivx]{1,4}\)|[a-z]\.)\s+\S/;
/** "Finding 3:", "Key practice episode 2:": the label of a numbered part inside a part of the report */
const LABEL = String.raw`(?:learning point|finding|theme|lesson|period|(?:key )?(?:practice )?episode)\s+(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)[.:]`;
/** "3.", "2.1", "B.", "Part Three:", "Appendix 2": a heading's number */
const NUMBER = String.raw`(?:(?:\d{1,2}(?:\.\d{1,2}){0,2})\.?|[A-Z]\.|(?:part|section|chapter|appendix|annex)\s+(?:(?:\d{1,3}[a-z]?|[ivxl]{1,5}|[a-z]\d{0,2})(?![a-z])|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?:\s*[.:\-–—])?)`;
const LABELLED_HEADING = new RegExp(`^${LABEL}\\s+\\S`, 'i');
const NUMBERED_HEADING = new RegExp(`^${NUMBER}\\s+\\S`, 'i');
const HEADING_PREFIX = new RegExp(`^(?:${NUMBER}\\s+)?(?:${LABEL}\\s+)?(?=\\S)`, 'i');

/**
 * "Section 47 enquiries were not started", "Part 4 of the Care Act", "Section 11 audit findings": a
 * statute's section or part, whose number is part of the words (a heading's own number is followed
 * by a capital). Such a line may still be a heading; its number is just not taken off.
 */
export const STATUTORY_REFERENCE = /^(?:[Pp]art|[Ss]ection|[Cc]hapter)\s+\d{1,3}[A-Za-z]?\s+[a-z]/;

/** A heading's words without its number or label: "7.2 Finding 4: Owen was not heard" → "Owen was not heard". */
export function headingWithoutNumber(heading: string): string {
  const t = heading.trim();
  if (STATUTORY_REFERENCE.test(t)) return t;
  return t.slice(HEADING_PREFIX.exec(t)?.[0].length ?? 0);
}

/** a numbered paragraph's opening ("4.12 The health visitor…") */
const PARAGRAPH_START = /^\d{1,2}(?:\.\d{1,3}){1,3}\.?\s+\S/;
const MONTH = /\b(january|february|march|april|may|june|july|august|september|october|november|december)\b/i;
const TERMINAL = /[.;,]["'”’)]?$/;

function words(text: string): string[] {
  return text.split(/\s+/).filter(Boolean);
}

function isAllCaps(text: string): boolean {
  const letters = text.replace(/[^A-Za-z]/g, '');
  return letters.length >= 3 && letters.replace(/[^A-Z]/g, '').length / letters.length > 0.8;
}

/**
 * Whether a line standing alone reads as a heading. Plain text has no fonts, so this judges by
 * shape: short, no sentence ending, and numbered ("3. Findings", "Part Three: Background", "Learning
 * point 2: ..."), in capitals, in title case, or (not strict) in sentence case.
 */
export function looksLikeHeading(text: string, strict = false): { level: number } | null {
  const t = text.trim();
  const w = words(t);
  if (t.length < 3 || t.length > 90 || w.length > 12 || TERMINAL.test(t)) return null;
  if (t.endsWith(':') && w.length > 3) return null; // "The following agencies contributed:" leads into a list
  if (/^\d{1,2}(\.\d{1,3})+\s/.test(t) && w.length > 8) return null; // a short numbered paragraph
  if (MONTH.test(t) && /\b(19|20)\d\d\b/.test(t) && w.length <= 4) return null; // a date line
  if (LABELLED_HEADING.test(t)) return { level: 2 };
  const numbered = NUMBERED_HEADING.exec(t);
  if (numbered && /[A-Za-z]{3}/.test(t)) {
    const depth = (/^(\d+(?:\.\d+)*)/.exec(t)?.[1] ?? '1').split('.').length;
    return { level: Math.min(depth, 3) };
  }
  if (isAllCaps(t)) return { level: 1 };
  if (strict) return null;
  if (/:\s*\S/.test(t)) return null; // "Author: Jane Doe" is a label, not a heading
  const significant = w.filter((x) => x.replace(/[^A-Za-z]/g, '').length > 3);
  if (significant.length === 0 || w.length > 8) return null;
  const capitalised = significant.filter((x) => /^[A-Z'‘"“(]/.test(x)).length;
  if (capitalised / significant.length >= 0.6 && /^[A-Z'‘"“(]/.test(t)) return { level: 2 };
  // Sentence case, as GOV.UK style and most partnerships now write headings ("Terms of reference",
  // "The withdrawal from school"): eight words at most, a capital first, alone on its line, no full
  // stop and not a question. Not a running head's fields ("Partnership | CSPR | Final report").
  return /^[A-Z]/.test(t) && !t.includes('|') && !/[?!]$/.test(t) ? { level: 2 } : null;
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** The font size most of the text is set in. */
function bodySize(lines: Line[]): number {
  const weight = new Map<number, number>();
  for (const l of lines) {
    if (l.size === null) continue;
    const s = Math.round(l.size * 2) / 2;
    weight.set(s, (weight.get(s) ?? 0) + l.text.length);
  }
  let best = 0;
  let bestWeight = -1;
  for (const [s, w] of weight) {
    if (w > bestWeight) {
      best = s;
      bestWeight = w;
    }
  }
  return best;
}

interface Draft {
  kind: Block['kind'];
  text: string;
  page: number;
  size: number | null;
  lines: number;
}

/** Turns positioned PDF lines into headings, paragraphs and list items. */
export function pdfLinesToBlocks(lines: Line[]): Block[] {
  const vocab = vocabulary(lines.map((l) => l.text));
  const body = bodySize(lines);
  const lineGap = median(
    lines
      .filter((l) => l.gap !== null && l.gap > 0 && l.size !== null && Math.abs(l.size - body) < 0.6)
      .map((l) => l.gap as number),
  );
  const drafts: Draft[] = [];
  let current: Draft | null = null;
  let previous: Line | null = null;
  for (const line of lines) {
    const heading = line.size !== null && body > 0 && line.size >= body * 1.12 && line.text.length < 200;
    const bullet = BULLET.test(line.text);
    const numbered = NUMBERED_START.test(line.text);
    const samePage = previous !== null && previous.page === line.page;
    const bigGap = samePage && line.gap !== null && lineGap > 0 && line.gap > lineGap * 1.45;
    const pageBreakEndsParagraph = previous !== null && !samePage && /[.:;!?"”)]$/.test(previous.text);
    const kind: Draft['kind'] = heading ? 'heading' : bullet ? 'list-item' : 'paragraph';
    const continues =
      current !== null &&
      previous !== null &&
      !bigGap &&
      !pageBreakEndsParagraph &&
      (heading
        ? current.kind === 'heading' && samePage && Math.abs((current.size ?? 0) - (line.size ?? 0)) < 0.6
        : current.kind !== 'heading' && !bullet && !numbered);
    if (continues && current) {
      current.text = joinLines(current.text, line.text, vocab);
      current.lines += 1;
    } else {
      current = {
        kind,
        text: bullet ? line.text.replace(BULLET, '') : line.text,
        page: line.page,
        size: line.size,
        lines: 1,
      };
      drafts.push(current);
    }
    previous = line;
  }
  const headingSizes = [
    ...new Set(drafts.filter((d) => d.kind === 'heading').map((d) => Math.round((d.size ?? 0) * 2) / 2)),
  ].sort((a, b) => b - a);
  return drafts.map((d): Block => {
    if (d.kind === 'heading') {
      const level = headingSizes.indexOf(Math.round((d.size ?? 0) * 2) / 2) + 1;
      return { kind: 'heading', text: d.text, page: d.page, level: Math.max(1, Math.min(level, 4)) };
    }
    const standalone = d.kind === 'paragraph' && d.lines === 1 ? looksLikeHeading(d.text, true) : null;
    if (standalone)
      return { kind: 'heading', text: d.text, page: d.page, level: standalone.level + headingSizes.length };
    return { kind: d.kind, text: d.text, page: d.page };
  });
}

/**
 * A Markdown heading in plain text ("## Findings", "## What happened?", as text pasted from a
 * Markdown document reads): hashes, a space, words that start with a capital, a number or a quote,
 * and do not end a sentence with a full stop ("# 1 priority is … sharing." and "# of contacts: 12"
 * are prose).
 */
const ATX_HEADING = /^(#{1,6})[ \t]+([A-Z0-9"'“‘(].*?[^.!\s])[ \t]*#*[ \t]*$/;
/** a line all in Markdown bold ("**What happened**"), which heads a part when its words read as a heading */
const BOLD_LINE = /^(?:\*\*|__)([^*_]+?)(?:\*\*|__):?$/;

/** A heading marked up as Markdown: "## Findings", or a line all in bold whose words read as one. */
function markedUpHeading(text: string): { text: string; level: number } | null {
  const atx = ATX_HEADING.exec(text);
  if (atx) return { text: atx[2] ?? '', level: atx[1]?.length ?? 1 };
  const bold = BOLD_LINE.exec(text)?.[1];
  const h = bold ? looksLikeHeading(bold) : null;
  return bold && h ? { text: bold, level: h.level } : null;
}

/** A line shorter than this share of the lines' wrap width is the last of its paragraph. */
const SHORT_LINE = 0.7;

/**
 * The width a group of lines was wrapped to: its longer lines' length (the 80th percentile), or
 * Infinity when there are too few lines, or too short ones, to tell a paragraph's short last line.
 */
function wrapWidth(lines: Line[]): number {
  if (lines.length < 6) return Infinity;
  const lengths = lines.map((l) => l.text.length).sort((a, b) => a - b);
  const width = lengths[Math.floor(lengths.length * 0.8)] ?? 0;
  return width >= 50 ? width : Infinity;
}

function isParagraphEnd(line: Line | undefined, width: number): boolean {
  return (
    line !== undefined &&
    width < Infinity &&
    line.text.length < width * SHORT_LINE &&
    /[.!?:"”)]$/.test(line.text)
  );
}

/**
 * Turns plain-text lines into blocks: paragraphs separated by blank lines, or, in text wrapped
 * without blank lines, ended by a short line that finishes a sentence; headings; list items.
 */
export function textLinesToBlocks(lines: Line[]): Block[] {
  const vocab = vocabulary(lines.map((l) => l.text));
  const groups: Line[][] = [];
  let group: Line[] = [];
  for (const line of lines) {
    const continuesAcrossPage =
      group.length > 0 && line.page !== group[group.length - 1]?.page && !line.afterBlank;
    if (line.afterBlank && group.length > 0 && !continuesAcrossPage) {
      groups.push(group);
      group = [];
    }
    group.push(line);
  }
  if (group.length > 0) groups.push(group);

  const blocks: Block[] = [];
  for (const g of groups) {
    const first = g[0];
    if (!first) continue;
    const width = wrapWidth(g);
    if (g.length === 1 && !markedUpHeading(first.text)) {
      const h = looksLikeHeading(first.text);
      if (h) {
        blocks.push({ kind: 'heading', text: first.text, page: first.page, level: h.level });
        continue;
      }
    }
    let current: Block | null = null;
    let listing = false;
    const headingAt = (line: Line, text: string, level: number) => {
      blocks.push({ kind: 'heading', text, page: line.page, level });
      current = null;
    };
    for (const [i, line] of g.entries()) {
      const marked = markedUpHeading(line.text);
      if (marked) {
        headingAt(line, marked.text, marked.level);
        listing = false;
        continue;
      }
      // A numbered or capitalised heading with no blank line between it and the paragraph before:
      // after a finished sentence, and last before a blank line or before a numbered paragraph.
      const next = g[i + 1];
      const heading =
        current !== null && /[.!?:;"”)]$/.test(current.text) && !/[?]$/.test(line.text)
          ? looksLikeHeading(line.text, true)
          : null;
      // In wrapped text, a short line after a finished paragraph, itself unfinished, can head the next;
      // not after a colon, which leads into a list.
      const previous = g[i - 1];
      const wrappedHeading =
        width < Infinity &&
        line.text.length < width * SHORT_LINE &&
        !/[.,;:!?]$/.test(line.text) &&
        (previous === undefined || (isParagraphEnd(previous, width) && !previous.text.endsWith(':')))
          ? looksLikeHeading(line.text)
          : null;
      if (wrappedHeading) {
        headingAt(line, line.text, wrappedHeading.level);
        continue;
      }
      if (heading && (next === undefined || PARAGRAPH_START.test(next.text))) {
        headingAt(line, line.text, heading.level);
        continue;
      }
      const bullet = BULLET.test(line.text);
      // In wrapped text, the short lines after one ending in a colon are a list, an item to a line,
      // until a line runs to the width (a paragraph) or one heads numbered paragraphs. A quotation
      // ("Her sister told the panel:") is not a list, nor a sentence that runs on ("…three
      // questions:" / "whether the agencies…").
      if (width < Infinity && previous?.text.endsWith(':')) listing = /^[A-Z0-9]/.test(line.text);
      if (listing && !bullet) {
        const short = line.text.length < width * SHORT_LINE;
        const headsNumbered = next !== undefined && PARAGRAPH_START.test(next.text);
        const listHeading = short && headsNumbered ? looksLikeHeading(line.text) : null;
        if (listHeading) {
          headingAt(line, line.text, listHeading.level);
          listing = false;
          continue;
        }
        current = { kind: short ? 'list-item' : 'paragraph', text: line.text, page: line.page };
        blocks.push(current);
        listing = short;
        continue;
      }
      listing = false;
      const numberedItem = current !== null && NUMBERED_START.test(line.text) && current.text.length > 0;
      // Wrapped text without blank lines: a paragraph ends at a short line that finishes a sentence.
      const paragraphEnded = isParagraphEnd(g[i - 1], width) && /^["“‘'(]?[A-Z0-9]/.test(line.text);
      if (!current || bullet || paragraphEnded || (numberedItem && /[.:;]$/.test(current.text))) {
        current = bullet
          ? { kind: 'list-item', text: line.text.replace(BULLET, ''), page: line.page }
          : { kind: 'paragraph', text: line.text, page: line.page };
        blocks.push(current);
      } else {
        current.text = joinLines(current.text, line.text, vocab);
      }
    }
  }
  return blocks;
}
