/** Words people read for the codes the library stores. */
export { REVIEW_TYPE_LABELS } from '../shared/review-types.js';

export const SECTION_KIND_LABELS: Record<string, string> = {
  'executive-summary': 'Executive summary',
  recommendations: 'Recommendations',
  findings: 'Findings',
  learning: 'Learning',
};

export const AGE_BAND_LABELS: Record<string, string> = {
  'under-1': 'Under 1',
  '1-4': '1 to 4',
  '5-11': '5 to 11',
  '12-17': '12 to 17',
  '18-24': '18 to 24',
  '25-64': '25 to 64',
  '65+': '65 and over',
};

export const SUBJECT_LABELS: Record<string, string> = { child: 'Child', adult: 'Adult' };

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "2021-06-14" → "14 June 2021"; "2021-06" → "June 2021"; "2021" → "2021". */
export function formatPartialDate(value: string | null | undefined): string {
  if (!value) return 'Not known';
  const [y, m, d] = value.split('-');
  const month = m ? MONTHS[Number(m) - 1] : undefined;
  if (d && month) return `${Number(d)} ${month} ${y}`;
  if (month) return `${month} ${y}`;
  return y ?? value;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  if (n < 1048576) return `${Math.round(n / 1024)} KB`;
  return `${(n / 1048576).toFixed(1)} MB`;
}
