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
    expect(looksLikeHeading('Appendix A1: Chronology', true)).toEqual({ level: 1 });
    // a statute's section can head a part of a report; it keeps its number in its words
    expect(looksLikeHeading('Section 11 audit findings', true)).toEqual({ level: 1 });
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
    [
      'Learning point two: information that existed but was not looked for',
      'information that existed but was not looked for',
    ],
    ['Part Three: Background and key events', 'Background and key events'],
    ['3. Findings', 'Findings'],
    ['Information sharing and assurance', 'Information sharing and assurance'],
    ['2021 was the year of the pandemic', '2021 was the year of the pandemic'],
    ['Part IV: Analysis', 'Analysis'],
    ['Appendix B Glossary', 'Glossary'],
    ['Section 2a: The referral', 'The referral'],
    [
      'Part of the problem was that no one held the whole picture',
      'Part of the problem was that no one held the whole picture',
    ],
    ['Section on housing', 'Section on housing'],
    ['Appendix A1: Chronology', 'Chronology'],
    ['Part II - Findings', 'Findings'],
    ['Section 47 enquiries were not started', 'Section 47 enquiries were not started'],
    ['Part 4 of the Care Act was not used', 'Part 4 of the Care Act was not used'],
  ])('"%s" says "%s"', (heading, words) => expect(headingWithoutNumber(heading)).toBe(words));
});

