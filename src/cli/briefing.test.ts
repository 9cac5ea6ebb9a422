import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mammoth from 'mammoth';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slh } from '../../test/support/cli.js';
import { testEnv } from '../../test/support/services.js';
import type { TestEnv } from '../../test/support/services.js';
import { loadDemoIfEmpty } from '../services/demo-service.js';
import { PUBLIC_ACCESS } from '../services/review-service.js';

// The CLI is a thin shell over the briefing service, whose tests run on both backends.
describe('slh briefing', () => {
  let t: TestEnv;
  let out: string;
  let id: string;
  beforeAll(async () => {
    t = await testEnv('sqlite');
    await loadDemoIfEmpty(t.services.reviews, t.services.importer);
    id = (await t.services.reviews.list(PUBLIC_ACCESS, {}, 1, 100)).results.find(
      (r) => r.title === 'Serious Case Review: Child J',
    )!.id;
    out = fs.mkdtempSync(path.join(os.tmpdir(), 'slh-briefing-'));
  });
  afterAll(async () => {
    await t.cleanup();
    fs.rmSync(out, { recursive: true, force: true });
  });

  it('writes a review briefing as PDF and DOCX files that open, at the tier asked for', async () => {
    const pdfFile = path.join(out, 'j.pdf');
    const pdf = slh(
      ['briefing', '--review', id, '--tier', 'leadership', '--format', 'pdf', '--out', pdfFile],
      t.env,
    );
    expect(pdf.code, pdf.stderr).toBe(0);
    expect(pdf.stderr).toContain('written to');
    const text = (
      await extractText(await getDocumentProxy(new Uint8Array(fs.readFileSync(pdfFile))), {
        mergePages: true,
      })
    ).text;
    expect(text.replace(/\s+/g, ' ')).toContain('Specialist and leadership');
    const docxFile = path.join(out, 'j.docx');
    const docx = slh(
      [
        'briefing',
        '--review',
        id,
        '--tier',
        'targeted',
        '--discipline',
        'health',
        '--format',
        'docx',
        '--out',
        docxFile,
      ],
      t.env,
    );
    expect(docx.code, docx.stderr).toBe(0);
    expect((await mammoth.extractRawText({ path: docxFile })).value).toContain('Targeted: Health');
  });

  it('prints a theme briefing as JSON whose points all cite reviews of the region asked for', async () => {
    const run = slh(
      ['briefing', '--theme', 'domestic-abuse', '--region', 'North West', '--format', 'json'],
      t.env,
    );
    expect(run.code, run.stderr).toBe(0);
    const { briefing } = JSON.parse(run.stdout) as { briefing: { reviewIds: string[]; kind: string } };
    expect(briefing.kind).toBe('theme');
    for (const r of briefing.reviewIds)
      expect((await t.services.reviews.get(r, PUBLIC_ACCESS)).review.region).toBe('North West');
  });

  it('refuses bad input with a message naming it, and writes nothing', () => {
    expect(slh(['briefing', '--format', 'pdf', '--out', path.join(out, 'x.pdf')], t.env)).toMatchObject({
      code: 2,
    });
    const tier = slh(['briefing', '--review', id, '--tier', 'everyone'], t.env);
    expect(tier.code).toBe(2);
    expect(tier.stderr).toMatch(/tier/);
    const pdf = slh(['briefing', '--review', id, '--format', 'pdf'], t.env);
    expect(pdf.stderr).toContain('--out <file> is needed for pdf');
    const missing = slh(
      ['briefing', '--review', 'no-such-review', '--format', 'pdf', '--out', path.join(out, 'none.pdf')],
      t.env,
    );
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('No review with id no-such-review');
    expect(fs.existsSync(path.join(out, 'none.pdf'))).toBe(false);
    const folder = slh(
      ['briefing', '--review', id, '--format', 'html', '--out', path.join(out, 'no', 'such', 'folder.html')],
      t.env,
    );
    expect(folder.stderr).toContain('no such folder');
  });
});
