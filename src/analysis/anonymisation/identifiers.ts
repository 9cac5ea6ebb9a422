/**
 * Identifiers with a fixed shape: email addresses, UK phone numbers, NHS numbers (with their
 * modulus-11 check digit), National Insurance numbers and postcodes.
 */
import { type Finding, finding } from './types.js';

const EMAIL = /[\p{L}\d._%+-]+@[\p{L}\d-]+(?:\.[\p{L}\d-]+)+/gu;

export function findEmails(text: string): Finding[] {
  return [...text.matchAll(EMAIL)].map((m) =>
    finding(text, 'email', m.index, m.index + m[0].replace(/\.$/, '').length, 'email address', 0.99),
  );
}

/** +44 or 0, then nine or ten more digits with spaces, hyphens or brackets between groups. */
const PHONE =
  /(?<![\w+/.-])(?:(?:\+|00)44[ \u00a0]?(?:\(0\)[ \u00a0]?)?|\(0|0)[1-9](?:[ \u00a0\-)]{0,2}\d){8,9}(?![\w/-]?\d)/g;

export function findPhones(text: string): Finding[] {
  const out: Finding[] = [];
  for (const m of text.matchAll(PHONE)) {
    let digits = m[0].replace(/\D/g, '');
    if (digits.startsWith('0044')) digits = digits.slice(2);
    if (digits.startsWith('44')) digits = `0${digits.slice(2).replace(/^0/, '')}`;
    if (!/^0[1-9]\d{8,9}$/.test(digits)) continue;
    const mobile = digits.startsWith('07');
    // 03, 08 and 09 numbers belong to organisations and helplines far more often than to people.
    const service = /^0[389]/.test(digits);
    const reason = mobile
      ? 'UK mobile phone number'
      : service
        ? 'UK non-geographic number (usually an organisation or helpline)'
        : 'UK phone number';
    const confidence = service ? 0.5 : digits.length === 11 ? 0.9 : 0.7;
    out.push(finding(text, 'phone', m.index, m.index + m[0].length, reason, confidence));
  }
  return out;
}

/** The NHS number check digit: weights 10..2 on the first nine digits, modulus 11. */
export function nhsCheckDigitValid(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === Number(digits[9]);
}

const NHS = /(?<![\w/.,+-])([1-9]\d{2})([ -]?)(\d{3})\2(\d{4})(?![\w/-]|[.,]\d)/g;
const NHS_CUE = /\bNHS\s*(?:no\.?|number|num)?\s*:?\s*$/i;
const OTHER_REFERENCE =
  /\b(?:ref(?:erence)?|case|crime|incident|log|account|order|invoice|urn|crn|job|claim)\s*(?:no\.?|number)?\s*:?\s*$/i;

export function findNhsNumbers(text: string): Finding[] {
  const out: Finding[] = [];
  for (const m of text.matchAll(NHS)) {
    const digits = `${m[1]}${m[3]}${m[4]}`;
    const before = text.slice(Math.max(0, m.index - 25), m.index);
    const valid = nhsCheckDigitValid(digits);
    const cue = NHS_CUE.test(before);
    // After "crime ref" or "account no." a 10-digit number is that reference unless it passes the check.
    const otherReference = !cue && OTHER_REFERENCE.test(before);
    if (!valid && otherReference) continue;
    const reason = valid
      ? `10-digit NHS number (check digit valid)${cue ? ', after "NHS number"' : ''}${otherReference ? ', though labelled as another reference' : ''}`
      : `10-digit number shaped like an NHS number, but the check digit fails${cue ? '; after "NHS number"' : ''}`;
    const confidence = valid ? (otherReference ? 0.5 : 0.9) : cue ? 0.7 : 0.4;
    out.push(finding(text, 'nhs', m.index, m.index + m[0].length, reason, confidence));
  }
  return out;
}

const NI = /\b([A-Z]{2})[ \u00a0]?(\d{2})[ \u00a0]?(\d{2})[ \u00a0]?(\d{2})(?:[ \u00a0]?([A-D]))?\b/gi;
const NI_CUE = /\b(?:NI|NINO|national insurance)\s*(?:no\.?|number)?\s*:?\s*$/i;
const NI_BAD_PREFIX = /^(?:[DFIQUV].|.[DFIOQUV]|BG|GB|KN|NK|NT|TN|ZZ)$/;

export function findNiNumbers(text: string): Finding[] {
  const out: Finding[] = [];
  for (const m of text.matchAll(NI)) {
    const prefix = (m[1] ?? '').toUpperCase();
    const cue = NI_CUE.test(text.slice(Math.max(0, m.index - 30), m.index));
    if (!m[5] && !cue) continue;
    const validPrefix = !NI_BAD_PREFIX.test(prefix);
    const reason = `National Insurance number shape${validPrefix ? '' : ' (prefix not issued)'}${cue ? ', after "NI number"' : ''}`;
    out.push(finding(text, 'ni', m.index, m.index + m[0].length, reason, validPrefix || cue ? 0.9 : 0.6));
  }
  return out;
}

const POSTCODE = /\b(?:GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?[ \u00a0]?\d[ABD-HJLNP-UW-Z]{2})\b/gi;

export function findPostcodes(text: string): Finding[] {
  return [...text.matchAll(POSTCODE)].flatMap((m) => {
    // "M6 1pm" is a motorway and a time.
    if (/\d[ap]m$/.test(m[0])) return [];
    const upper = m[0] === m[0].toUpperCase();
    const reason = `UK postcode${/\s/.test(m[0]) ? '' : ' (written without a space)'}`;
    return [finding(text, 'postcode', m.index, m.index + m[0].length, reason, upper ? 0.95 : 0.75)];
  });
}
