import { parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';
import { fixCharacters } from '../clean.js';
import type { Block, Extracted, MediaType } from '../model.js';

/** Elements whose content is site furniture or code, not the report. */
const SKIP = new Set([
  'script', 'style', 'noscript', 'template', 'nav', 'header', 'footer', 'aside', 'form', 'button',
  'svg', 'iframe', 'select', 'head', 'dialog', 'object', 'canvas',
]);
const SKIP_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'search', 'complementary', 'dialog', 'alert']);
const FURNITURE = /(^|[\s_-])(cookie|consent|breadcrumb|skip-?link|site-?header|site-?footer|share|social|sidebar|menu|banner)([\s_-]|$)/i;
const BLOCK_TAGS = new Set(['p', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr', 'blockquote', 'dd', 'dt', 'pre', 'caption', 'figcaption']);

function isElement(node: ChildNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

function skipped(el: Element): boolean {
  if (SKIP.has(el.name)) return true;
  const role = el.attribs['role'];
  if (role && SKIP_ROLES.has(role)) return true;
  if (el.attribs['hidden'] !== undefined || el.attribs['aria-hidden'] === 'true') return true;
  const marker = `${el.attribs['class'] ?? ''} ${el.attribs['id'] ?? ''}`;
  return FURNITURE.test(marker);
}

function textOf(node: ChildNode): string {
  if (node.type === 'text') return node.data;
  if (!isElement(node) || skipped(node)) return '';
  if (node.name === 'br') return '\n';
  const inner = node.children.map(textOf).join('');
  if (node.name === 'td' || node.name === 'th') return `${inner} \u2014 `;
  return inner;
}

function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ');
}

function findFirst(nodes: ChildNode[], test: (el: Element) => boolean): Element | null {
  for (const node of nodes) {
    if (!isElement(node)) continue;
    if (test(node)) return node;
    const inner = findFirst(node.children, test);
    if (inner) return inner;
  }
  return null;
}

/**
 * Turns HTML into blocks. Used for web pages and, through mammoth and marked, for DOCX and
 * Markdown, so that one walker decides what a heading, a paragraph and a list item are.
 * Prefers the page's <main> (or <article>) and leaves out navigation, cookie banners and footers.
 */
export function htmlToBlocks(html: string): Block[] {
  const doc = parseDocument(html, { decodeEntities: true });
  const root =
    findFirst(doc.children, (el) => el.name === 'main' || el.attribs['role'] === 'main') ??
    findFirst(doc.children, (el) => el.name === 'article') ??
    findFirst(doc.children, (el) => el.name === 'body');
  const blocks: Block[] = [];
  const listCounters: number[] = [];

  const pushText = (kind: Block['kind'], raw: string, extra: Partial<Block> = {}) => {
    const text = fixCharacters(collapseWhitespace(raw)).replace(/\s*\u2014\s*$/, '');
    if (text) blocks.push({ kind, text, page: null, ...extra });
  };

  const walk = (nodes: ChildNode[]) => {
    let loose = '';
    const flushLoose = () => {
      if (loose.trim()) pushText('paragraph', loose);
      loose = '';
    };
    for (const node of nodes) {
      if (!isElement(node)) {
        if (node.type === 'text') loose += node.data;
        continue;
      }
      if (skipped(node)) continue;
      const heading = /^h([1-6])$/.exec(node.name);
      if (heading) {
        flushLoose();
        pushText('heading', textOf(node), { level: Number(heading[1]) });
      } else if (node.name === 'ol' || node.name === 'ul') {
        flushLoose();
        const start = Number.parseInt(node.attribs['start'] ?? '1', 10);
        listCounters.push(node.name === 'ol' ? (Number.isFinite(start) ? start : 1) : 0);
        walk(node.children);
        listCounters.pop();
      } else if (node.name === 'li') {
        flushLoose();
        const depth = listCounters.length - 1;
        const counter = listCounters[depth] ?? 0;
        const nested = node.children.filter((c) => isElement(c) && (c.name === 'ol' || c.name === 'ul'));
        const own = node.children.filter((c) => !nested.includes(c));
        pushText('list-item', own.map(textOf).join(''), counter > 0 ? { listIndex: counter } : {});
        if (counter > 0) listCounters[depth] = counter + 1;
        walk(nested);
      } else if (BLOCK_TAGS.has(node.name)) {
        flushLoose();
        pushText('paragraph', textOf(node));
      } else if (['b', 'strong', 'i', 'em', 'span', 'a', 'u', 'sup', 'sub', 'small', 'abbr', 'mark'].includes(node.name)) {
        loose += textOf(node);
      } else {
        flushLoose();
        walk(node.children);
      }
    }
    flushLoose();
  };
  walk(root ? root.children : doc.children);
  return blocks;
}

export function extractHtmlString(html: string, mediaType: MediaType): Extracted {
  return { mediaType, pages: null, blocks: htmlToBlocks(html) };
}
