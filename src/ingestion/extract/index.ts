import path from 'node:path';
import { IngestError } from '../errors.js';
import type { Extracted } from '../model.js';
import { extractDocx } from './docx.js';
import type { ZipLimits } from './docx.js';
import { extractHtmlString } from './html.js';
import { extractMarkdown } from './markdown.js';
import { extractPdf } from './pdf.js';
import { decodeText, extractText } from './text.js';

export type SourceKind = 'pdf' | 'docx' | 'html' | 'markdown' | 'text';

const BY_EXTENSION: Record<string, SourceKind> = {
  '.pdf': 'pdf',
  '.docx': 'docx',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.txt': 'text',
  '.text': 'text',
};

export const SUPPORTED_EXTENSIONS = Object.keys(BY_EXTENSION);

/** What the first bytes say a file is, whatever its name. */
export function sniff(bytes: Uint8Array): SourceKind | 'zip' | 'ole' | 'binary' | 'rtf' | 'image' {
  const head = Buffer.from(bytes.subarray(0, 1024));
  if (head.subarray(0, 1024).includes('%PDF-')) return 'pdf';
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'zip';
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) return 'ole';
  if (head.subarray(0, 5).toString('latin1') === '{\\rtf') return 'rtf';
  if ((head[0] === 0x89 && head[1] === 0x50) || (head[0] === 0xff && head[1] === 0xd8) || head.subarray(0, 4).toString('latin1') === 'GIF8') {
    return 'image';
  }
  if (head.includes(0) && !(head[0] === 0xff && head[1] === 0xfe) && !(head[0] === 0xfe && head[1] === 0xff)) return 'binary';
  const start = head.toString('utf8').replace(/^\uFEFF/, '').trimStart().slice(0, 512).toLowerCase();
  if (start.startsWith('<!doctype html') || start.startsWith('<html') || /^<\?xml[^>]*>\s*<html/.test(start)) return 'html';
  return 'text';
}

const DESCRIBE: Record<string, string> = {
  pdf: 'a PDF',
  zip: 'a zip archive',
  ole: 'an old Word (.doc) or Office 97-2003 file',
  rtf: 'a Rich Text (RTF) file',
  image: 'an image',
  binary: 'a binary file',
  html: 'an HTML page',
  text: 'plain text',
  markdown: 'Markdown text',
  docx: 'a Word document',
};

/** Decides how to read a file from its name and its bytes, refusing a name that lies about the content. */
export function resolveKind(fileName: string, bytes: Uint8Array): SourceKind {
  const ext = path.extname(fileName).toLowerCase();
  const byName = BY_EXTENSION[ext];
  const sniffed = sniff(bytes);
  if (!byName) {
    const hint = ext === '.doc' ? ' Save it as .docx or PDF first.' : '';
    throw new IngestError(
      'type_unsupported',
      `${fileName} is not a supported type${ext ? ` (${ext})` : ''}: it looks like ${DESCRIBE[sniffed] ?? 'an unknown format'}. Supported: PDF, DOCX, HTML, Markdown and plain text (${SUPPORTED_EXTENSIONS.join(', ')}).${hint}`,
    );
  }
  const consistent =
    (byName === 'pdf' && sniffed === 'pdf') ||
    (byName === 'docx' && sniffed === 'zip') ||
    (byName === 'html' && (sniffed === 'html' || sniffed === 'text')) ||
    ((byName === 'markdown' || byName === 'text') && (sniffed === 'text' || sniffed === 'html'));
  if (!consistent) {
    throw new IngestError(
      'type_mismatch',
      `${fileName} is named ${ext} but is not ${DESCRIBE[byName]}: its content looks like ${DESCRIBE[sniffed] ?? 'an unknown format'}.`,
    );
  }
  return byName;
}

export interface ExtractOptions {
  zipLimits?: ZipLimits;
}

export async function extract(bytes: Uint8Array, fileName: string, options: ExtractOptions = {}): Promise<Extracted> {
  if (bytes.length === 0) throw new IngestError('file_empty', `${fileName} is empty (0 bytes).`);
  const kind = resolveKind(fileName, bytes);
  let extracted: Extracted;
  switch (kind) {
    case 'pdf':
      extracted = await extractPdf(bytes, fileName);
      break;
    case 'docx':
      extracted = await extractDocx(bytes, fileName, options.zipLimits);
      break;
    case 'html':
      extracted = extractHtmlString(decodeText(bytes, fileName).text, 'text/html');
      break;
    case 'markdown':
      extracted = extractMarkdown(bytes, fileName);
      break;
    case 'text':
      extracted = extractText(bytes, fileName);
      break;
  }
  const characters = extracted.blocks.reduce((n, b) => n + b.text.length, 0);
  if (characters < 20) throw new IngestError('no_text', `${fileName} contains no readable text.`);
  return extracted;
}
