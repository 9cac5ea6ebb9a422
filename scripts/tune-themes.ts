/**
 * Development aid: five-fold cross-validation of the theme coder on the labelled TRAINING files only
 * (demo/themes/train*.jsonl; the test split and the holdout set are for reporting, never for tuning).
 * Prints micro/macro F1 and the weakest themes. Items fall into folds by position; `--seed N` shuffles
 * them first, to see how much of a difference between two settings is only which items shared a fold.
 *   npx tsx scripts/tune-themes.ts [--rules-only] [--grid] [--errors] [--seed N]
 *   npx tsx scripts/tune-themes.ts --documents
 *
 * --documents fits the document decision (CODING.document.weights and themeBias): a logistic
 * regression over documentFeatures of every applicable theme, with a term of each theme's own
 * (penalised towards 0), in three kinds of document:
 *   - the training documents (training items of CODING.document.minPassages paragraphs or more,
 *     each scored by the fold's model, which did not learn from it);
 *   - the development reports (demo/themes/reports-dev-*.jsonl);
 *   - the demo reviews as `npm start` imports them (PDF, Word, HTML, text), with their manifest's
 *     themes;
 * the last two scored by a model of all the training items (they are never trained on). It prints
 * the weights and, for the documents and for each kind, micro P/R/F1 of the current decision and of
 * the fitted one (in-sample, and by five-fold cross-validation over the documents, at the current
 * cut and at others beside it). The holdout reports (reports-holdout-*) are not read.
 */
import fs from 'node:fs/promises';
import {
  CODING,
  ThemeCoder,
  documentFeatures,
  documentProbability,
  passagesOfText,
} from '../src/analysis/themes/coder.js';
import type { LocatedPassage } from '../src/analysis/themes/coder.js';
import { evaluate } from '../src/analysis/themes/evaluate.js';
import { SEED_INDICATORS } from '../src/analysis/themes/indicators.js';
import { trainModel } from '../src/analysis/themes/model.js';
import { TAXONOMY_VERSION_1 } from '../src/analysis/themes/taxonomy.js';
import type { Applies } from '../src/analysis/themes/types.js';
import {
  LABELLED_DIR,
  appliesFromOpening,
  parseLabelled,
  readLabelledTrain,
} from '../src/services/theme-service.js';
import { openDemoStore } from './lib/demo-store.js';

