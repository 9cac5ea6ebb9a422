/**
 * Ingest benchmark: pages per second for PDF text extraction and for the whole pipeline
 * (extraction, cleaning, segmentation, metadata), on generated multi-page report PDFs; and, where
 * Debian's pdftotext (poppler-utils) is installed, its pages per second on the same files.
 *
 *   npm run bench:ingest -- [--files N] [--pages-per-file N] [--json]
 *
 * Prints figures; never passes or fails on them.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { extract } from '../src/ingestion/extract/index.js';
import { parseReview } from '../src/ingestion/parse-review.js';
import { markdownToPdf } from '../scripts/lib/render.js';

const { values } = parseArgs({
  options: {
    files: { type: 'string', default: '12' },
    'pages-per-file': { type: 'string', default: '30' },
    json: { type: 'boolean', default: false },
  },
});
const fileCount = Number(values.files);
const targetPages = Number(values['pages-per-file']);
if (!Number.isInteger(fileCount) || fileCount < 1 || !Number.isInteger(targetPages) || targetPages < 2) {
  process.stderr.write('--files and --pages-per-file must be whole numbers (files >= 1, pages >= 2)\n');
  process.exit(2);
}

// Realistic text: the fictional demo reports, repeated until a report reaches the wanted length.
const sourceDir = path.resolve(import.meta.dirname, '..', 'demo', 'source');
const sources = fs
  .readdirSync(sourceDir)
  .filter((f) => f.endsWith('.md'))
  .sort()
  .map((f) => fs.readFileSync(path.join(sourceDir, f), 'utf8'));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'slh-bench-ingest-'));
const files: Array<{ path: string; bytes: Buffer }> = [];
process.stderr.write(`generating ${fileCount} PDFs of about ${targetPages} pages in ${dir}\n`);
for (let i = 0; i < fileCount; i++) {
  const base = sources[i % sources.length] ?? '';
  const body = base.split('\n## ').slice(1).join('\n## ');
  const repeats = Math.max(1, Math.round(targetPages / 7));
  const markdown = `${base}\n## ${Array.from({ length: repeats - 1 }, () => body).join('\n## ')}`;
  const bytes = await markdownToPdf(markdown, {
    runningHead: 'Fictional benchmark report — OFFICIAL',
    footer: 'page-of',
    hyphenate: i % 2 === 0,
  });
  const file = path.join(dir, `report-${i}.pdf`);
  fs.writeFileSync(file, bytes);
  files.push({ path: file, bytes });
}

function time<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const start = process.hrtime.bigint();
  return fn().then((v) => [v, Number(process.hrtime.bigint() - start) / 1e9]);
}

// Warm up the JIT and pdf.js's font tables so the first timed run is not charged for them.
for (const f of files.slice(0, 2)) await parseReview(f.bytes, path.basename(f.path));

let pages = 0;
const [, extractSeconds] = await time(async () => {
  for (const f of files) {
    const out = await extract(f.bytes, path.basename(f.path));
    pages += out.pages ?? 0;
  }
});
let passages = 0;
const [, pipelineSeconds] = await time(async () => {
  for (const f of files) passages += (await parseReview(f.bytes, path.basename(f.path))).passages.length;
});

let pdftotext: { seconds: number; pagesPerSecond: number } | null = null;
const probe = spawnSync('pdftotext', ['-v'], { encoding: 'utf8' });
if (probe.error === undefined && probe.status === 0) {
  const start = process.hrtime.bigint();
  for (const f of files)
    spawnSync('pdftotext', ['-layout', f.path, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  pdftotext = { seconds, pagesPerSecond: pages / seconds };
}
fs.rmSync(dir, { recursive: true, force: true });

const result = {
  files: files.length,
  pages,
  passages,
  extract_pages_per_s: Math.round((pages / extractSeconds) * 10) / 10,
  pipeline_pages_per_s: Math.round((pages / pipelineSeconds) * 10) / 10,
  pdftotext_pages_per_s: pdftotext ? Math.round(pdftotext.pagesPerSecond * 10) / 10 : null,
  ratio_extract_to_pdftotext: pdftotext
    ? Math.round((pages / extractSeconds / pdftotext.pagesPerSecond) * 100) / 100
    : null,
  rss_mb: Math.round(process.memoryUsage().rss / 1048576),
  node: process.version,
};
process.stdout.write(
  [
    `files ${result.files}, pages ${result.pages}, passages ${result.passages}`,
    `extraction (unpdf/pdf.js, cleaning, blocks): ${result.extract_pages_per_s} pages/s`,
    `whole pipeline (+ segmentation, metadata, fingerprints): ${result.pipeline_pages_per_s} pages/s`,
    pdftotext
      ? `pdftotext -layout (extraction only, separate process per file): ${result.pdftotext_pages_per_s} pages/s; ours/pdftotext = ${result.ratio_extract_to_pdftotext}`
      : 'pdftotext: not installed (apt-get install poppler-utils to compare)',
    `rss ${result.rss_mb} MB`,
  ].join('\n') + '\n',
);
if (values.json) process.stdout.write(`${JSON.stringify(result)}\n`);
