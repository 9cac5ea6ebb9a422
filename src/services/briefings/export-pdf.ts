import PDFDocument from 'pdfkit';
import type { BriefingDocument } from './document.js';

/** The characters the PDF standard fonts can draw (Windows-1252); others become their nearest plain form. */
function winAnsi(text: string): string {
  return text
    .replace(/[\u2010\u2011]/g, '-')
    .replace(/\u2192/g, '->')
    .replace(/\u2265/g, '>=')
    .replace(/\u2264/g, '<=')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\s/g, ' ')
    .replace(/[^\x20-\x7e\xa0-\xff\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026\u20ac]/g, '?');
}

const INK = '#0b0c0c';
const GREY = '#505a5f';
const LINK = '#1d70b8';

/**
 * A tidy A4 briefing: title, scope and tier, the five parts with each point's citation (a link to
 * the passage) beneath it, and where to find more. Standard fonts only, so nothing is downloaded.
 */
export function briefingPdf(doc: BriefingDocument, date = new Date(doc.generatedAt)): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: 'A4',
    margins: { top: 48, bottom: 56, left: 56, right: 56 },
    info: {
      Title: winAnsi(doc.title),
      Subject: winAnsi(doc.scopeLine),
      Creator: 'Safeguarding Learning Hub',
      CreationDate: date,
    },
    bufferPages: true,
    lang: 'en-GB',
  } as PDFKit.PDFDocumentOptions);
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  const width = pdf.page.width - 112;

  pdf.font('Helvetica-Bold').fontSize(18).fillColor(INK).text(winAnsi(doc.title), { width });
  pdf.moveDown(0.2);
  pdf
    .font('Helvetica')
    .fontSize(10.5)
    .fillColor(GREY)
    .text(winAnsi(`${doc.scopeLine} · ${doc.tierLabel}`), { width });
  pdf.moveDown(0.8);

  for (const part of doc.parts) {
    if (!part.groups.length) continue;
    if (pdf.y > pdf.page.height - 140) pdf.addPage();
    pdf.font('Helvetica-Bold').fontSize(13).fillColor(INK).text(winAnsi(part.heading), { width });
    pdf.moveDown(0.25);
    for (const group of part.groups) {
      if (group.heading)
        pdf
          .font('Helvetica-Bold')
          .fontSize(10.5)
          .fillColor(INK)
          .text(winAnsi(group.heading), { width })
          .moveDown(0.15);
      for (const item of group.items) {
        pdf
          .font('Helvetica')
          .fontSize(10.5)
          .fillColor(INK)
          .text(winAnsi(`•  ${item.plain}`), { width, indent: 0 });
        if (item.cite)
          pdf
            .font('Helvetica')
            .fontSize(8.5)
            .fillColor(LINK)
            .text(winAnsi(`Source: ${item.cite.label}`), { width, link: item.cite.href, underline: false });
        else if (item.origin === 'added')
          pdf.font('Helvetica-Oblique').fontSize(8.5).fillColor(GREY).text('Added by the editor', { width });
        pdf.moveDown(0.35);
      }
    }
    pdf.moveDown(0.4);
  }
  if (doc.more.length) {
    pdf
      .font('Helvetica-Bold')
      .fontSize(13)
      .fillColor(INK)
      .text('Where to find more', { width })
      .moveDown(0.25);
    for (const m of doc.more)
      pdf
        .font('Helvetica')
        .fontSize(10)
        .fillColor(LINK)
        .text(winAnsi(`•  ${m.label}`), { width, link: m.href });
  }
  const pages = pdf.bufferedPageRange();
  for (let i = 0; i < pages.count; i++) {
    pdf.switchToPage(i);
    const footer = `Safeguarding Learning Hub · 7-minute briefing · made ${date.toISOString().slice(0, 10)} from the reviews' own words · page ${i + 1} of ${pages.count}`;
    // Writing inside the bottom margin must not start a new page.
    const bottom = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0;
    pdf
      .font('Helvetica')
      .fontSize(8)
      .fillColor(GREY)
      .text(winAnsi(footer), 56, pdf.page.height - 36, { width, align: 'center', lineBreak: false });
    pdf.page.margins.bottom = bottom;
  }
  pdf.end();
  return done;
}
