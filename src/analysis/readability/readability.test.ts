import { describe, expect, it } from 'vitest';
import { easeBand, isPassive, readability, syllables } from './readability.js';

describe('readability', () => {
  it('counts syllables of everyday and review words as a reader says them', () => {
    const cases: Array<[string, number]> = [
      ['cat', 1],
      ['made', 1],
      ['makes', 1],
      ['table', 2],
      ['saved', 1],
      ['wanted', 2],
      ['mother', 2],
      ['practitioner', 4],
      ['recommendation', 5],
      ['information', 4],
      ['hospital', 3],
      ['neglect', 2],
    ];
    for (const [word, n] of cases) expect(syllables(word), word).toBe(n);
  });

  it('scores a short plain sentence as easy and a long Latinate one as very difficult', () => {
    const plain = readability('The nurse saw the baby. She told the doctor. The doctor came at once.');
    expect(plain.sentences).toBe(3);
    expect(plain.words).toBe(14);
    expect(plain.fleschReadingEase).toBeGreaterThan(90);
    expect(easeBand(plain.fleschReadingEase)).toBe('easy');
    const dense = readability(
      'Notwithstanding the multi-agency operational arrangements, the organisational accountability for the implementation of the recommendations remained insufficiently articulated across the respective safeguarding partnership governance structures, resulting in considerable ambiguity regarding responsibilities.',
    );
    expect(dense.sentences).toBe(1);
    expect(dense.fleschReadingEase).toBeLessThan(10);
    expect(dense.longSentenceShare).toBe(1);
    expect(easeBand(dense.fleschReadingEase)).toBe('very difficult');
  });

  it('computes Flesch reading ease from its formula', () => {
    // 6 words, 1 sentence, 6 syllables: 206.835 - 1.015 * 6 - 84.6 * 1 = 116.145
    expect(readability('The cat sat on the mat.').fleschReadingEase).toBe(116.1);
  });

  it('finds passive sentences, with adverbs between, and not adjectives or active verbs', () => {
    expect(isPassive('The referral was not passed on to the team.')).toBe(true);
    expect(isPassive('Child D was seen by the GP on two occasions.')).toBe(true);
    expect(isPassive('The family had been told that a visit would follow.')).toBe(true);
    expect(isPassive('Concerns were subsequently shared with the school.')).toBe(true);
    expect(isPassive('The health visitor saw Child D at home.')).toBe(false);
    expect(isPassive('She was anxious and low in mood.')).toBe(false);
    expect(isPassive('The mother was there when the nurse arrived.')).toBe(false);
    const r = readability(
      'The referral was lost. The nurse rang the school. The plan was agreed. Nobody came.',
    );
    expect(r.passiveShare).toBe(0.5);
  });

  it('counts acronyms per 1,000 words and reading time', () => {
    const r = readability('The GP told the MASH. The HV and the GPs met. The plan was fine.');
    expect(r.words).toBe(15);
    expect(r.acronymsPer1000Words).toBe(Math.round((4 / 15) * 10000) / 10);
    expect(r.readingMinutes).toBe(1);
    expect(readability('word '.repeat(1000).trim() + '.').readingMinutes).toBe(5);
  });

  it('gives zeros, not NaN, for a text with no words', () => {
    expect(readability(' \n\n ').fleschReadingEase).toBe(0);
  });
});
