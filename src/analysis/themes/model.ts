import { features } from './text.js';

/**
 * A multi-label linear model: one logistic regression per theme over word and word-pair features
 * (Porter stems, negation marked: text.ts features(); binary, length-normalised), trained by batch
 * gradient descent with L2 regularisation and AdaGrad step sizes (each weight's step shrinks with its
 * own gradient history, so the many rare words learn as fast as the common ones; plain gradient
 * descent was still far from converged after 300 epochs).
 * On several hundred labelled passages a linear model is a sound choice, and its weights can be
 * shown: the words that pushed a theme up are the model's reason. Defaults chosen by five-fold
 * cross-validation on the training files (scripts/tune-themes.ts). Tried there and not kept (none
 * gained half a point): tf-idf or log-count weighting, NB-SVM log-count ratios, fully class-balanced
 * weights, more epochs or a larger step, the taxonomy's labels and definitions as extra examples,
 * per-theme thresholds chosen by nested cross-validation (lost a point), and rule hits as features.
 */
/**
 * The model's form and training. A library holding a model of another version trains a new one when
 * the service starts (2: AdaGrad training, no weights for themes without examples; 3: Porter stems,
 * negated words also counted plain; 4: the same form, trained on the 1,591 items of four more
 * writers' files, which the coder's document weights were fitted with; 5: the same, on 1,831 items
 * with four more writers').
 */
export const MODEL_VERSION = 5;

export interface ThemeModel {
  version: number;
  trainedAt: string;
  examples: number;
  vocabulary: string[];
  /**
   * per theme: bias and one weight per vocabulary entry (0 for most). Only themes with examples
   * to learn from: for the others (a theme added since) the model has nothing to say.
   */
  weights: Record<string, { bias: number; w: Record<number, number> }>;
}

export interface LabelledText {
  text: string;
  themes: string[];
}

interface Vector {
  idx: number[];
  val: number;
}

function vectorise(text: string, index: Map<string, number>, surface?: Map<string, string>): Vector {
  const idx = [
    ...new Set(
      features(text, surface)
        .map((f) => index.get(f))
        .filter((i): i is number => i !== undefined),
    ),
  ];
  return { idx, val: idx.length ? 1 / Math.sqrt(idx.length) : 0 };
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

export function trainModel(
  examples: LabelledText[],
  slugs: string[],
  options: { epochs?: number; rate?: number; l2?: number; minCount?: number } = {},
): ThemeModel {
  const { epochs = 200, rate = 0.5, l2 = 3e-4, minCount = 2 } = options;
  const counts = new Map<string, number>();
  for (const e of examples)
    for (const f of new Set(features(e.text))) counts.set(f, (counts.get(f) ?? 0) + 1);
  const vocabulary = [...counts]
    .filter(([, n]) => n >= minCount)
    .map(([f]) => f)
    .sort();
  const index = new Map(vocabulary.map((f, i) => [f, i]));
  const vectors = examples.map((e) => vectorise(e.text, index));
  const weights: ThemeModel['weights'] = {};
  for (const slug of slugs) {
    const y = examples.map((e) => (e.themes.includes(slug) ? 1 : 0));
    const positives = y.reduce<number>((a, b) => a + b, 0);
    // Without one example it would only learn "never", and outvote the theme's indicators.
    if (positives === 0) continue;
    // Rare themes: weight positives up so the model does not learn to say "never".
    const posWeight = Math.min(10, (examples.length - positives) / positives) ** 0.5;
    const w = new Float64Array(vocabulary.length);
    let bias = 0;
    // AdaGrad: the sum of each weight's squared gradients so far
    const history = new Float64Array(vocabulary.length);
    let biasHistory = 0;
    for (let epoch = 0; epoch < epochs; epoch++) {
      const grad = new Float64Array(vocabulary.length);
      let gBias = 0;
      for (let i = 0; i < vectors.length; i++) {
        const v = vectors[i] as Vector;
        let z = bias;
        for (const j of v.idx) z += (w[j] ?? 0) * v.val;
        const yi = y[i] ?? 0;
        const err = (sigmoid(z) - yi) * (yi ? posWeight : 1);
        gBias += err;
        for (const j of v.idx) grad[j] = (grad[j] ?? 0) + err * v.val;
      }
      const n = vectors.length;
      const gb = gBias / n;
      biasHistory += gb * gb;
      bias -= (rate * gb) / (Math.sqrt(biasHistory) + 1e-8);
      for (let j = 0; j < w.length; j++) {
        const g = (grad[j] ?? 0) / n + l2 * (w[j] ?? 0);
        history[j] = (history[j] ?? 0) + g * g;
        w[j] = (w[j] ?? 0) - (rate * g) / (Math.sqrt(history[j] ?? 0) + 1e-8);
      }
    }
    const sparse: Record<number, number> = {};
    w.forEach((value, j) => {
      if (Math.abs(value) > 1e-3) sparse[j] = Math.round(value * 1e4) / 1e4;
    });
    weights[slug] = { bias: Math.round(bias * 1e4) / 1e4, w: sparse };
  }
  return {
    version: MODEL_VERSION,
    trainedAt: new Date().toISOString(),
    examples: examples.length,
    vocabulary,
    weights,
  };
}

/** A model ready to score texts: dense weights per theme, explanations only when asked. */
export class Scorer {
  private readonly index: Map<string, number>;
  private readonly dense: Array<{ slug: string; bias: number; w: Float64Array }>;

  constructor(readonly model: ThemeModel) {
    this.index = new Map(model.vocabulary.map((f, i) => [f, i]));
    this.dense = Object.entries(model.weights).map(([slug, { bias, w }]) => {
      const weights = new Float64Array(model.vocabulary.length);
      for (const [j, value] of Object.entries(w)) weights[Number(j)] = value;
      return { slug, bias, w: weights };
    });
  }

  /** The probability of each theme for a text. */
  predict(text: string): Map<string, number> {
    const v = vectorise(text, this.index);
    const out = new Map<string, number>();
    for (const { slug, bias, w } of this.dense) {
      let z = bias;
      for (const j of v.idx) z += (w[j] ?? 0) * v.val;
      out.set(slug, sigmoid(z));
    }
    return out;
  }

  /**
   * The features that pushed a theme up most for a text, in the text's own words ("rent arrears",
   * "not seen alone"): the model's reason.
   */
  explain(text: string, slug: string, count = 4): string[] {
    const theme = this.dense.find((d) => d.slug === slug);
    if (!theme) return [];
    const surface = new Map<string, string>();
    const v = vectorise(text, this.index, surface);
    const words = v.idx
      .map((j) => [this.model.vocabulary[j] ?? '', (theme.w[j] ?? 0) * v.val] as const)
      .filter(([, c]) => c > 0)
      .sort((a, b) => b[1] - a[1])
      .map(([f]) => surface.get(f) ?? f.replace(/_/g, ' '));
    // A negated word counts plain too: "not recorded" says it, "recorded" beside it adds nothing.
    const shown = new Set(words);
    return words.filter((w) => !shown.has(`not ${w}`)).slice(0, count);
  }
}
