import { marked } from 'marked';
import type { Extracted } from '../model.js';
import { htmlToBlocks } from './html.js';
import { decodeText } from './text.js';

export function extractMarkdown(bytes: Uint8Array, fileName: string): Extracted {
  const { text } = decodeText(bytes, fileName);
  const html = marked.parse(text, { async: false, gfm: true });
  return { mediaType: 'text/markdown', pages: null, blocks: htmlToBlocks(html) };
}
