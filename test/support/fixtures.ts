/**
 * Small documents we write ourselves for tests: good ones in each format, and each kind of bad input.
 * The review text here is fictional and short; the demo corpus carries the realistic reports.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import PDFDocument from 'pdfkit';
import { markdownToDocx, markdownToPdf } from '../../scripts/lib/render.js';

/** A short fictional report whose finding's heading is evidence of information sharing. */
export const FINDING_HEADING_REPORT = [
  '# Child Safeguarding Practice Review: Child W',
  'FICTIONAL TEST DOCUMENT: invented for the tests of finding headings as evidence.',
  '## Findings',
  "### Finding 1: Nobody shared the school's concerns with the GP or the health visitor",
  '4.1 The school recorded three concerns about Child W in the spring term.',
  "4.2 Each concern was logged on the school's own system and discussed with the head teacher.",
  '4.3 The review found that the information was not shared with the GP or the health visitor.',
  '4.4 The family moved to another part of the county in the summer.',
].join('\n\n');

export const SAMPLE_MARKDOWN = `# Child Safeguarding Practice Review: Child Q

FICTIONAL TEST DOCUMENT — not a real review.

Published by the Rotherham Safeguarding Children Partnership, 12 March 2022

## Executive summary

1.1 Child Q was nine weeks old when he was taken to hospital with a skull fracture. This review looks at how agencies worked together in the months before.

1.2 The review found that bruising seen on a baby who was not yet mobile was explained by the family and accepted by professionals without a medical opinion.

## Background

2.1 Child Q lived with his mother and her partner in privately rented accommodation. The partner was not known to children's social care, and health visiting records named him only as "dad".

2.2 The family moved twice in the year before the incident, and records did not move with them. The multi-agency safeguarding hub received one contact from the police, which was not linked to the health visiting record.

## Findings

3.1 Practitioners were understandably reassured by a mother who engaged well with universal services, and the protocol for bruising in non-mobile babies was not followed by the out-of-hours GP service.

3.2 Information about the partner's previous convictions for violence was held by probation but never shared with the health visitor or the GP surgery. Electronic systems did not talk to each other and the chronology had to be rebuilt by hand.

## Recommendations

1. The partnership should relaunch the protocol for bruising in babies who are not independently mobile, with training for out-of-hours services.
2. Health visiting should record the name and role of every adult living in a household with a new baby.
3. The partnership should seek assurance that information about adults who pose a risk is shared with universal services.
`;

export async function tempDir(prefix = 'slh-fixture-'): Promise<string> {
  return fs.promises.mkdtemp(path.join(os.tmpdir(), prefix));
}

/** A several-page report PDF with running heads, "Page N of M" footers and hyphenated long words. */
export function samplePdf(markdown = longReportMarkdown()): Promise<Buffer> {
  return markdownToPdf(markdown, {
    runningHead: 'Rotherham Safeguarding Children Partnership — OFFICIAL',
    footer: 'page-of',
    hyphenate: true,
  });
}

export function sampleDocx(markdown = SAMPLE_MARKDOWN): Promise<Buffer> {
  return markdownToDocx(markdown, { runningHead: 'Rotherham Safeguarding Children Partnership' });
}

export function encryptedPdf(): Promise<Buffer> {
  return markdownToPdf(SAMPLE_MARKDOWN, { userPassword: 'secret' });
}

/** A "scanned" PDF: pages with only drawn shapes, no text layer. */
export function scannedPdf(): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4' });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  for (let page = 0; page < 2; page++) {
    if (page > 0) doc.addPage();
    for (let i = 0; i < 30; i++) doc.rect(72, 72 + i * 20, 300 + ((i * 37) % 150), 8).fill('#333333');
  }
  doc.end();
  return done;
}

/** A DOCX-named zip whose one entry inflates a thousandfold: a zip bomb in miniature. */
export async function zipBombDocx(inflatedBytes = 64 * 1024 * 1024): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
  );
  zip.file('word/document.xml', Buffer.alloc(inflatedBytes, 0x20));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

export async function zipWithoutDocument(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('readme.txt', 'just a zip');
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** Windows-1252 bytes: "£" is 0xA3 and curly quotes are 0x93/0x94, none valid UTF-8 on their own. */
export function windows1252Text(): Buffer {
  const text =
    'SERIOUS CASE REVIEW: FAMILY W\r\n\r\nFICTIONAL TEST DOCUMENT.\r\n\r\n1. INTRODUCTION\r\n\r\n1.1 The family had debts of over \u00a33,000 and the mother said she felt \u201cat breaking point\u201d when the health visitor called.\r\n';
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '\u00a3') bytes.push(0xa3);
    else if (ch === '\u201c') bytes.push(0x93);
    else if (ch === '\u201d') bytes.push(0x94);
    else bytes.push(code);
  }
  return Buffer.from(bytes);
}

/** A longer report so the PDF runs to several pages. */
export function longReportMarkdown(): string {
  const findings = Array.from(
    { length: 14 },
    (_, i) =>
      `3.${i + 2} In the ${['spring', 'summer', 'autumn', 'winter'][i % 4]} the family's circumstances were discussed again. The safeguarding arrangements in place relied on the mother's account and on a multi-agency plan that was not reviewed. Practitioners described overwhelming caseloads, and the accountability for following up the unexplained bruising was unclear between the health visitor and the GP surgery.`,
  ).join('\n\n');
  return SAMPLE_MARKDOWN.replace('## Recommendations', `${findings}\n\n## Recommendations`);
}
