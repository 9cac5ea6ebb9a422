export interface ThemeScore {
  slug: string;
  support: number;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface Evaluation {
  items: number;
  themes: ThemeScore[];
  micro: { precision: number; recall: number; f1: number };
  macro: { precision: number; recall: number; f1: number };
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);
const f1 = (p: number, r: number) => (p + r === 0 ? 0 : (2 * p * r) / (p + r));

/**
 * Per-theme precision, recall and F1 over multi-label items, with micro averages (every decision
 * counts once) and macro averages (every theme counts once, over the themes that occur in the gold
 * labels or the predictions).
 */
export function evaluate(
  gold: Array<{ themes: string[] }>,
  predicted: Array<{ themes: string[] }>,
  slugs: string[],
): Evaluation {
  if (gold.length !== predicted.length) throw new Error('gold and predicted lists differ in length');
  const rows = slugs.map((slug) => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    gold.forEach((g, i) => {
      const inGold = g.themes.includes(slug);
      const inPred = predicted[i]?.themes.includes(slug) ?? false;
      if (inGold && inPred) tp++;
      else if (inPred) fp++;
      else if (inGold) fn++;
    });
    const precision = ratio(tp, tp + fp);
    const recall = ratio(tp, tp + fn);
    return { slug, support: tp + fn, tp, fp, fn, precision, recall, f1: f1(precision, recall) };
  });
  const tp = rows.reduce((n, r) => n + r.tp, 0);
  const fp = rows.reduce((n, r) => n + r.fp, 0);
  const fn = rows.reduce((n, r) => n + r.fn, 0);
  const microP = ratio(tp, tp + fp);
  const microR = ratio(tp, tp + fn);
  const seen = rows.filter((r) => r.tp + r.fp + r.fn > 0);
  const macroP = ratio(
    seen.reduce((n, r) => n + r.precision, 0),
    seen.length,
  );
  const macroR = ratio(
    seen.reduce((n, r) => n + r.recall, 0),
    seen.length,
  );
  return {
    items: gold.length,
    themes: rows,
    micro: { precision: microP, recall: microR, f1: f1(microP, microR) },
    macro: {
      precision: macroP,
      recall: macroR,
      f1: ratio(
        seen.reduce((n, r) => n + r.f1, 0),
        seen.length,
      ),
    },
  };
}
