import { frameSentence } from './framing.js';
import type { Framing } from './framing.js';

export interface FramingItem {
  id: string;
  text: string;
  label: Framing;
}

const LABELS: Framing[] = ['hindsight', 'blame', 'systems', 'neutral'];

/**
 * Precision and recall per label of the sentence framer on labelled passages (a passage of several
 * sentences takes the strongest framing found in it: blame, then hindsight, then systems), and the
 * two questions that matter most for the index: is judging language (hindsight or blame) told apart
 * from the rest, and is systems language found.
 */
export function evaluateFraming(items: readonly FramingItem[]) {
  const rank: Record<Framing, number> = { blame: 3, hindsight: 2, systems: 1, neutral: 0 };
  const predicted = items.map((item) => {
    const parts = item.text.split(/(?<=[.!?])\s+(?=[A-Z“"‘'])/).map(frameSentence);
    return parts.reduce((best, s) => (rank[s.framing] > rank[best.framing] ? s : best), {
      text: item.text,
      framing: 'neutral' as Framing,
      cue: '',
    });
  });
  const score = (isTrue: (f: Framing) => boolean) => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    items.forEach((item, i) => {
      const p = isTrue(predicted[i]?.framing ?? 'neutral');
      const t = isTrue(item.label);
      if (p && t) tp++;
      else if (p) fp++;
      else if (t) fn++;
    });
    const precision = tp + fp ? tp / (tp + fp) : 0;
    const recall = tp + fn ? tp / (tp + fn) : 0;
    return {
      support: tp + fn,
      precision,
      recall,
      f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
    };
  };
  const accuracy =
    items.filter((item, i) => predicted[i]?.framing === item.label).length / Math.max(1, items.length);
  return {
    items: items.length,
    accuracy,
    labels: Object.fromEntries(LABELS.map((l) => [l, score((f) => f === l)])) as Record<
      Framing,
      ReturnType<typeof score>
    >,
    judging: score((f) => f === 'hindsight' || f === 'blame'),
    errors: items
      .map((item, i) => ({
        id: item.id,
        label: item.label,
        predicted: predicted[i]?.framing,
        cue: predicted[i]?.cue,
        text: item.text,
      }))
      .filter((e) => e.label !== e.predicted),
  };
}
