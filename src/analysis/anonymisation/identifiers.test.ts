import { describe, expect, it } from 'vitest';
import { findPersonalData, type FindingKind } from './detect.js';

/** The flagged strings of one kind. */
const flagged = (text: string, kind: FindingKind) =>
  findPersonalData(text)
    .filter((f) => f.kind === kind)
    .map((f) => f.text);
const one = (text: string, wanted: string) => findPersonalData(text).find((f) => f.text === wanted);

describe('dates', () => {
  it('finds full dates written out and in figures', () => {
    const text =
      'Seen on 14 March 2019, on 14th of March, 2019, on March 14, 2019, on 14/03/2019, on 14.03.19, on 2019-03-14 and on 3 Sept 2011.';
    expect(flagged(text, 'date')).toEqual([
      '14 March 2019',
      '14th of March, 2019',
      'March 14, 2019',
      '14/03/2019',
      '14.03.19',
      '2019-03-14',
      '3 Sept 2011',
    ]);
  });

  it('gives a date of birth the highest confidence', () => {
    const f = one('DOB 02.11.2015', '02.11.2015');
    expect(f?.kind).toBe('date');
    expect(f?.reason).toContain('date of birth');
    expect(f?.confidence).toBeGreaterThan(0.9);
  });

  it('does not flag a month and year, a year alone or a legislation year', () => {
    expect(flagged('In March 2019, in 2020 and under the Children Act 1989.', 'date')).toEqual([]);
  });

  it('does not flag paragraph numbers, section numbers, times, amounts or impossible dates', () => {
    const text =
      '4.12 The visit. See 3.1.2 and paragraph 4.2.10. At 10.30 and 12:15 she paid £12.50. Not 30.2.2019.';
    expect(flagged(text, 'date')).toEqual([]);
  });
});

describe('phone numbers, email, postcodes, NHS and National Insurance numbers', () => {
  it('finds postcodes with or without a space and in any case', () => {
    expect(flagged('At NE6 2AB, later ne6 2ab and SW1A1AA.', 'postcode')).toEqual([
      'NE6 2AB',
      'ne6 2ab',
      'SW1A1AA',
    ]);
  });

  it('does not take a road number or a time for a postcode', () => {
    expect(flagged('They drove on the M62 and the A1 at 1pm; the M6 1pm slot.', 'postcode')).toEqual([]);
  });

  it('finds UK phone numbers in many formats', () => {
    const text = 'Call 07700 900123, 0191 496 0000, +44 7700 900456, (0161) 496-0999 or 07700900124.';
    expect(flagged(text, 'phone')).toEqual([
      '07700 900123',
      '0191 496 0000',
      '+44 7700 900456',
      '(0161) 496-0999',
      '07700900124',
    ]);
  });

  it('does not flag emergency and short numbers, references or counts', () => {
    expect(
      flagged('Ring 999, 101, 111, 116 123 or 0800 1111; ref 0123; in 2019 2020 2021.', 'phone'),
    ).toEqual([]);
  });

  it('gives a helpline number a lower confidence than a mobile', () => {
    expect(one('Call 0808 808 8000.', '0808 808 8000')?.confidence).toBeLessThan(
      one('Call 07700 900123.', '07700 900123')?.confidence ?? 0,
    );
  });

  it('finds email addresses', () => {
    expect(flagged('Write to k.okafor88@example.co.uk today.', 'email')).toEqual([
      'k.okafor88@example.co.uk',
    ]);
  });

  it('finds NHS numbers and trusts a valid check digit more than a failing one', () => {
    const valid = one('NHS number 943 476 5919.', '943 476 5919');
    const failing = one('Number 943 476 5918 on file.', '943 476 5918');
    expect(valid?.kind).toBe('nhs');
    expect(failing?.kind).toBe('nhs');
    expect(failing?.confidence).toBeLessThan(valid?.confidence ?? 0);
    expect(failing?.reason).toContain('check digit fails');
    expect(flagged('Plain 9434765919 and dashed 943-476-5919.', 'nhs')).toEqual([
      '9434765919',
      '943-476-5919',
    ]);
  });

  it('does not read an NHS number inside a longer number or a crime reference', () => {
    expect(flagged('Account 12345678901234 and crime ref 4412345670.', 'nhs')).toEqual([]);
  });

  it('finds National Insurance numbers with or without spaces', () => {
    expect(flagged('NI numbers AB 12 34 56 C and JK428136B.', 'ni')).toEqual(['AB 12 34 56 C', 'JK428136B']);
  });
});
