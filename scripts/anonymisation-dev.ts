/**
 * Development aid for the anonymisation check. The demo corpus is fictional and already anonymised
 * (pseudonyms, roles), so what the check flags there is, nearly all, false positives: this prints
 * them per kind and per 1,000 words, with the flagged strings, to cut them down. It then scores the
 * planted development set and times a 40,000-word report.
 *   npx tsx scripts/anonymisation-dev.ts [--all] [--min 0.5] [--kind name]
 */
import fs from 'node:fs';
import path from 'node:path';
import { findPersonalData } from '../src/analysis/anonymisation/detect.js';
import { DEV_SET } from '../src/analysis/anonymisation/dev-set.js';
import { evaluate } from '../src/analysis/anonymisation/evaluate.js';
import { FINDING_KINDS, type Finding } from '../src/analysis/anonymisation/types.js';

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i === -1 ? undefined : process.argv[i + 1];
};
const minConfidence = Number(arg('--min') ?? 0);
const onlyKind = arg('--kind');
const showAll = process.argv.includes('--all');

/** Crude HTML to text: scripts and styles out, block ends to line breaks, other tags dropped. */
function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<\/(p|h[1-6]|li|tr|div|section|header|footer|title|td|th)>|<br\s*\/?>/gi, '\n\n')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&#39;|&rsquo;/g, '’')
    .replace(/&quot;|&ldquo;|&rdquo;/g, '"')
    .replace(/&ndash;/g, '–')
    .replace(/&mdash;/g, '—')
    .replace(/[ \t]+/g, ' ');
}

const root = new URL('../demo/', import.meta.url).pathname;
const files = [
  ...fs.readdirSync(path.join(root, 'reviews')).map((f) => path.join(root, 'reviews', f)),
  ...fs.readdirSync(path.join(root, 'source')).map((f) => path.join(root, 'source', f)),
].filter((f) => /\.(md|txt|html)$/.test(f));

const words = (t: string) => t.split(/\s+/).filter(Boolean).length;
let totalWords = 0;
const all: Array<Finding & { file: string }> = [];
const texts: string[] = [];
for (const file of files) {
  const raw = fs.readFileSync(file, 'utf8');
  const text = file.endsWith('.html') ? htmlToText(raw) : raw;
  texts.push(text);
  totalWords += words(text);
  for (const f of findPersonalData(text)) {
    if (f.confidence >= minConfidence) all.push({ ...f, file: path.basename(file) });
  }
}

const rate = (n: number) => ((n * 1000) / totalWords).toFixed(2);
console.log(
  `Demo corpus: ${files.length} files, ${totalWords.toLocaleString()} words. Findings (nearly all false positives), per 1,000 words:`,
);
console.log(
  `  ${'kind'.padEnd(9)} ${'all'.padStart(6)} ${'/1,000'.padStart(7)}   ${'conf>=0.5'.padStart(9)} ${'/1,000'.padStart(7)}`,
);
for (const kind of [...FINDING_KINDS, 'all' as const]) {
  const of = all.filter((f) => kind === 'all' || f.kind === kind);
  const sure = of.filter((f) => f.confidence >= 0.5).length;
  console.log(
    `  ${kind.padEnd(9)} ${String(of.length).padStart(6)} ${rate(of.length).padStart(7)}   ${String(sure).padStart(9)} ${rate(sure).padStart(7)}`,
  );
}

for (const kind of FINDING_KINDS) {
  if (onlyKind && kind !== onlyKind) continue;
  const counts = new Map<string, { n: number; files: Set<string>; reason: string }>();
  for (const f of all.filter((f) => f.kind === kind)) {
    const c = counts.get(f.text) ?? { n: 0, files: new Set<string>(), reason: f.reason };
    c.n++;
    c.files.add(f.file);
    counts.set(f.text, c);
  }
  if (counts.size === 0) continue;
  console.log(`\n${kind}:`);
  const rows = [...counts].sort((a, b) => b[1].n - a[1].n);
  for (const [text, c] of showAll ? rows : rows.slice(0, 40))
    console.log(
      `  ${String(c.n).padStart(3)}  ${JSON.stringify(text)}  [${[...c.files].slice(0, 3).join(' ')}]  ${c.reason}`,
    );
  if (!showAll && rows.length > 40) console.log(`  … ${rows.length - 40} more (--all)`);
}

const e = evaluate(DEV_SET);
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
console.log(
  `\nPlanted dev set: ${e.items} items, ${e.words} words; recall ${pct(e.recall)} (${e.found}/${e.expected}); false positives ${e.falsePositives} (${e.falsePositivesPer1000Words.toFixed(1)} per 1,000 words)`,
);
for (const kind of FINDING_KINDS) {
  const s = e.byKind[kind];
  console.log(
    `  ${kind.padEnd(9)} recall ${pct(s.recall).padStart(6)} (${s.found}/${s.expected})  false positives ${s.falsePositives}`,
  );
}
for (const m of e.misses) console.log(`  miss  ${m.id} ${m.kind} ${JSON.stringify(m.text)}`);
for (const m of e.falsePositiveCases)
  console.log(`  fp    ${m.id} ${m.kind} ${JSON.stringify(m.text)}  ${m.reason}`);

// A 100-page report: the corpus joined and cut to 40,000 words; the best of five runs after a warm-up.
const big = texts.join('\n\n').split(/(\s+)/).slice(0, 80_000).join('');
findPersonalData(big);
let best = Infinity;
let n = 0;
for (let run = 0; run < 5; run++) {
  const t0 = performance.now();
  n = findPersonalData(big).length;
  best = Math.min(best, performance.now() - t0);
}
console.log(
  `\nTiming: ${words(big).toLocaleString()} words in ${best.toFixed(0)} ms (best of 5; ${n} findings)`,
);
