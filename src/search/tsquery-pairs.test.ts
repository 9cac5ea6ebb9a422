import { describe, expect, it } from 'vitest';
import { parseTsquery, printTsquery, reviewMatch } from './tsquery-pairs.js';

describe('word pairs for the whole-review index', () => {
  it('reads and writes back what PostgreSQL prints for a tsquery', () => {
    const text = `'gp' | 'general' <-> 'practition' & !'o''brien' | 'child' <2> 'adolesc'`;
    const node = parseTsquery(text);
    expect(node && printTsquery(node)).toBe(
      `(('gp' | (('general' <1> 'practition') & !('o''brien'))) | ('child' <2> 'adolesc'))`,
    );
    expect(parseTsquery('')).toBeNull();
    expect(() => parseTsquery(`'a' &`)).toThrow(/unexpected tsquery text/);
  });

  it('answers a two-word phrase by its pair alone, with nothing left to check', () => {
    expect(reviewMatch(`'domest' <-> 'abus'`)).toEqual({ sure: `'domest abus'`, unsure: null });
    expect(reviewMatch(`'gp' | 'general' <-> 'practition' | 'father'`)).toEqual({
      sure: `(('gp' | 'general practition') | 'father')`,
      unsure: null,
    });
  });

  it('keeps a longer phrase to be checked, only for reviews holding all its words and pairs and nothing surer', () => {
    const { sure, unsure } = reviewMatch(`'camh' | 'child' <2> 'adolesc' <-> 'mental' <-> 'health'`);
    expect(sure).toBe(`'camh'`);
    expect(unsure).toBe(
      `(('camh' | ((((('child' & 'adolesc') & 'mental') & 'health') & 'adolesc mental') & 'mental health')) & !('camh'))`,
    );
    // Alone, a long phrase has no sure part: every candidate is checked.
    expect(reviewMatch(`'child' <-> 'protect' <-> 'plan'`).sure).toBeNull();
  });

  it('turns bounds around under an exclusion, so that neither side loses a match', () => {
    // neglect, but not the long phrase: sure are reviews without any of its words and pairs; the
    // rest that have neglect are checked.
    const { sure, unsure } = reviewMatch(`'neglect' & !( 'child' <-> 'protect' <-> 'plan' )`);
    expect(sure).toBe(
      `('neglect' & !((((('child' & 'protect') & 'plan') & 'child protect') & 'protect plan')))`,
    );
    expect(unsure).toBe(`('neglect' & !(${sure}))`);
    expect(reviewMatch(`'neglect' & !( 'domest' <-> 'abus' )`)).toEqual({
      sure: `('neglect' & !('domest abus'))`,
      unsure: null,
    });
  });
});
