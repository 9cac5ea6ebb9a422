export type FindingKind =
  'name' | 'date' | 'postcode' | 'address' | 'street' | 'school' | 'phone' | 'email' | 'nhs' | 'ni';

export interface Finding {
  kind: FindingKind;
  text: string;
  start: number;
  end: number;
  /** why: the rule and cue, shown to the editor */
  reason: string;
  /** 0..1 */
  confidence: number;
}

export const FINDING_KINDS: readonly FindingKind[] = [
  'name',
  'date',
  'postcode',
  'address',
  'street',
  'school',
  'phone',
  'email',
  'nhs',
  'ni',
];

export function finding(
  text: string,
  kind: FindingKind,
  start: number,
  end: number,
  reason: string,
  confidence: number,
): Finding {
  return { kind, text: text.slice(start, end), start, end, reason, confidence };
}
