import { describe, expect, it } from 'vitest';
import { headingWithoutNumber, looksLikeHeading } from './layout.js';
import { textToBlocks } from './extract/text.js';

describe('looksLikeHeading: a line standing alone in plain text', () => {
  it.each([
    ['3. Findings', 1],
    ['Part Three: Background and key events', 1],
    ['Learning point 2: Missing episodes were seen individually, not as a pattern', 2],
    ['Finding 4: Health information did not travel with the child', 2],
    ['TERMS OF REFERENCE', 1],
    ['Agencies Involved', 2],
    // sentence case, as GOV.UK style writes headings
    ['Terms of reference', 2],
    ['The withdrawal from school', 2],
    ['What happened', 2],
  ])('"%s" is a heading', (text, level) => expect(looksLikeHeading(text)).toEqual({ level }));

  it.each([
    'The fire service responded promptly to the direct referral and fitted smoke alarms.',
    'Coventry Safeguarding Children Partnership | CSPR "Tia" | Final report',
    'Author: Graham Pethick, Independent Reviewer',
    'Independent reviewer: Helen Marsh',
    "How were Toby's views and wishes heard?",
    'd) How was the safeguarding concern raised in June 2021 responded to',
    'November 2018',
    'The terms of reference asked the review to consider:',
    'The mother’s health was central but was never assessed in relation to Child L',
  ])('"%s" is not', (text) => expect(looksLikeHeading(text)).toBeNull());

  it('takes sentence case only from plain text, not from PDF lines (strict), where fonts tell', () => {
    expect(looksLikeHeading('The withdrawal from school', true)).toBeNull();
    expect(looksLikeHeading('Part Three: Background', true)).toEqual({ level: 1 });
  });
});

describe('textToBlocks: headings with no blank line before them', () => {
  const blocks = (text: string) => textToBlocks(text).blocks.map((b) => `${b.kind}: ${b.text}`);

  it('takes a numbered heading straight after a finished paragraph, before a blank line or a numbered paragraph', () => {
    expect(
      blocks(
        [
          '1.27 The report will be shared with the partnership.',
          'Part Two: Background and Pen Pictures',
          '',
          '2.1 Marta was born in Gdansk.',
          '3. Findings',
          '3.1 The review found that the risk was not seen.',
        ].join('\n'),
      ),
    ).toEqual([
      'paragraph: 1.27 The report will be shared with the partnership.',
      'heading: Part Two: Background and Pen Pictures',
      'paragraph: 2.1 Marta was born in Gdansk.',
      'heading: 3. Findings',
      'paragraph: 3.1 The review found that the risk was not seen.',
    ]);
  });

  it('makes no heading of a short numbered question or a wrapped line that starts with a number', () => {
    expect(
      blocks(
        [
          'The review asked these questions:',
          '2. Was Child L heard?',
          '',
          'The family moved in the spring.',
          '12 months later the family moved',
          'again, to a flat in the town centre.',
        ].join('\n'),
      ),
    ).toEqual([
      'paragraph: The review asked these questions:',
      'paragraph: 2. Was Child L heard?',
      'paragraph: The family moved in the spring.',
      'paragraph: 12 months later the family moved again, to a flat in the town centre.',
    ]);
  });
});

describe('headingWithoutNumber: what a heading says', () => {
  it.each([
    ['7.2 Finding 4: Owen was not heard', 'Owen was not heard'],
    [
      'Finding 3: Housing and health did not share information',
      'Housing and health did not share information',
    ],
    ['Learning point 2. Plans were not reviewed', 'Plans were not reviewed'],
    ['Key practice episode 2: The home visit', 'The home visit'],
    ['Part Three: Background and key events', 'Background and key events'],
    ['3. Findings', 'Findings'],
    ['Information sharing and assurance', 'Information sharing and assurance'],
    ['2021 was the year of the pandemic', '2021 was the year of the pandemic'],
  ])('"%s" says "%s"', (heading, words) => expect(headingWithoutNumber(heading)).toBe(words));
});
