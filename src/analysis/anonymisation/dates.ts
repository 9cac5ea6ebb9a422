/**
 * Full dates: day, month and year together, written out ("14th of March, 2019", "March 14, 2019") or
 * in figures ("14/03/2019", "14.03.19", "2019-03-14"). A month and year, or a year alone, is not
 * personal data on its own and is left alone; so are paragraph numbers ("4.12") and references.
 */
import { type Finding, finding } from './types.js';

const MONTH =
  'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec';
const DAY = String.raw`(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?`;
const WEEKDAY = String.raw`(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?`;
const YEAR = String.raw`(?:(?:19|20)\d{2}|['’]\d{2})`;

const WRITTEN = [
  new RegExp(
    String.raw`\b${WEEKDAY}(?:the\s+)?(${DAY})(?:\s+of)?[\s-]+(${MONTH})\.?,?[\s-]+(${YEAR})(?!\d)`,
    'gi',
  ),
  new RegExp(String.raw`\b${WEEKDAY}(${MONTH})\.?\s+(?:the\s+)?(${DAY}),?\s+(${YEAR})(?!\d)`, 'gi'),
];
const NUMERIC = /(?<![\d.,/-])(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?![\d]|[./-]\d)/g;
const ISO = /(?<![\d.,/-])((?:19|20)\d{2})([./-])(\d{1,2})\2(\d{1,2})(?![\d]|[./-]\d)/g;
const DOB_BEFORE = /\b(?:DOB|D\.O\.B\.?|date of birth|born(?: on)?)\s*[:\-–]?\s*$/i;
const NOT_A_DATE_BEFORE =
  /\b(?:paragraphs?|paras?|sections?|chapters?|pages?|pp?|figures?|tables?|appendix|version|v|§)\.?\s*$/i;
const PUBLISHED_BEFORE =
  /\b(?:published|publication date|date of publication|approved|updated|version date|dated)\s*:?\s*$/i;

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function valid(day: number, month: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= (DAYS_IN_MONTH[month - 1] ?? 0);
}

/** What the words before a date say about it: a date of birth matters most, a publication date least. */
function context(text: string, start: number, confidence: number): { note: string; confidence: number } {
  const before = text.slice(Math.max(0, start - 40), start);
  if (DOB_BEFORE.test(before)) return { note: '; date of birth', confidence: 0.95 };
  if (PUBLISHED_BEFORE.test(before))
    return { note: '; publication or approval date of the report', confidence: 0.4 };
  return { note: '', confidence };
}

export function findDates(text: string): Finding[] {
  const out: Finding[] = [];
  const add = (start: number, end: number, rule: string, confidence: number) => {
    const c = context(text, start, confidence);
    out.push(finding(text, 'date', start, end, rule + c.note, c.confidence));
  };
  for (const re of WRITTEN) {
    for (const m of text.matchAll(re))
      add(m.index, m.index + m[0].length, 'full date with day, month name and year', 0.9);
  }
  for (const m of text.matchAll(NUMERIC)) {
    const [all, d, sep, mo, y] = m;
    if (!valid(Number(d), Number(mo))) continue;
    const before = text.slice(Math.max(0, m.index - 20), m.index);
    if (NOT_A_DATE_BEFORE.test(before)) continue;
    // "3.1.12" is more likely a section number than a date unless something says otherwise.
    const dotted = sep === '.';
    const padded = (d ?? '').length === 2 || (mo ?? '').length === 2 || (y ?? '').length === 4;
    const lineStart = /(?:^|\n)[ \t]*$/.test(before);
    if (dotted && (!padded || lineStart) && !DOB_BEFORE.test(before)) continue;
    add(
      m.index,
      m.index + all.length,
      `numeric date (day${sep}month${sep}year)`,
      y?.length === 4 ? 0.9 : 0.75,
    );
  }
  for (const m of text.matchAll(ISO)) {
    const [all, , , mo, d] = m;
    if (!valid(Number(d), Number(mo))) continue;
    add(m.index, m.index + all.length, 'numeric date (year-month-day)', 0.9);
  }
  return out;
}
