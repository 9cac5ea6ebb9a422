import { beforeAll, describe, expect, it } from 'vitest';
import {
  SAMPLE_MARKDOWN,
  encryptedPdf,
  longReportMarkdown,
  sampleDocx,
  samplePdf,
  scannedPdf,
  windows1252Text,
  zipBombDocx,
  zipWithoutDocument,
} from '../../../test/support/fixtures.js';
import { IngestError } from '../errors.js';
import { parseReview } from '../parse-review.js';
import { extract, resolveKind } from './index.js';

async function failure(promise: Promise<unknown>): Promise<IngestError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof IngestError) return err;
    throw err;
  }
  throw new Error('expected the file to be refused');
}

describe('bad input is refused with a message naming the file and the problem', () => {
  it('refuses an empty file', async () => {
    const err = await failure(extract(new Uint8Array(), 'empty.pdf'));
    expect(err.code).toBe('file_empty');
    expect(err.message).toContain('empty.pdf is empty');
  });

  it('refuses an unknown type and lists what is supported', () => {
    expect(() => resolveKind('minutes.rtf', Buffer.from('{\\rtf1 hello}'))).toThrow(/minutes\.rtf is not a supported type \(\.rtf\).*Rich Text.*Supported: PDF, DOCX/);
  });

  it('tells an old .doc file to be saved as .docx', () => {
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    expect(() => resolveKind('report.doc', ole)).toThrow(/Save it as \.docx or PDF/);
  });

  it('refuses a .pdf that is not a PDF', async () => {
    const err = await failure(extract(Buffer.from('<html><body>Not a pdf</body></html>'), 'report.pdf'));
    expect(err.code).toBe('type_mismatch');
    expect(err.message).toBe('report.pdf is named .pdf but is not a PDF: its content looks like an HTML page.');
  });

  it('refuses a truncated PDF as damaged', async () => {
    const pdf = await samplePdf();
    const err = await failure(extract(pdf.subarray(0, Math.floor(pdf.length / 3)), 'cut.pdf'));
    expect(['pdf_corrupt', 'pdf_no_text']).toContain(err.code);
    expect(err.message).toMatch(/^cut\.pdf /);
  });

  it('refuses a PDF whose bytes are garbage after the header', async () => {
    const err = await failure(extract(Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(4000, 0x41)]), 'garbage.pdf'));
    expect(err.code).toBe('pdf_corrupt');
    expect(err.message).toContain('garbage.pdf could not be read as a PDF');
  });

  it('refuses an encrypted PDF with a clear message', async () => {
    const err = await failure(extract(await encryptedPdf(), 'locked.pdf'));
    expect(err.code).toBe('pdf_encrypted');
    expect(err.message).toContain('locked.pdf is a password-protected (encrypted) PDF');
  });

  it('refuses a scanned PDF with no text layer', async () => {
    const err = await failure(extract(await scannedPdf(), 'scan.pdf'));
    expect(err.code).toBe('pdf_no_text');
    expect(err.message).toBe('scan.pdf is a scanned document: no text found; OCR is not available. Import a version with a text layer.');
  });

  it('refuses a .docx that is not a zip', async () => {
    const err = await failure(extract(Buffer.from('just some words pretending to be Word'), 'notes.docx'));
    expect(err.code).toBe('type_mismatch');
    expect(err.message).toContain('notes.docx is named .docx but is not a Word document');
  });

  it('refuses a zip that is not a Word document', async () => {
    const err = await failure(extract(await zipWithoutDocument(), 'archive.docx'));
    expect(err.code).toBe('docx_invalid');
    expect(err.message).toContain('no word/document.xml');
  });

  it('refuses a zip bomb before unpacking it for real', async () => {
    const bomb = await zipBombDocx();
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const err = await failure(extract(bomb, 'bomb.docx'));
    expect(err.code).toBe('docx_zip_bomb');
    expect(err.message).toContain('bomb.docx was refused');
  });

  it('refuses binary data named .txt', async () => {
    const err = await failure(extract(Buffer.from([0x68, 0x69, 0x00, 0x01, 0x02, 0x00, 0x41]), 'data.txt'));
    expect(err.code).toBe('type_mismatch');
  });

  it('refuses a text file with no words in it', async () => {
    const err = await failure(extract(Buffer.from('\n\n   \n'), 'blank.txt'));
    expect(err.code).toBe('no_text');
  });
});

describe('text encodings', () => {
  it('converts Windows-1252 text instead of garbling it', async () => {
    const out = await extract(windows1252Text(), 'family-w.txt');
    const text = out.blocks.map((b) => b.text).join('\n');
    expect(text).toContain('debts of over £3,000');
    expect(text).toContain('“at breaking point”');
  });

  it('reads UTF-16 with a byte-order mark', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('REVIEW\n\n1.1 The school nurse saw the child twice in June.', 'utf16le')]);
    const out = await extract(utf16, 'utf16.txt');
    expect(out.blocks.map((b) => b.text)).toContain('1.1 The school nurse saw the child twice in June.');
  });
});