describe('textToBlocks: text wrapped into lines with no blank line between paragraphs', () => {
  const blocks = (text: string) => textToBlocks(text).blocks.map((b) => `${b.kind}: ${b.text}`);
  // as text copied out of a PDF often reads: lines of about 80 characters, paragraphs run on
  const wrapped = [
    'Terms of reference',
    'The review was asked to consider how agencies shared what they knew about the',
    "family, and whether the threshold for a referral to children's social care was",
    'understood by everyone who worked with them.',
    'What happened',
    'Jay was born in the spring of 2021 and lived with his mother and her partner in a',
    'one-bedroom flat above a shop. The health visitor saw him at home four times in',
    'his first year, and the flat was warm and clean.',
    'In the autumn the family moved to temporary accommodation in another borough,',
    'and the health visiting record did not follow them for eleven weeks.',
  ].join('\n');

  it('ends a paragraph at a short line that finishes a sentence, and heads the next part with a short unfinished line', () => {
    expect(blocks(wrapped)).toEqual([
      'heading: Terms of reference',
      "paragraph: The review was asked to consider how agencies shared what they knew about the family, and whether the threshold for a referral to children's social care was understood by everyone who worked with them.",
      'heading: What happened',
      'paragraph: Jay was born in the spring of 2021 and lived with his mother and her partner in a one-bedroom flat above a shop. The health visitor saw him at home four times in his first year, and the flat was warm and clean.',
      'paragraph: In the autumn the family moved to temporary accommodation in another borough, and the health visiting record did not follow them for eleven weeks.',
    ]);
  });

  it('makes no heading of the first item of a list that a line ending in a colon leads into', () => {
    const listed = [
      'Information for the review came from the agencies that had worked with the family in',
      'the two years before the incident, each of which wrote a report of its involvement and',
      'gave a chronology. The agencies that gave information:',
      'Health visiting service',
      'The primary school',
      'Sometimes the chronologies disagreed about dates, and where they did the review has',
      'relied on the record written at the time rather than on what was remembered later.',
    ].join('\n');
    const read = blocks(listed);
    expect(read.filter((b) => b.startsWith('heading:'))).toEqual([]);
    expect(read[0]).toMatch(/^paragraph: Information for the review .* gave information:$/);
    expect(read.slice(1)).toEqual([
      'list-item: Health visiting service',
      'list-item: The primary school',
      'paragraph: Sometimes the chronologies disagreed about dates, and where they did the review has relied on the record written at the time rather than on what was remembered later.',
    ]);
  });

  it('keeps every short item of a list after a colon, not a quotation, and ends it at a heading of numbered paragraphs', () => {
    const opening = [
      'The review panel met six times between March and October and considered the reports of',
      'each agency, the chronology and the views of the family, and agreed what it had learned',
      'about the way the agencies worked together. The panel recommends that the Partnership:',
    ];
    const recommends = [
      ...opening,
      'Seeks assurance that GP practices record low mood.',
      'Reviews the perinatal mental health pathway.',
      'Audits the use of the escalation policy.',
    ];
    expect(blocks(recommends.join('\n')).slice(1)).toEqual([
      'list-item: Seeks assurance that GP practices record low mood.',
      'list-item: Reviews the perinatal mental health pathway.',
      'list-item: Audits the use of the escalation policy.',
    ]);
    const quoted = [
      ...opening.slice(0, 2),
      'about the way the agencies worked together. Her sister told the panel what she saw:',
      '"She kept saying she was fine. She wasn\'t."',
    ];
    expect(blocks([...opening, ...quoted].join('\n')).filter((b) => b.startsWith('list-item'))).toEqual([]);
    const agencies = [
      ...opening.slice(0, 2),
      'about the way the agencies worked together. The following agencies contributed:',
      "Children's social care",
      'The primary school',
      'Findings',
      '4.1 The school recorded three concerns about the boy in the spring term and shared none.',
    ];
    expect(blocks(agencies.join('\n')).slice(1)).toEqual([
      "list-item: Children's social care",
      'list-item: The primary school',
      'heading: Findings',
      `paragraph: ${agencies[6]}`,
    ]);
  });

  it('reads Markdown headings (and lines in bold that read as headings) in plain text, and leaves prose that starts with a hash', () => {
    const pasted = [
      '## Findings',
      '4.1 The school recorded three concerns about the boy in the spring term.',
      '4.2 Each concern was logged on its own system.',
      '',
      '# 1 priority for the partnership is information sharing.',
      '',
      '#hashtag campaigns reached few parents.',
      '',
      '### Finding 2: Plans were not reviewed ###',
      '',
      '## What needs to change?',
      '',
      '# of contacts to the front door: 1,204',
      '',
      '**Learning for the partnership**',
      '',
      '**The mother was not seen alone at any of the six visits.**',
    ].join('\n');
    expect(textToBlocks(pasted).blocks.map((b) => [b.kind, b.level ?? null, b.text])).toEqual([
      ['heading', 2, 'Findings'],
      ['paragraph', null, '4.1 The school recorded three concerns about the boy in the spring term.'],
      ['paragraph', null, '4.2 Each concern was logged on its own system.'],
      ['paragraph', null, '# 1 priority for the partnership is information sharing.'],
      ['paragraph', null, '#hashtag campaigns reached few parents.'],
      ['heading', 3, 'Finding 2: Plans were not reviewed'],
      ['heading', 2, 'What needs to change?'],
      ['paragraph', null, '# of contacts to the front door: 1,204'],
      ['heading', 2, 'Learning for the partnership'],
      ['paragraph', null, '**The mother was not seen alone at any of the six visits.**'],
    ]);
  });

  it('leaves a few short lines, or lines that run on, as one paragraph', () => {
    expect(blocks('The visit was brief.\nThe flat was cold.\nNo one asked why.')).toEqual([
      'paragraph: The visit was brief. The flat was cold. No one asked why.',
    ]);
    // sentences that end on a full line: the paragraph goes on
    const full = [
      "The family were known to children's social care, the police and the school nurse.",
      'Each agency held part of the picture, and none of them held the whole of it at any',
      'point in the two years before the review began, which is a finding this review has',
      'made before in other words about other children in other parts of the county too.',
      'No one was asked to bring the pieces together, and so no one did it in the end.',
      'The partnership has accepted this.',
    ];
    expect(blocks(full.join('\n'))).toEqual([`paragraph: ${full.join(' ')}`]);
  });
});
