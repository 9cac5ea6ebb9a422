import { describe, expect, it } from 'vitest';
import type { Block } from './model.js';
import { classifyHeading, sectionKindsOf, segment, splitHeadingNumber } from './segment.js';

const h = (text: string, level = 2): Block => ({ kind: 'heading', text, page: 1, level });
const p = (text: string, page = 1): Block => ({ kind: 'paragraph', text, page });
const li = (text: string, listIndex?: number): Block => ({
  kind: 'list-item',
  text,
  page: 2,
  ...(listIndex ? { listIndex } : {}),
});

describe('classifyHeading', () => {
  it.each([
    ['Executive Summary', 'executive-summary'],
    ['Summary of key events', 'chronology'],
    ['3. Terms of Reference', 'terms-of-reference'],
    ['Analysis and findings', 'findings'],
    ['Learning for the partnership', 'learning'],
    ['Recommendations for agencies', 'recommendations'],
    ['Glossary of terms', 'glossary'],
    ['The views of the family', 'family-involvement'],
    ['Good practice', 'good-practice'],
    ['A walk in the park', 'other'],
    // plain-English headings
    ['Contributing Agencies', 'agencies'],
    ['Who took part', 'agencies'],
    ['What we wanted to find out', 'terms-of-reference'],
    ['How we did the review', 'methodology'],
    ['Words we use in this report', 'glossary'],
    ['Why we did this review', 'introduction'],
    // matters considered and set aside
    ['Matters Considered and Not Found to Be Significant', 'ruled-out'],
    ['Issues considered and ruled out', 'ruled-out'],
    ['Things we considered that did not affect the outcome', 'ruled-out'],
    ['Acknowledgements', 'agencies'],
    ['Review panel members', 'agencies'],
    ['Panel members', 'agencies'],
    ['Other matters considered', 'ruled-out'],
    ['Matters considered and discounted', 'ruled-out'],
    ['Panel members:', 'agencies'],
    ['List of panel members and their roles', 'agencies'],
    // sections that often hold analysis
    ['Wider issues considered', 'other'],
    ['Further matters considered by the panel', 'other'],
    // "considered" alone does not set a matter aside, nor do panel members' own words
    ['Summary of matters considered', 'other'],
    ['Key issues considered by the review', 'findings'],
    ['Issues considered and lessons learned', 'learning'],
    ['Reflections of panel members', 'other'],
    // the analysis set out by the review's questions
    ['Analysis against the terms of reference', 'findings'],
    ['Findings by key line of enquiry', 'findings'],
    ['2. Terms of Reference and Scope', 'terms-of-reference'],
  ])('"%s" is %s', (heading, kind) => expect(classifyHeading(heading.replace(/^\d+\.\s*/, ''))).toBe(kind));
});

describe('splitHeadingNumber', () => {
  it('separates section numbers from titles', () => {
    expect(splitHeadingNumber('4.2 Health visiting')).toEqual({ number: '4.2', title: 'Health visiting' });
    expect(splitHeadingNumber('Section 3: Findings')).toEqual({ number: '3', title: 'Findings' });
    expect(splitHeadingNumber("A Child's Journey")).toEqual({ number: null, title: "A Child's Journey" });
    expect(splitHeadingNumber('Part One: Introduction')).toEqual({ number: 'One', title: 'Introduction' });
    expect(splitHeadingNumber('Part Six: Recommendations')).toEqual({
      number: 'Six',
      title: 'Recommendations',
    });
    expect(splitHeadingNumber('Part IV - Analysis')).toEqual({ number: 'IV', title: 'Analysis' });
    expect(splitHeadingNumber('Section 47 enquiries were not started')).toEqual({
      number: null,
      title: 'Section 47 enquiries were not started',
    });
  });
});

describe('segment', () => {
  it('keeps paragraph numbers, sections and pages for each passage', () => {
    const out = segment([
      h('Serious Case Review: Child P', 1),
      p('FICTIONAL.'),
      h('4. Findings'),
      p('4.12 The health visitor visited twice.', 3),
    ]);
    expect(out.sections.map((s) => [s.kind, s.heading])).toEqual([
      ['front-matter', 'Serious Case Review: Child P'],
      ['findings', 'Findings'],
    ]);
    const last = out.passages[out.passages.length - 1];
    expect(last).toMatchObject({
      paragraph: '4.12',
      page: 3,
      text: 'The health visitor visited twice.',
      sectionSeq: 2,
    });
  });

  it('takes numbered list items under a recommendations heading, across its sub-headings', () => {
    const out = segment([
      h('Recommendations'),
      p('The review makes the following recommendations:'),
      h('For the police', 3),
      li('The police should review how domestic abuse notifications are shared with schools.', 1),
      h('For health', 3),
      li('The ICB should ensure that GPs record who lives in the household.', 2),
      h('Glossary'),
      li('MASH: multi-agency safeguarding hub, the front door for referrals.'),
    ]);
    expect(out.recommendations.map((r) => [r.number, r.text.slice(0, 20)])).toEqual([
      ['1', 'The police should re'],
      ['2', 'The ICB should ensur'],
    ]);
    expect(out.sections.map((s) => s.kind)).toEqual([
      'recommendations',
      'recommendations',
      'recommendations',
      'glossary',
    ]);
  });

  it('finds "Recommendation N:" paragraphs wherever they stand', () => {
    const out = segment([
      h('Finding 2: Fathers were not seen'),
      p('Recommendation 3: Midwifery should ask about every adult in the home at booking.'),
    ]);
    expect(out.recommendations).toEqual([
      expect.objectContaining({
        number: '3',
        text: 'Midwifery should ask about every adult in the home at booking.',
      }),
    ]);
  });

  it('does not count an introductory sentence in the recommendations section', () => {
    const out = segment([h('Recommendations'), p('This review makes four recommendations to the board.')]);
    expect(out.recommendations).toHaveLength(0);
  });
});

