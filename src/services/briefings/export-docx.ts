import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  Footer,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
} from 'docx';
import type { BriefingDocument } from './document.js';

/**
 * The briefing as a Word document a partnership can adapt: heading styles, bulleted points, each
 * with its source as a hyperlink, and a footer with page numbers.
 */
export function briefingDocx(doc: BriefingDocument): Promise<Buffer> {
  const children: Paragraph[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(doc.title)] }),
    new Paragraph({
      children: [new TextRun({ text: `${doc.scopeLine} · ${doc.tierLabel}`, color: '505A5F' })],
    }),
  ];
  for (const part of doc.parts) {
    if (!part.groups.length) continue;
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(part.heading)] }));
    for (const group of part.groups) {
      if (group.heading)
        children.push(
          new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(group.heading)] }),
        );
      for (const item of group.items) {
        children.push(
          new Paragraph({
            numbering: { reference: 'points', level: 0 },
            children: [new TextRun(item.plain)],
          }),
        );
        if (item.cite)
          children.push(
            new Paragraph({
              indent: { left: 360 },
              children: [
                new TextRun({ text: 'Source: ', size: 18, color: '505A5F' }),
                new ExternalHyperlink({
                  link: item.cite.href,
                  children: [new TextRun({ text: item.cite.label, style: 'Hyperlink', size: 18 })],
                }),
              ],
            }),
          );
        else if (item.origin === 'added')
          children.push(
            new Paragraph({
              indent: { left: 360 },
              children: [new TextRun({ text: 'Added by the editor', italics: true, size: 18 })],
            }),
          );
      }
    }
  }
  if (doc.more.length) {
    children.push(
      new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Where to find more')] }),
    );
    for (const m of doc.more)
      children.push(
        new Paragraph({
          numbering: { reference: 'points', level: 0 },
          children: [
            new ExternalHyperlink({
              link: m.href,
              children: [new TextRun({ text: m.label, style: 'Hyperlink' })],
            }),
          ],
        }),
      );
  }
  const document = new Document({
    creator: 'Safeguarding Learning Hub',
    title: doc.title,
    description: doc.scopeLine,
    styles: { default: { document: { run: { font: 'Arial', size: 22 } } } },
    numbering: {
      config: [
        {
          reference: 'points',
          levels: [
            {
              level: 0,
              format: LevelFormat.BULLET,
              text: '•',
              alignment: AlignmentType.LEFT,
              style: { paragraph: { indent: { left: 360, hanging: 260 } } },
            },
          ],
        },
      ],
    },
    sections: [
      {
        properties: { page: { margin: { top: 1000, bottom: 1000, left: 1100, right: 1100 } } },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    text: `7-minute briefing, made ${doc.generatedAt.slice(0, 10)} from the reviews' own words · page `,
                    size: 16,
                  }),
                  new TextRun({ children: [PageNumber.CURRENT], size: 16 }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}
