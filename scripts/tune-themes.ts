/**
 * Development aid: five-fold cross-validation of the theme coder on the labelled TRAINING files only
 * (demo/themes/train*.jsonl; the test split and the holdout set are for reporting, never for tuning).
 * Prints micro/macro F1 and the weakest themes. Items fall into folds by position; `--seed N` shuffles
 * them first, to see how much of a difference between two settings is only which items shared a fold.
 *   npx tsx scripts/tune-themes.ts [--rules-only] [--grid] [--errors] [--seed N]
 */
import { CODING, ThemeCoder } from '../src/analysis/themes/coder.js';
import { evaluate } from '../src/analysis/themes/evaluate.js';
import { SEED_INDICATORS } from '../src/analysis/themes/indicators.js';
import { trainModel } from '../src/analysis/themes/model.js';
import { TAXONOMY_VERSION_1 } from '../src/analysis/themes/taxonomy.js';
import { readLabelledTrain } from '../src/services/theme-service.js';

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