const { items, files } = await readLabelledTrain();
console.log(`training files: ${files.join(', ')} (${items.length} items)`);
const seedAt = process.argv.indexOf('--seed');
const seed = seedAt === -1 ? 0 : Number(process.argv[seedAt + 1]);
if (!Number.isInteger(seed) || seed < 0) {
  process.stderr.write('--seed must be a whole number\n');
  process.exit(2);
}
if (seed > 0) {
  // a small linear congruential generator: the same seed gives the same folds everywhere
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [items[i], items[j]] = [items[j] as (typeof items)[number], items[i] as (typeof items)[number]];
  }
}
const themes = TAXONOMY_VERSION_1.map((t) => ({ ...t, indicators: SEED_INDICATORS[t.slug] ?? [] }));
const slugs = themes.map((t) => t.slug);
const rulesOnly = process.argv.includes('--rules-only');
const pct = (x: number) => (x * 100).toFixed(1);
const models = Array.from({ length: 5 }, (_, fold) =>
  rulesOnly
    ? null
    : trainModel(
        items.filter((_, i) => i % 5 !== fold),
        slugs,
      ),
);
function crossValidate(settings: typeof CODING) {
  const predicted: Array<{ themes: string[] }> = new Array(items.length);
  for (let fold = 0; fold < 5; fold++) {
    const coder = new ThemeCoder(themes, models[fold] ?? null, settings);
    items.forEach((item, i) => {
      if (i % 5 === fold) predicted[i] = { themes: coder.codeText(item.text).map((c) => c.slug) };
    });
  }
  return { predicted, e: evaluate(items, predicted, slugs) };
}
if (process.argv.includes('--documents')) {
  const settings = CODING.document;
  type Kind = 'training' | 'development' | 'demo';
  // One row per document and applicable theme: its features and whether the writer coded it.
  type Row = {
    doc: number;
    kind: Kind;
    theme: number;
    x: number[];
    gold: boolean;
    passes: boolean;
    coded: boolean;
  };
  const rows: Row[] = [];
  let docs = 0;
  const add = (
    coder: ThemeCoder,
    kind: Kind,
    passages: LocatedPassage[],
    applies: Applies | undefined,
    gold: string[],
  ) => {
    const scores = coder.scoreDocument(passages);
    const coded = new Set(coder.code(passages, applies).map((c) => c.slug));
    themes.forEach((theme, t) => {
      if (applies && !theme.applies.includes(applies)) return;
      const s = (scores.get(theme.slug) ?? []).map((p) => p.confidence);
      rows.push({
        doc: docs,
        kind,
        theme: t,
        x: documentFeatures(s, passages.length, CODING.threshold),
        gold: gold.includes(theme.slug),
        passes: (s[0] ?? 0) >= CODING.threshold,
        coded: coded.has(theme.slug),
      });
    });
    docs++;
  };
  for (let fold = 0; fold < 5; fold++) {
    const coder = new ThemeCoder(themes, models[fold] ?? null);
    items.forEach((item, i) => {
      const passages = passagesOfText(item.text);
      if (i % 5 === fold && passages.length >= settings.minPassages)
        add(coder, 'training', passages, appliesFromOpening(item.text), item.themes);
    });
  }
  const coder = new ThemeCoder(themes, rulesOnly ? null : trainModel(items, slugs));
  const devFiles = (await fs.readdir(LABELLED_DIR)).filter((f) => /^reports-dev-.*\.jsonl$/.test(f)).sort();
  for (const file of devFiles)
    for (const item of parseLabelled(await fs.readFile(new URL(file, LABELLED_DIR), 'utf8'), file))
      add(coder, 'development', passagesOfText(item.text), appliesFromOpening(item.text), item.themes);
  const demo = await openDemoStore();
  for (const d of demo.documents) if (d.themes) add(coder, 'demo', d.passages, d.applies, d.themes);
  await demo.close();
  const counts = (kind: Kind) => new Set(rows.filter((r) => r.kind === kind).map((r) => r.doc)).size;
  console.log(
    `documents: ${counts('training')} training items, ${counts('development')} development reports (${devFiles.join(', ')}), ${counts('demo')} demo reviews`,
  );
  // Batch gradient descent on the log loss: a little L2 on the weights but the intercept, more on
  // the themes' own terms (each stepped by the mean over its theme's rows), so that a theme with
  // few documents keeps a term near 0.
  const THEME_PENALTY = 0.05;
  const fit = (data: Row[]): { w: number[]; bias: number[] } => {
    const w: number[] = new Array<number>(data[0]?.x.length ?? 0).fill(0);
    const bias: number[] = themes.map(() => 0);
    const perTheme = themes.map((_, t) => Math.max(1, data.filter((r) => r.theme === t).length));
    for (let epoch = 0; epoch < 2000; epoch++) {
      const gradient = w.map(() => 0);
      const biasGradient = bias.map(() => 0);
      for (const r of data) {
        const error = documentProbability(r.x, w, bias[r.theme]) - (r.gold ? 1 : 0);
        r.x.forEach((v, j) => (gradient[j] = (gradient[j] ?? 0) + error * v));
        biasGradient[r.theme] = (biasGradient[r.theme] ?? 0) + error;
      }
      w.forEach((v, j) => (w[j] = v - 0.5 * ((gradient[j] ?? 0) / data.length + (j > 0 ? 1e-3 * v : 0))));
      bias.forEach(
        (v, t) => (bias[t] = v - 0.5 * ((biasGradient[t] ?? 0) / (perTheme[t] ?? 1) + THEME_PENALTY * v)),
      );
    }
    return { w, bias };
  };
  const figures = (data: Row[], decide: (r: Row) => boolean) => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const r of data) {
      const p = decide(r);
      if (p && r.gold) tp++;
      else if (p) fp++;
      else if (r.gold) fn++;
    }
    const precision = tp / Math.max(1, tp + fp);
    const recall = tp / Math.max(1, tp + fn);
    return `micro P ${pct(precision)} R ${pct(recall)} F1 ${pct((2 * precision * recall) / Math.max(1e-9, precision + recall))}`;
  };
  const fitted = fit(rows);
  const decide =
    (f: { w: number[]; bias: number[] }, cut = settings.cut) =>
    (r: Row) =>
      r.passes && documentProbability(r.x, f.w, f.bias[r.theme]) >= cut;
  console.log(`fitted weights: [${fitted.w.map((v) => v.toFixed(2)).join(', ')}]`);
  console.log(
    `fitted themeBias: { ${themes
      .map((t, i) => ({ slug: t.slug, b: Math.round((fitted.bias[i] ?? 0) * 100) / 100 }))
      .filter((t) => t.b !== 0)
      .map((t) => `'${t.slug}': ${t.b}`)
      .join(', ')} }`,
  );
  console.log(`current coding (CODING.document):  ${figures(rows, (r) => r.coded)}`);
  console.log(`fitted, in sample:                 ${figures(rows, decide(fitted))}`);
  const foldFits = [0, 1, 2, 3, 4].map((fold) => fit(rows.filter((r) => r.doc % 5 !== fold)));
  const folded = rows.map((r) => ({ ...r, coded: decide(foldFits[r.doc % 5] ?? fitted)(r) }));
  console.log(`fitted, five-fold by document:     ${figures(folded, (r) => r.coded)}`);
  for (const kind of ['training', 'development', 'demo'] as const)
    console.log(
      `  ${kind.padEnd(11)} current ${figures(
        rows.filter((r) => r.kind === kind),
        (r) => r.coded,
      )}; fitted, five-fold ${figures(
        folded.filter((r) => r.kind === kind),
        (r) => r.coded,
      )}`,
    );
  // The cut, chosen the same way: by the folds' figures, never by the holdout reports'.
  for (const cut of [0.35, 0.4, 0.45, 0.5, 0.55, 0.6])
    console.log(
      `  cut ${cut.toFixed(2)}, five-fold: ${figures(rows, (r) => decide(foldFits[r.doc % 5] ?? fitted, cut)(r))}`,
    );
  process.exit(0);
}
if (process.argv.includes('--grid')) {
  for (const ruleWeight of [0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6]) {
    for (const threshold of [0.25, 0.275, 0.3, 0.325, 0.35, 0.4, 0.45]) {
      const { e } = crossValidate({ ...CODING, ruleWeight, threshold });
      console.log(
        `ruleWeight ${ruleWeight} threshold ${threshold}: micro P ${pct(e.micro.precision)} R ${pct(e.micro.recall)} F1 ${pct(e.micro.f1)}; macro F1 ${pct(e.macro.f1)}`,
      );
    }
  }
  process.exit(0);
}
const { predicted, e } = crossValidate(CODING);
console.log(
  `items ${e.items}; micro P ${pct(e.micro.precision)} R ${pct(e.micro.recall)} F1 ${pct(e.micro.f1)}; macro F1 ${pct(e.macro.f1)}`,
);
for (const r of [...e.themes].sort((a, b) => a.f1 - b.f1).slice(0, 12))
  console.log(
    `  ${r.slug.padEnd(28)} P ${pct(r.precision)} R ${pct(r.recall)} F1 ${pct(r.f1)} (tp ${r.tp} fp ${r.fp} fn ${r.fn})`,
  );
if (process.argv.includes('--errors')) {
  items.forEach((item, i) => {
    const p = predicted[i]?.themes ?? [];
    const fp = p.filter((s) => !item.themes.includes(s));
    const fn = item.themes.filter((s) => !p.includes(s));
    if (fp.length || fn.length)
      console.log(`${item.id} +${fp.join(',')} -${fn.join(',')} :: ${item.text.slice(0, 160)}`);
  });
}
