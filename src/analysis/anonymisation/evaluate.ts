/**
 * Measures the anonymisation check against texts whose personal data an editor has listed.
 *
 * Matching: each expected finding is placed on an occurrence of its text in the item (the n-th
 * expected finding with the same text takes the n-th occurrence, whole words preferred). It is found
 * when a detected finding of the same kind overlaps that occurrence. Locations are the one exception:
 * an address, a street and a postcode are often written as one another ("14 Aldergate Road, NE6 2AB"
 * split or joined differently), so those three kinds may stand in for each other. Names, dates,
 * schools and the number kinds must match their kind exactly.
 *
 * A detected finding is a false positive when it overlaps no occurrence of any expected text. A
 * detection on a further occurrence of an expected text (the editor listed "Jayden" once, the text
 * says it three times) is not counted against the detector.
 */
import { findPersonalData } from './detect.js';
import { FINDING_KINDS, type Finding, type FindingKind } from './types.js';

export interface EvaluationItem {
  id: string;
  text: string;
  findings: Array<{ kind: FindingKind; text: string }>;
}

export interface KindScore {
  expected: number;
  found: number;
  recall: number;
  falsePositives: number;
}

export interface ErrorCase {
  id: string;
  kind: FindingKind;
  text: string;
  /** for a false positive: the rule that fired */
  reason?: string;
}

export interface AnonymisationEvaluation {
  items: number;
  words: number;
  byKind: Record<FindingKind, KindScore>;
  expected: number;
  found: number;
  recall: number;
  falsePositives: number;
  falsePositivesPer1000Words: number;
  misses: ErrorCase[];
  falsePositiveCases: ErrorCase[];
}

const LOCATION: ReadonlySet<FindingKind> = new Set(['address', 'street', 'postcode']);

function kindsMatch(expected: FindingKind, detected: FindingKind): boolean {
  return expected === detected || (LOCATION.has(expected) && LOCATION.has(detected));
}

/** Every occurrence of a string, whole-word occurrences first, then the rest, each in text order. */
function occurrences(text: string, needle: string): Array<[number, number]> {
  if (!needle) return [];
  const whole: Array<[number, number]> = [];
  const part: Array<[number, number]> = [];
  const find = (hay: string, n: string) => {
    for (let p = hay.indexOf(n); p !== -1; p = hay.indexOf(n, p + 1)) {
      const span: [number, number] = [p, p + n.length];
      const edge = /[\p{L}\d]/u;
      const isWhole = !edge.test(text[p - 1] ?? '') || !edge.test(needle[0] ?? '');
      const endWhole = !edge.test(text[p + n.length] ?? '') || !edge.test(needle[needle.length - 1] ?? '');
      (isWhole && endWhole ? whole : part).push(span);
    }
  };
  find(text, needle);
  if (whole.length + part.length === 0) find(text.toLowerCase(), needle.toLowerCase());
  return [...whole, ...part];
}

const overlaps = (f: { start: number; end: number }, [s, e]: [number, number]) => f.start < e && s < f.end;
const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);

export function evaluate(
  items: EvaluationItem[],
  detect: (text: string) => Finding[] = findPersonalData,
): AnonymisationEvaluation {
  const byKind = Object.fromEntries(
    FINDING_KINDS.map((k) => [k, { expected: 0, found: 0, recall: 0, falsePositives: 0 }]),
  ) as Record<FindingKind, KindScore>;
  const misses: ErrorCase[] = [];
  const falsePositiveCases: ErrorCase[] = [];
  let words = 0;
  for (const item of items) {
    words += item.text.split(/\s+/).filter(Boolean).length;
    const detected = detect(item.text);
    const used = new Map<string, number>();
    const allSpans: Array<[number, number]> = [];
    for (const e of item.findings) {
      const spans = occurrences(item.text, e.text);
      allSpans.push(...spans);
      const n = used.get(e.text) ?? 0;
      used.set(e.text, n + 1);
      const span = spans[Math.min(n, spans.length - 1)];
      const score = byKind[e.kind];
      score.expected++;
      if (span && detected.some((d) => kindsMatch(e.kind, d.kind) && overlaps(d, span))) score.found++;
      else misses.push({ id: item.id, kind: e.kind, text: e.text });
    }
    for (const d of detected) {
      if (allSpans.some((s) => overlaps(d, s))) continue;
      byKind[d.kind].falsePositives++;
      falsePositiveCases.push({ id: item.id, kind: d.kind, text: d.text, reason: d.reason });
    }
  }
  for (const s of Object.values(byKind)) s.recall = ratio(s.found, s.expected);
  const expected = Object.values(byKind).reduce((n, s) => n + s.expected, 0);
  const found = Object.values(byKind).reduce((n, s) => n + s.found, 0);
  const falsePositives = falsePositiveCases.length;
  return {
    items: items.length,
    words,
    byKind,
    expected,
    found,
    recall: ratio(found, expected),
    falsePositives,
    falsePositivesPer1000Words: ratio(falsePositives * 1000, words),
    misses,
    falsePositiveCases,
  };
}
