/** What each review type is called, for people. */
export const REVIEW_TYPE_LABELS: Record<string, string> = {
  scr: 'Serious case review',
  cspr: 'Child safeguarding practice review',
  'rapid-review': 'Rapid review',
  sar: 'Safeguarding adults review',
  dhr: 'Domestic homicide review',
  cpr: 'Child practice review (Wales)',
  susr: 'Single unified safeguarding review (Wales)',
  'scotland-review': 'Significant case review or learning review (Scotland)',
  cmr: 'Case management review (Northern Ireland)',
  other: 'Other learning review',
};
