import { getDocumentProxy } from 'unpdf';
import { fixCharacters, removeRunningHeadsAndFeet } from '../clean.js';
import { IngestError } from '../errors.js';
import { pdfLinesToBlocks } from '../layout.js';
import type { Extracted, Line } from '../model.js';

interface TextItemLike {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL: boolean;
}

function isTextItem(item: unknown): item is TextItemLike {
  return typeof item === 'object' && item !== null && 'str' in item && 'transform' in item;
}

function pdfjsError(err: unknown, fileName: string): IngestError {
  const name = err instanceof Error ? err.name : '';
  if (name === 'PasswordException') {
    return new IngestError(
      'pdf_encrypted',
      `${fileName} is a password-protected (encrypted) PDF. Save an unprotected copy and import that.`,
    );
  }
  return new IngestError(
    'pdf_corrupt',
    `${fileName} could not be read as a PDF: the file is damaged or incomplete (${name || 'unknown error'}). Download or export it again.`,
  );
}

/**
 * Reads a PDF's text with pdf.js (through unpdf), keeping pdf.js's reading order, the page of
 * every line, font sizes (for headings) and the vertical gaps (for paragraph breaks).
 */
export async function extractPdf(bytes: Uint8Array, fileName: string): Promise<Extracted> {
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // pdf.js takes ownership of (and detaches) the buffer it is given, so hand it a copy.
    pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0, isEvalSupported: false });
  } catch (err) {
    throw pdfjsError(err, fileName);
  }
  try {
    const lines: Line[] = [];
    for (let pageNumber = 1; pageNumber <= pdf.numPages; pageNumber++) {
      let content;
      try {
        const page = await pdf.getPage(pageNumber);
        content = await page.getTextContent();
      } catch (err) {
        throw pdfjsError(err, fileName);
      }
      let text = '';
      let y: number | null = null;
      let size = 0;
      let lastY: number | null = null;
      let endX: number | null = null;
      const flush = () => {
        const cleaned = fixCharacters(text);
        if (cleaned && y !== null) {
          lines.push({
            text: cleaned,
            page: pageNumber,
            gap: lastY === null ? null : Math.abs(lastY - y),
            size,
            afterBlank: false,
          });
          lastY = y;
        }
        text = '';
        y = null;
        size = 0;
        endX = null;
      };
      for (const item of content.items) {
        if (!isTextItem(item)) continue;
        const itemY = item.transform[5] ?? 0;
        const itemSize = Math.abs(item.transform[3] ?? item.height) || item.height;
        if (y !== null && text.trim() && Math.abs(itemY - y) > Math.max(2, itemSize * 0.5)) flush();
        if (item.str) {
          if (y === null) y = itemY;
          const x = item.transform[4] ?? 0;
          // Words placed separately on a line carry no space character: the gap is the space.
          if (endX !== null && x - endX > itemSize * 0.15 && !/\s$/.test(text) && !/^\s/.test(item.str)) text += ' ';
          text += item.str;
          endX = x + item.width;
          if (item.str.trim()) size = Math.max(size, itemSize);
        }
        if (item.hasEOL) flush();
      }
      flush();
    }
    const characters = lines.reduce((n, l) => n + l.text.replace(/\s/g, '').length, 0);
    if (characters < 20) {
      throw new IngestError(
        'pdf_no_text',
        `${fileName} is a scanned document: no text found; OCR is not available. Import a version with a text layer.`,
      );
    }
    return { mediaType: 'application/pdf', pages: pdf.numPages, blocks: pdfLinesToBlocks(removeRunningHeadsAndFeet(lines)) };
  } finally {
    await pdf.destroy().catch(() => undefined);
  }
}
