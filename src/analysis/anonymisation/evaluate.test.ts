import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate.js';
import { finding, type Finding, type FindingKind } from './types.js';

/** A detector that flags exactly the given strings (first occurrence of each) as the given kinds. */
const detector =
  (flags: Array<[FindingKind, string]>) =>
  (text: string): Finding[] =>
    flags.flatMap(([kind, s]) => {
      const at = text.indexOf(s);
      return at === -1 ? [] : [finding(text, kind, at, at + s.length, 'test', 1)];
    });

describe('evaluate', () => {
  it('counts an expected finding as found when a detection of the same kind overlaps it', () => {
    const items = [
      { id: 'a', text: 'Mrs Okonjo rang.', findings: [{ kind: 'name' as const, text: 'Okonjo' }] },
    ];
    const e = evaluate(items, detector([['name', 'Mrs Okonjo']]));
    expect(e.byKind.name).toEqual({ expected: 1, found: 1, recall: 1, falsePositives: 0 });
    expect(e.recall).toBe(1);
  });

  it('lets address, street and postcode stand in for each other but keeps names and dates strict', () => {
    const items = [
      {
        id: 'a',
        text: 'At 14 Aldergate Road on 2 May 2020 with Hope.',
        findings: [
          { kind: 'street' as const, text: 'Aldergate Road' },
          { kind: 'date' as const, text: '2 May 2020' },
        ],
      },
    ];
    const e = evaluate(
      items,
      detector([
        ['address', '14 Aldergate Road'],
        ['name', 'May'],
      ]),
    );
    expect(e.byKind.street.found).toBe(1);
    expect(e.byKind.date.found).toBe(0);
    expect(e.misses).toEqual([{ id: 'a', kind: 'date', text: '2 May 2020' }]);
    // A wrong-kind detection on an expected text is a miss, not also a false positive.
    expect(e.falsePositives).toBe(0);
  });

  it('places repeated expected texts on successive occurrences', () => {
    const items = [
      {
        id: 'a',
        text: 'Jayden left. Later Jayden returned.',
        findings: [
          { kind: 'name' as const, text: 'Jayden' },
          { kind: 'name' as const, text: 'Jayden' },
        ],
      },
    ];
    // Only the first occurrence is detected, so the second expected mention is missed.
    const e = evaluate(items, detector([['name', 'Jayden']]));
    expect(e.byKind.name).toMatchObject({ expected: 2, found: 1, recall: 0.5 });
  });

  it('counts a detection overlapping no expected text as a false positive, also per 1,000 words', () => {
    const items = [{ id: 'b', text: 'The Council met in Leeds on Friday.', findings: [] }];
    const e = evaluate(items, detector([['name', 'Leeds']]));
    expect(e.byKind.name.falsePositives).toBe(1);
    expect(e.falsePositiveCases).toEqual([{ id: 'b', kind: 'name', text: 'Leeds', reason: 'test' }]);
    expect(e.falsePositivesPer1000Words).toBeCloseTo(1000 / 7);
  });

  it('scores the real detector on a small invented passage', () => {
    const items = [
      {
        id: 'c',
        text: 'Her son, Kacper, was seen by DC Varley on 3 June 2021 at 27 Willow Court.',
        findings: [
          { kind: 'name' as const, text: 'Kacper' },
          { kind: 'name' as const, text: 'DC Varley' },
          { kind: 'date' as const, text: '3 June 2021' },
          { kind: 'address' as const, text: '27 Willow Court' },
        ],
      },
    ];
    const e = evaluate(items);
    expect(e.recall).toBe(1);
    expect(e.falsePositives).toBe(0);
  });
});
