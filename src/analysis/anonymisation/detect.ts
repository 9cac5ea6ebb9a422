/**
 * The anonymisation check: likely personal data in a review's text before publication. Every finding
 * carries the rule that fired and a confidence, so an editor can see why it was flagged.
 */
import { findDates } from './dates.js';
import { findEmails, findNhsNumbers, findNiNumbers, findPhones, findPostcodes } from './identifiers.js';
import { findLocations } from './locations.js';
import { findNames } from './names.js';
import { buildDoc } from './text.js';
import type { Finding, FindingKind } from './types.js';

export type { Finding, FindingKind } from './types.js';

/** On a tie in length, the more specific kind wins. */
const SPECIFICITY: Record<FindingKind, number> = {
  email: 0,
  nhs: 1,
  ni: 2,
  phone: 3,
  postcode: 4,
  date: 5,
  address: 6,
  school: 7,
  street: 8,
  name: 9,
};

/** Keeps the longer (then the more specific) of overlapping findings; returns them sorted by start. */
export function resolveOverlaps(findings: Finding[], length: number): Finding[] {
  const taken = new Uint8Array(length + 1);
  const kept: Finding[] = [];
  const ranked = [...findings].sort(
    (a, b) =>
      b.end - b.start - (a.end - a.start) || SPECIFICITY[a.kind] - SPECIFICITY[b.kind] || a.start - b.start,
  );
  for (const f of ranked) {
    let free = true;
    for (let p = f.start; p < f.end && free; p++) if (taken[p]) free = false;
    if (!free) continue;
    taken.fill(1, f.start, f.end);
    kept.push(f);
  }
  return kept.sort((a, b) => a.start - b.start);
}

export function findPersonalData(text: string): Finding[] {
  const doc = buildDoc(text);
  const candidates = [
    ...findEmails(text),
    ...findPhones(text),
    ...findNhsNumbers(text),
    ...findNiNumbers(text),
    ...findPostcodes(text),
    ...findDates(text),
    ...findLocations(doc),
    ...findNames(doc),
  ];
  return resolveOverlaps(candidates, text.length);
}