describe('a part of the analysis headed by the question it answers', () => {
  const kinds = (blocks: Block[]) => segment(blocks).sections.map((s) => [s.kind, s.heading]);

  it('is analysis inside the analysis, or straight after it when all headings are one size', () => {
    const body = [p('The care plan was not reviewed after the fall.')];
    expect(
      kinds([
        h('6. Analysis', 1),
        ...body,
        h('Care at the home (terms of reference b)', 2),
        ...body,
        h('The lines of enquiry and what agencies knew', 2),
        ...body,
      ]).map(([kind]) => kind),
    ).toEqual(['findings', 'findings', 'findings']);
    expect(
      kinds([
        h('6. Analysis'),
        ...body,
        h('Care at the home (terms of reference b)'),
        ...body,
        h('Key line of enquiry 3: Listening to Edith'),
        ...body,
      ]).map(([kind]) => kind),
    ).toEqual(['findings', 'findings', 'findings']);
  });

  it('stays a term of reference where the review sets its questions', () => {
    const body = [p('Did agencies share what they knew about the home?')];
    expect(
      kinds([
        h('2. Terms of reference', 1),
        ...body,
        h('Term of reference 1: Information sharing', 2),
        ...body,
        h('3. Background', 1),
        ...body,
        h('Key line of enquiry 2: Care at the home', 1),
        ...body,
        h('7. Conclusions', 1),
        ...body,
        h('Terms of reference', 1),
        ...body,
        h('8. Conclusions', 1),
        ...body,
        h('Key questions', 1),
        ...body,
      ]).map(([kind]) => kind),
    ).toEqual([
      'terms-of-reference',
      'terms-of-reference',
      'background',
      'terms-of-reference',
      'conclusions',
      'terms-of-reference',
      'conclusions',
      'terms-of-reference',
    ]);
  });
});

describe('sectionKindsOf: the kinds of stored sections under the current rules', () => {
  const body = p('The care plan was not reviewed after the fall.');
  const report = segment([
    p('FICTIONAL TEST DOCUMENT'),
    h('Safeguarding Adults Review: Edith', 1),
    body,
    h('2. Terms of reference', 1),
    body,
    h('6. Analysis', 1),
    body,
    h('Care at the home (terms of reference b)', 1),
    body,
    h('Other matters considered', 1),
    body,
    h('7. Recommendations', 1),
    h('For the care home', 2),
    li('Review every care plan after a fall.'),
    h('Review panel members', 1),
    body,
  ]).sections;

  it('gives what segmenting the report gives, from the headings and levels alone', () => {
    expect(report.map((s) => s.kind)).toEqual([
      'front-matter',
      'other',
      'terms-of-reference',
      'findings',
      'findings',
      'ruled-out',
      'recommendations',
      'recommendations',
      'agencies',
    ]);
    expect(sectionKindsOf(report)).toEqual(report.map((s) => s.kind));
  });

  // as stored under older rules: every kind read as findings
  const stored = (rows: Array<[string, number]>) =>
    rows.map(([heading, level]) => ({ heading, level, kind: 'findings' as const }));

  it('gives a sub-heading its parent’s kind, as segmenting does', () => {
    const rows = stored([
      ['Findings', 1],
      ['Other matters considered', 1],
      ['The housing history', 2],
      ['Recommendations', 1],
      ['For the care home', 2],
    ]);
    expect(sectionKindsOf(rows)).toEqual([
      'findings',
      'ruled-out',
      'ruled-out',
      'recommendations',
      'recommendations',
    ]);
  });

  it('keeps the kinds it is told to keep, and the sections under them follow', () => {
    const rows = [
      { heading: 'Findings', level: 1, kind: 'findings' as const },
      { heading: 'About [name removed]', level: 1, kind: 'background' as const },
      { heading: 'Early life', level: 2, kind: 'background' as const },
      { heading: 'Other matters considered', level: 1, kind: 'findings' as const },
    ];
    expect(sectionKindsOf(rows, (s) => s.heading.includes('removed]'))).toEqual([
      'findings',
      'background',
      'background',
      'ruled-out',
    ]);
    expect(sectionKindsOf(rows)).toEqual(['findings', 'other', 'other', 'ruled-out']);
  });
});
