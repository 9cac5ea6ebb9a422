import { describe, expect, it } from 'vitest';
import { frameSentence, frameText } from './framing.js';

const framing = (s: string) => frameSentence(s).framing;

describe('blame and hindsight language against systems language', () => {
  it('reads judgement of the past as hindsight and keeps the phrase that decided it', () => {
    expect(
      frameSentence('The nurse should have referred the baby for a medical that afternoon.'),
    ).toMatchObject({
      framing: 'hindsight',
      cue: 'should have',
    });
    expect(framing('This was a missed opportunity to protect the children.')).toBe('hindsight');
    expect(framing('It is clear that the risk was known to all agencies by May.')).toBe('hindsight');
    expect(framing('Had the school passed on its worries, the assault would not have happened.')).toBe(
      'hindsight',
    );
  });

  it('reads a judgement of a person’s conduct as blame', () => {
    expect(framing('The duty officer was careless with the address and never checked it.')).toBe('blame');
    expect(framing('The manager chose not to escalate the case.')).toBe('blame');
  });

  it('reads what made it hard at the time as systems language', () => {
    expect(framing('The worker carried a caseload of thirty-two families that month.')).toBe('systems');
    expect(framing('Her decision made sense at the time, given what she had been told.')).toBe('systems');
    expect(framing('The two electronic systems did not talk to each other.')).toBe('systems');
  });

  it('does not read forward-looking advice, quotes, method or rejected judgements as hindsight', () => {
    expect(framing('The partnership should ensure that every referral is acknowledged within a day.')).toBe(
      'neutral',
    );
    expect(framing('Her sister said: “They failed her, every one of them.”')).toBe('neutral');
    expect(framing('The review has tried throughout to avoid hindsight bias.')).toBe('neutral');
    expect(framing('This review does not find that the GP failed to act on what he knew.')).not.toBe(
      'hindsight',
    );
    expect(framing('Mr K failed to attend three appointments in March.')).toBe('neutral');
  });

  it('reads "failed" said of a process or a machine as a systems finding', () => {
    expect(framing('The referral failed to reach the team because the fax number had changed.')).toBe(
      'systems',
    );
  });

  it('sums a text up per 1,000 words', () => {
    const { summary, sentences } = frameText([
      'The nurse should have referred the baby. The worker carried a caseload of thirty families. The visit took place on Monday.',
    ]);
    expect(sentences.map((s) => s.framing)).toEqual(['hindsight', 'systems', 'neutral']);
    expect(summary.words).toBe(21);
    expect(summary.judgingPer1000Words).toBe(47.6);
    expect(summary.systemsPer1000Words).toBe(47.6);
    expect(summary.ratio).toBe(1);
  });
});
