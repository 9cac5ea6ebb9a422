import { describe, expect, it } from 'vitest';
import { idf, scorePassages } from './passage-score.js';

const texts = (...list: string[]) => new Map(list.map((text, i) => [i + 1, text]));
const order = (scores: Map<number, number>) => [...scores].sort((a, b) => b[1] - a[1]).map(([id]) => id);

describe('scoring passages that match', () => {
  it('ranks a paragraph that says a word more often, at equal length, higher', () => {
    const scores = scorePassages(
      texts(
        'The health visitor noted bruising on the left arm during the visit to the family home.',
        'Bruising was seen twice: bruising on the arm and bruising on the cheek, and the visit ended.',
      ),
      [{ clauses: [['bruising']], idf: 1 }],
    );
    expect(order(scores)).toEqual([2, 1]);
  });

  it('matches English word forms as the porter stemmer does: "assessments" scores "assessed"', () => {
    const scores = scorePassages(texts('The mother was assessed by the team.', 'Nothing relevant here.'), [
      { clauses: [['assessments']], idf: 1 },
    ]);
    expect(scores.get(1)).toBeGreaterThan(0);
    expect(scores.get(2)).toBe(0);
  });

  it('counts a phrase only where its words stand together', () => {
    const scores = scorePassages(
      texts('A strategy meeting was held.', 'The meeting agreed a new strategy.'),
      [{ clauses: [['strategy', 'meeting']], idf: 1 }],
    );
    expect(scores.get(1)).toBeGreaterThan(0);
    expect(scores.get(2)).toBe(0);
  });

  it('weighs the rarer of two groups more, and a paragraph holding both most', () => {
    const groups = [
      { clauses: [['school']], idf: idf(10_000, 5_000) },
      { clauses: [['hoarding']], idf: idf(10_000, 50) },
    ];
    const scores = scorePassages(
      texts('The school raised concerns.', 'The hoarding had worsened.', 'Hoarding was known to the school.'),
      groups,
    );
    expect(order(scores)).toEqual([3, 2, 1]);
  });

  it('treats British and American spellings alike, as the index does', () => {
    const scores = scorePassages(texts("The child's behavior changed."), [
      { clauses: [['behaviour']], idf: 1 },
    ]);
    expect(scores.get(1)).toBeGreaterThan(0);
  });

  it('gives a shorter paragraph with the same count the higher score', () => {
    const long = `Bruising was seen. ${'The family moved house and the records were transferred late. '.repeat(8)}`;
    const scores = scorePassages(texts(long, 'Bruising was seen.'), [{ clauses: [['bruising']], idf: 1 }]);
    expect(order(scores)).toEqual([2, 1]);
  });
});