describe('PDF', () => {
  let parsed: Awaited<ReturnType<typeof parseReview>>;
  beforeAll(async () => {
    parsed = await parseReview(await samplePdf(), 'child-q.pdf');
  });

  it('keeps the page of every passage and counts pages', () => {
    expect(parsed.pages).toBeGreaterThanOrEqual(3);
    expect(parsed.passages.every((p) => p.page !== null && p.page >= 1 && p.page <= (parsed.pages ?? 0))).toBe(true);
    expect(new Set(parsed.passages.map((p) => p.page)).size).toBeGreaterThanOrEqual(3);
  });

  it('removes running heads and "Page N of M" footers', () => {
    const all = parsed.passages.map((p) => p.text).join('\n');
    expect(all).not.toContain('OFFICIAL');
    expect(all).not.toMatch(/Page \d+ of \d+/);
  });

  it('rejoins words the typesetter split at line ends', () => {
    const words = parsed.passages.flatMap((p) => p.text.match(/[A-Za-z]+-[a-z]+/g) ?? []);
    const source = new Set(longReportMarkdown().match(/[A-Za-z]+-[a-z]+/g) ?? []);
    expect(words.filter((w) => !source.has(w))).toEqual([]);
    expect(parsed.passages.map((p) => p.text).join(' ')).toContain('overwhelming caseloads, and the accountability');
  });

  it('finds sections, numbered paragraphs and recommendations', () => {
    expect(parsed.sections.map((s) => s.kind)).toEqual(expect.arrayContaining(['executive-summary', 'background', 'findings', 'recommendations']));
    expect(parsed.passages.find((p) => p.paragraph === '3.1')?.text).toMatch(/^Practitioners were understandably reassured/);
    expect(parsed.recommendations.map((r) => r.number)).toEqual(['1', '2', '3']);
    expect(parsed.recommendations[1]?.text).toBe('Health visiting should record the name and role of every adult living in a household with a new baby.');
  });

  it('guesses metadata from the title page, with reasons', () => {
    expect(parsed.guessed.reviewType?.value).toBe('cspr');
    expect(parsed.guessed.title?.value).toBe('Child Safeguarding Practice Review: Child Q');
    expect(parsed.guessed.publishingBody?.value).toBe('Rotherham Safeguarding Children Partnership');
    expect(parsed.guessed.publishedOn?.value).toBe('2022-03-12');
    expect(parsed.guessed.region).toEqual({ value: 'Yorkshire and the Humber', reason: 'Rotherham is in Yorkshire and the Humber' });
  });
});

describe('DOCX, HTML and Markdown', () => {
  it('reads Word headings, numbered lists and paragraphs from a DOCX', async () => {
    const parsed = await parseReview(await sampleDocx(), 'child-q.docx');
    expect(parsed.guessed.title?.value).toBe('Child Safeguarding Practice Review: Child Q');
    expect(parsed.recommendations.map((r) => r.number)).toEqual(['1', '2', '3']);
    expect(parsed.passages.find((p) => p.paragraph === '2.2')?.text).toMatch(/^The family moved twice/);
    expect(parsed.pages).toBeNull();
  });

  it('takes the report from <main> and leaves out navigation, cookie banners and footers', async () => {
    const html = `<!doctype html><html><head><title>x</title><script>var x = 1;</script></head><body>
      <a class="skip-link" href="#main">Skip to main content</a>
      <header><nav><a href="/">Home</a><a href="/reviews">Reviews</a></nav></header>
      <div class="cookie-banner"><p>We use cookies to improve this site.</p></div>
      <main id="main"><h1>Safeguarding Adults Review: Mr K</h1><p>FICTIONAL page for tests.</p>
      <h2>Findings</h2><p>4.1 The district nurse was the only professional who saw Mr K at home.</p>
      <table><tr><th>Date</th><th>Event</th></tr><tr><td>March 2019</td><td>GP home visit</td></tr></table>
      <h2>Recommendations</h2><ol><li>The board should publish a self-neglect protocol.</li><li>Agencies should record capacity assessments.</li></ol></main>
      <footer><p>© Council 2024 | Accessibility | Privacy</p></footer></body></html>`;
    const parsed = await parseReview(Buffer.from(html), 'mr-k.html');
    const text = parsed.passages.map((p) => p.text).join('\n');
    expect(text).not.toMatch(/cookies|Skip to main|Privacy|Home|var x/);
    expect(text).toContain('March 2019 — GP home visit');
    expect(parsed.passages.find((p) => p.paragraph === '4.1')).toBeDefined();
    expect(parsed.recommendations.map((r) => [r.number, r.text])).toEqual([
      ['1', 'The board should publish a self-neglect protocol.'],
      ['2', 'Agencies should record capacity assessments.'],
    ]);
  });

  it('reads Markdown headings and lists', async () => {
    const parsed = await parseReview(Buffer.from(SAMPLE_MARKDOWN), 'child-q.md');
    expect(parsed.sections.map((s) => s.heading)).toEqual(['Child Safeguarding Practice Review: Child Q', 'Executive summary', 'Background', 'Findings', 'Recommendations']);
    expect(parsed.recommendations).toHaveLength(3);
  });

  it('gives the same text fingerprint to the same report in Markdown and in Word', async () => {
    const [md, docx] = await Promise.all([parseReview(Buffer.from(SAMPLE_MARKDOWN), 'q.md'), parseReview(await sampleDocx(), 'q.docx')]);
    expect(docx.textSha256).toBe(md.textSha256);
    expect(docx.fileSha256).not.toBe(md.fileSha256);
  });
});
