import { PAGE_MARKER, fixCharacters, removeRunningHeadsAndFeet } from '../clean.js';
import { IngestError } from '../errors.js';
import { textLinesToBlocks } from '../layout.js';
import type { Extracted, Line } from '../model.js';

/**
 * Decodes text bytes: UTF-8 (with or without BOM), UTF-16 with a BOM, else Windows-1252, which is
 * what older council documents saved as "ANSI" are. Binary data is refused.
 */
export function decodeText(bytes: Uint8Array, fileName: string): { text: string; encoding: string } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  const sample = bytes.subarray(0, 65536);
  let controls = 0;
  for (const b of sample) {
    if (b === 0) {
      throw new IngestError(
        'text_encoding',
        `${fileName} is not a text file: it contains binary data (NUL bytes).`,
      );
    }
    if (b < 9 || (b > 13 && b < 32 && b !== 27)) controls++;
  }
  if (controls > sample.length * 0.01) {
    throw new IngestError(
      'text_encoding',
      `${fileName} is not a text file: too many control characters for text.`,
    );
  }
  try {
    return {
      text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes),
      encoding: 'utf-8',
    };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}

/** Windows-1252's 0x80-0x9F block (curly quotes, dashes, €, …); the rest is Latin-1. */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/** Node's TextDecoder treats "windows-1252" as Latin-1, losing quotes and dashes, so map it here. */
export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b);
  return out;
}

/**
 * Splits text into lines with pages: form feeds end pages, and so do "Page N of M" lines that
 * exports of paged documents leave behind.
 */
export function textToLines(text: string): { lines: Line[]; pages: number | null } {
  const raw = text.replace(/\r\n?/g, '\n').split('\n');
  const lines: Line[] = [];
  let page = 1;
  let paged = false;
  let afterBlank = false;
  for (const rawLine of raw) {
    const parts = rawLine.split('\f');
    for (let i = 0; i < parts.length; i++) {
      if (i > 0) {
        page++;
        paged = true;
        afterBlank = true;
      }
      const part = parts[i] ?? '';
      if (PAGE_MARKER.test(part)) {
        page++;
        paged = true;
        continue;
      }
      const cleaned = fixCharacters(part);
      if (!cleaned) {
        afterBlank = true;
        continue;
      }
      lines.push({ text: cleaned, page, gap: null, size: null, afterBlank });
      afterBlank = false;
    }
  }
  // A trailing page marker leaves an empty last page behind; drop it from the count.
  const lastPage = lines.length ? (lines[lines.length - 1]?.page ?? 1) : 1;
  return { lines, pages: paged ? lastPage : null };
}

export function extractText(bytes: Uint8Array, fileName: string): Extracted {
  return textToBlocks(decodeText(bytes, fileName).text);
}

/**
 * Plain text as a text file is read: pages (form feeds, "Page N of M"), running heads and feet
 * removed, paragraphs from blank lines with wrapped lines joined, headings by their shape.
 */
export function textToBlocks(text: string): Extracted {
  const { lines, pages } = textToLines(text);
  const kept = pages ? joinAcrossPages(removeRunningHeadsAndFeet(lines)) : lines;
  return { mediaType: 'text/plain', pages, blocks: textLinesToBlocks(kept) };
}

/**
 * Once page breaks and running heads are gone, a paragraph that ran over the page break must
 * join up again: at the first line of a new page, a blank line only counts as a paragraph break
 * when the last line of the previous page ended a sentence.
 */
function joinAcrossPages(kept: Line[]): Line[] {
  const out: Line[] = [];
  for (const line of kept) {
    const before = out[out.length - 1];
    if (before && before.page !== line.page) {
      out.push({ ...line, afterBlank: /[.:;!?"”)]$/.test(before.text) });
    } else {
      out.push(line);
    }
  }
  return out;
}
