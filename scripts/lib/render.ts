/**
 * Renders our own Markdown into PDF and DOCX files that look like published reports: a title page,
 * running heads, "Page N of M" footers, typeset paragraphs with line-end hyphenation (PDF) and Word
 * heading styles and numbered lists (DOCX). Used to build the demo corpus, test fixtures and benchmarks.
 */
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
} from 'docx';
import { marked } from 'marked';
import type { Token, Tokens } from 'marked';
import PDFDocument from 'pdfkit';

export interface RenderOptions {
  /** running head text, e.g. the publishing body */
  runningHead?: string;
  /** footer style */
  footer?: 'page-of' | 'number' | 'none';
  /** insert soft hyphens in long words so the typesetter splits some at line ends */
  hyphenate?: boolean;
  /** PDF encryption: a user password makes the file need a password to open */
  userPassword?: string;
  /** a fixed date keeps builds byte-for-byte reproducible */
  date?: Date;
}

type Run = { text: string; bold: boolean };

function inlineRuns(text: string): Run[] {
  const runs: Run[] = [];
  const re = /\*\*(.+?)\*\*/g;
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    if (m.index > last) runs.push({ text: text.slice(last, m.index), bold: false });
    runs.push({ text: m[1] ?? '', bold: true });
    last = m.index + m[0].length;
  }
  if (last < text.length) runs.push({ text: text.slice(last), bold: false });
  return runs.map((r) => ({
    ...r,
    text: r.text
      .replace(/(^|\W)[*_](\S.*?\S|\S)[*_](?=\W|$)/g, '$1$2')
      .replace(/\\([\\`*_{}[\]()#+\-.!])/g, '$1'),
  }));
}

function tokens(markdown: string): Token[] {
  return marked.lexer(markdown);
}

export function markdownToPdf(markdown: string, options: RenderOptions = {}): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 72, bottom: 72, left: 72, right: 72 },
    bufferPages: true,
    autoFirstPage: true,
    info: {
      Title: 'Review',
      CreationDate: options.date ?? new Date('2025-01-01T00:00:00Z'),
      ModDate: options.date ?? new Date('2025-01-01T00:00:00Z'),
    },
    ...(options.userPassword
      ? {
          userPassword: options.userPassword,
          ownerPassword: `${options.userPassword}-owner`,
          pdfVersion: '1.7' as const,
        }
      : {}),
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const width = doc.page.width - 144;
  const writeRuns = (runs: Run[], size: number, x: number, w: number, gap: number) =>
    layoutParagraph(doc, runs, { x, width: w, size, gap, hyphenate: options.hyphenate ?? false });

  let sawSecondLevel = false;
  for (const token of tokens(markdown)) {
    if (token.type === 'heading') {
      const h = token as Tokens.Heading;
      if (h.depth === 2 && !sawSecondLevel) {
        sawSecondLevel = true;
        doc.addPage(); // the title page stands alone, as in real reports
      }
      const size = h.depth === 1 ? 20 : h.depth === 2 ? 15 : 12.5;
      doc
        .moveDown(0.4)
        .font('Helvetica-Bold')
        .fontSize(size)
        .text(h.text.replace(/\*\*/g, ''), 72, undefined, { width, paragraphGap: 6 });
    } else if (token.type === 'paragraph') {
      writeRuns(inlineRuns((token as Tokens.Paragraph).text.replace(/\n/g, ' ')), 10.5, 72, width, 7);
    } else if (token.type === 'list') {
      const list = token as Tokens.List;
      const start = typeof list.start === 'number' ? list.start : 1;
      list.items.forEach((item, i) => {
        const marker = list.ordered ? `${start + i}.` : '•';
        const runs = inlineRuns(item.text.replace(/\n/g, ' '));
        const first = runs[0];
        if (first) first.text = `${marker}  ${first.text}`;
        writeRuns(runs, 10.5, 86, width - 14, 4);
      });
      doc.moveDown(0.3);
    }
  }

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    if (options.runningHead && i > 0) {
      doc
        .font('Helvetica')
        .fontSize(8)
        .fillColor('#555555')
        .text(options.runningHead, 72, 36, { width, align: 'center', lineBreak: false });
    }
    if (options.footer !== 'none') {
      const label = options.footer === 'number' ? String(i + 1) : `Page ${i + 1} of ${range.count}`;
      doc
        .font('Helvetica')
        .fontSize(8)
        .fillColor('#555555')
        .text(label, 72, doc.page.height - 44, { width, align: 'center', lineBreak: false });
    }
    doc.fillColor('#000000');
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}

interface Layout {
  x: number;
  width: number;
  size: number;
  gap: number;
  hyphenate: boolean;
}

/**
 * Sets a paragraph line by line, as a typesetter does: greedy line filling and, when asked, a long
 * word split with a hyphen at the end of a line. Drawing each line ourselves lets the PDF carry real
 * line-end hyphens for the importer to mend.
 */
function layoutParagraph(doc: PDFKit.PDFDocument, runs: Run[], layout: Layout): void {
  const fontOf = (bold: boolean) => (bold ? 'Helvetica-Bold' : 'Helvetica');
  const measure = (text: string, bold: boolean) =>
    doc.font(fontOf(bold)).fontSize(layout.size).widthOfString(text);
  const words = runs.flatMap((r) =>
    r.text
      .split(/\s+/)
      .filter(Boolean)
      .map((text) => ({ text, bold: r.bold })),
  );
  const lines: Array<Array<{ text: string; bold: boolean }>> = [];
  let line: Array<{ text: string; bold: boolean }> = [];
  let used = 0;
  const space = measure(' ', false);
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if (!word) continue;
    const width = measure(word.text, word.bold);
    const needed = (line.length ? space : 0) + width;
    if (used + needed <= layout.width || line.length === 0) {
      line.push(word);
      used += needed;
      continue;
    }
    if (layout.hyphenate && /^[A-Za-z]{10,}$/.test(word.text)) {
      for (let k = word.text.length - 4; k >= 4; k--) {
        const head = `${word.text.slice(0, k)}-`;
        if (used + space + measure(head, word.bold) <= layout.width) {
          line.push({ text: head, bold: word.bold });
          words.splice(i + 1, 0, { text: word.text.slice(k), bold: word.bold });
          word.text = '';
          break;
        }
      }
    }
    lines.push(line);
    line = word.text ? [word] : [];
    used = word.text ? width : 0;
  }
  if (line.length) lines.push(line);

  const lineHeight = layout.size * 1.2 + 2;
  let y = doc.y;
  for (const l of lines) {
    if (y + lineHeight > doc.page.height - doc.page.margins.bottom) {
      doc.addPage();
      y = doc.page.margins.top;
    }
    let x = layout.x;
    // Draw runs of same-weight words as one string, as word processors do.
    let k = 0;
    while (k < l.length) {
      const bold = l[k]?.bold ?? false;
      const parts: string[] = [];
      while (k < l.length && (l[k]?.bold ?? false) === bold) parts.push(l[k++]?.text ?? '');
      const text = parts.join(' ') + (k < l.length ? ' ' : '');
      doc.font(fontOf(bold)).fontSize(layout.size).text(text, x, y, { lineBreak: false });
      x += measure(text, bold);
    }
    y += lineHeight;
  }
  doc.x = layout.x;
  doc.y = y + layout.gap;
}

export async function markdownToDocx(markdown: string, options: RenderOptions = {}): Promise<Buffer> {
  const children: Paragraph[] = [];
  let listInstance = 0;
  const runsOf = (text: string) =>
    inlineRuns(text.replace(/\n/g, ' ')).map((r) => new TextRun({ text: r.text, bold: r.bold }));
  for (const token of tokens(markdown)) {
    if (token.type === 'heading') {
      const h = token as Tokens.Heading;
      const heading =
        h.depth === 1 ? HeadingLevel.TITLE : h.depth === 2 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2;
      children.push(new Paragraph({ heading, children: runsOf(h.text) }));
    } else if (token.type === 'paragraph') {
      children.push(
        new Paragraph({ children: runsOf((token as Tokens.Paragraph).text), spacing: { after: 120 } }),
      );
    } else if (token.type === 'list') {
      const list = token as Tokens.List;
      listInstance++;
      for (const item of list.items) {
        children.push(
          new Paragraph({
            children: runsOf(item.text),
            ...(list.ordered
              ? { numbering: { reference: 'numbered', level: 0, instance: listInstance } }
              : { bullet: { level: 0 } }),
          }),
        );
      }
    }
  }
  const doc = new Document({
    creator: 'Safeguarding Learning Hub (fictional demo)',
    title: 'Review',
    numbering: {
      config: [
        {
          reference: 'numbered',
          levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START }],
        },
      ],
    },
    sections: [
      {
        headers: options.runningHead
          ? {
              default: new Header({
                children: [new Paragraph({ children: [new TextRun(options.runningHead)] })],
              }),
            }
          : {},
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: ['Page ', PageNumber.CURRENT] })],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/**
 * A plain-text report as Markdown, for typesetting as the labelled reports in demo/themes are
 * written: blocks are separated by blank lines; a block of one short line that does not end a
 * sentence is a heading when it is numbered or labelled ("2. Terms of reference", "Finding 3: …")
 * or stands between paragraphs, and otherwise an item of a list (agencies, glossary entries).
 * Numbers that open a paragraph are kept as text, not made list numbers.
 */
export function plainReportToMarkdown(text: string): string {
  const blocks = text
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter(Boolean);
  const short = blocks.map((b) => !b.includes('\n') && b.length <= 120 && !/[.;:,!?]$/.test(b));
  const labelled = (b: string) =>
    /^(\d+(\.\d+)*\.?\s|(part|section|appendix|annex)\s|(finding|episode|learning point|period|theme)\s+\d|key practice episode)/i.test(
      b,
    );
  return blocks
    .map((block, i) => {
      if (i > 0 && short[i]) {
        const heading =
          labelled(block) ||
          (!short[i - 1] && !short[i + 1]) ||
          (short[i - 1] && labelled(blocks[i - 1] ?? '') && !short[i + 1]);
        return heading ? `## ${block}` : `- ${block}`;
      }
      return block.replace(/^(\d+)\.(\s)/, '$1\\.$2').replace(/([*_`])/g, '\\$1');
    })
    .join('\n\n');
}
