/**
 * Theme coding benchmark: coding throughput on the demo corpus scaled to N reviews (the demo's
 * reviews coded in turn until N have been coded, in memory), then the evaluation figures (per theme
 * and micro/macro) on the labelled set's test split, on the holdout set, on the holdout reports
 * (whole fictional reports: as written, rewrapped as text copied out of a PDF reads, and typeset as
 * PDF and read back as an upload is) and on the
 * demo reviews' own theme labels (whole reports). The test
 * split and the holdout files are for measuring only: never tune on them.
 *
 *   npm run bench:themes [-- --reviews N] [--json]
 *
 * Prints figures; never passes or fails on them.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { evaluate } from '../src/analysis/themes/evaluate.js';
import type { Evaluation } from '../src/analysis/themes/evaluate.js';
import {
  LABELLED_DIR,
  LABELLED_HOLDOUT,
  LABELLED_TEST,
  REPORTS_HOLDOUT,
  parseLabelled,
} from '../src/services/theme-service.js';
import { openDemoStore } from '../scripts/lib/demo-store.js';
import { markdownToPdf, plainReportToMarkdown } from '../scripts/lib/render.js';

const { values } = parseArgs({
  options: {
    reviews: { type: 'string', default: '10000' },
    json: { type: 'boolean', default: false },
  },
});
const target = Number(values.reviews);
if (!Number.isInteger(target) || target < 1) {
  process.stderr.write('--reviews must be a whole number of at least 1\n');
  process.exit(2);
}
const { services, documents, close } = await openDemoStore();
const corpus = documents.map((d) => d.passages);
const coder = await services.themes.coder();
const started = process.hrtime.bigint();
let passages = 0;
for (let i = 0; i < target; i++) {
  const review = corpus[i % corpus.length] ?? [];
  coder.code(review);
  passages += review.length;
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;

const themes = await services.themes.themes();
const slugs = themes.map((t) => t.slug);
const known = new Set(slugs);
const onTest = await services.themes.evaluate(
  parseLabelled(fs.readFileSync(LABELLED_TEST, 'utf8'), 'test.jsonl', known),
);
const onHoldout = await services.themes.evaluate(
  parseLabelled(fs.readFileSync(LABELLED_HOLDOUT, 'utf8'), 'holdout.jsonl', known),
);
// Whole fictional reports kept for measuring only (the development reports fit the document decision).
const reportFiles = fs
  .readdirSync(LABELLED_DIR)
  .filter((f) => REPORTS_HOLDOUT.test(f))
  .sort();
const holdoutReports = reportFiles.flatMap((f) =>
  parseLabelled(fs.readFileSync(new URL(f, LABELLED_DIR), 'utf8'), f, known),
);
const onReports = await services.themes.evaluate(holdoutReports);
// Full-length overview reports (6,500-8,500 words, 200-odd paragraphs), which mention far more than
// they are about, on their own too.
const longReports = reportFiles
  .filter((f) => /-long-/.test(f))
  .flatMap((f) => parseLabelled(fs.readFileSync(new URL(f, LABELLED_DIR), 'utf8'), f, known));
const onLong = await services.themes.evaluate(longReports);
// The same reports as text copied out of a PDF often reads: lines of about 90 characters, and no
// blank line between paragraphs (headings still on their own lines).
const rewrap = (text: string) =>
  text
    .split(/\n\s*\n/)
    .map((paragraph) => {
      const lines: string[] = [];
      for (const word of paragraph.trim().split(/\s+/)) {
        const last = lines.length - 1;
        if (last >= 0 && (lines[last] ?? '').length + word.length < 90) lines[last] += ` ${word}`;
        else lines.push(word);
      }
      return lines.join('\n');
    })
    .join('\n');
const onRewrapped = await services.themes.evaluate(
  holdoutReports.map((item) => ({ ...item, text: rewrap(item.text) })),
);
// The same reports as they are published: typeset as PDF (headings in bold, running heads, "Page N
// of M" footers, words hyphenated at line ends) and read back as an upload is (classifyFile).
const typeset: Array<{ themes: string[] }> = [];
for (const item of holdoutReports) {
  const pdf = await markdownToPdf(plainReportToMarkdown(item.text), {
    runningHead: 'Fictional review for the Safeguarding Learning Hub - OFFICIAL',
    footer: 'page-of',
    hyphenate: true,
  });
  typeset.push({
    themes: (await services.themes.classifyFile(new Uint8Array(pdf), `${item.id}.pdf`)).map((c) => c.slug),
  });
}
const onPdf = evaluate(holdoutReports, typeset, slugs);
// The demo reviews' labels come from their manifests (written with the reports, not from the rules).
// The document decision is fitted on them too (scripts/tune-themes.ts --documents, which prints its
// five-fold figure), so this is a figure of the whole import and coding, not of unseen reports.
const gold: Array<{ themes: string[] }> = [];
const predicted: Array<{ themes: string[] }> = [];
for (const d of documents) {
  if (!d.themes) continue;
  gold.push({ themes: d.themes });
  predicted.push({ themes: (await services.themes.codesFor(d.reviewId)).map((c) => c.slug) });
}
const onDemo = evaluate(gold, predicted, slugs);
await close();

const pct = (x: number) => (x * 100).toFixed(1);
const round = (x: number) => Math.round(x * 1000) / 1000;
const averages = (e: Evaluation) =>
  `micro P ${pct(e.micro.precision)} R ${pct(e.micro.recall)} F1 ${pct(e.micro.f1)}; macro F1 ${pct(e.macro.f1)}`;
function perTheme(name: string, e: Evaluation): string {
  const rows = e.themes
    .filter((r) => r.tp + r.fp + r.fn > 0)
    .map(
      (r) =>
        `  ${r.slug.padEnd(28)} ${String(r.support).padStart(4)} ${pct(r.precision).padStart(6)} ${pct(r.recall).padStart(6)} ${pct(r.f1).padStart(6)}`,
    );
  return [
    `${name} (${e.items} items): ${averages(e)}`,
    `  ${'theme'.padEnd(28)} ${'gold'.padStart(4)} ${'P'.padStart(6)} ${'R'.padStart(6)} ${'F1'.padStart(6)}`,
    ...rows,
  ].join('\n');
}
const summary = (e: Evaluation) => ({
  items: e.items,
  micro: { precision: round(e.micro.precision), recall: round(e.micro.recall), f1: round(e.micro.f1) },
  macro: { precision: round(e.macro.precision), recall: round(e.macro.recall), f1: round(e.macro.f1) },
});
const result = {
  reviews: target,
  passages,
  seconds: Math.round(seconds * 100) / 100,
  reviews_per_s: Math.round(target / seconds),
  passages_per_s: Math.round(passages / seconds),
  rss_mb: Math.round(process.memoryUsage().rss / 1048576),
  test: summary(onTest),
  holdout: summary(onHoldout),
  holdout_reports: summary(onReports),
  holdout_reports_rewrapped: summary(onRewrapped),
  holdout_reports_pdf: summary(onPdf),
  holdout_reports_long: summary(onLong),
  demo_reviews: summary(onDemo),
  node: process.version,
};
process.stdout.write(
  [
    `coded ${target} reviews (${passages} passages) in ${seconds.toFixed(1)} s: ${result.reviews_per_s} reviews/s, ${result.passages_per_s} passages/s; rss ${result.rss_mb} MB`,
    perTheme('test split', onTest),
    perTheme('holdout set', onHoldout),
    `holdout reports, whole (${onReports.items}: ${reportFiles.join(', ')}): ${averages(onReports)}`,
    `holdout reports, rewrapped as lines with no blank line between paragraphs: ${averages(onRewrapped)}`,
    `holdout reports, typeset as PDF and read back as an upload: ${averages(onPdf)}`,
    `holdout reports, the full-length ones alone (${onLong.items}): ${averages(onLong)}`,
    `demo reviews, whole reports, as imported (${onDemo.items}; the document decision is fitted on them): ${averages(onDemo)}`,
  ].join('\n') + '\n',
);
if (values.json) process.stdout.write(`${JSON.stringify(result)}\n`);
