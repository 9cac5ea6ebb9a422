import { describe, expect, it } from 'vitest';
import { CODING, ThemeCoder, documentFeatures, documentProbability, inBoilerplateSection } from './coder.js';
import { evaluate } from './evaluate.js';
import { SEED_INDICATORS } from './indicators.js';
import { Scorer, trainModel } from './model.js';
import { compileThemes, indicatorPattern, ruleHits } from './rules.js';
import { TAXONOMY_VERSION_1 } from './taxonomy.js';
import { features, isBoilerplateSentence, isNegated, sentences } from './text.js';
import { cooccurrence, normalCdf, poissonTrend } from './trends.js';
import { emergingTerms } from './emerging.js';

const THEMES = TAXONOMY_VERSION_1.map((t) => ({ ...t, indicators: SEED_INDICATORS[t.slug] ?? [] }));
const rulesOnly = new ThemeCoder(THEMES, null);
const slugsOf = (text: string) => rulesOnly.codeText(text).map((c) => c.slug);
/**
 * A theme of the tests' own, so that its scores are known: a strong indicator scores 0.9, weak ones
 * in two sentences of a passage 0.45 (rules only, no model).
 */
const HOUSEHOLD = {
  ...THEMES[0]!,
  slug: 'household',
  label: 'Household safety',
  indicators: [
    { match: 'any' as const, text: 'smoke alarm', strength: 'strong' as const },
    { match: 'any' as const, text: 'kettle', strength: 'weak' as const },
    { match: 'any' as const, text: 'toaster', strength: 'weak' as const },
  ],
};

describe('the taxonomy seed', () => {
  it('has the 32 reference themes, each with indicators and a group', () => {
    expect(THEMES).toHaveLength(32);
    expect(new Set(THEMES.map((t) => t.slug)).size).toBe(32);
    for (const t of THEMES) {
      expect(t.indicators.length, t.slug).toBeGreaterThan(0);
      expect(['harm', 'protection']).toContain(t.group);
    }
    expect(THEMES.find((t) => t.slug === 'sudi')?.applies).toEqual(['child']);
  });
});

describe('sentences', () => {
  it('keeps "Mr. B", "s.47" and "e.g." inside their sentence', () => {
    expect(sentences('Mr. B was seen on 3 May. A s.47 enquiry followed, e.g. a visit. It closed.')).toEqual([
      'Mr. B was seen on 3 May.',
      'A s.47 enquiry followed, e.g. a visit.',
      'It closed.',
    ]);
  });
});

describe('negation: a concern ruled out is not a theme', () => {
  const negated = (sentence: string, words: string) => {
    const at = sentence.indexOf(words);
    return isNegated(sentence, at, at + words.length);
  };
  it.each([
    ['There was no evidence of domestic abuse in the relationship.', 'domestic abuse'],
    ['Domestic abuse was not a feature of the family history.', 'Domestic abuse'],
    ['Alcohol played no part in the events of that night.', 'Alcohol'],
    ['No concerns about neglect were raised by the school.', 'neglect'],
    ['The skeletal survey showed no fractures.', 'fractures'],
    ['Her attendance was good throughout; education was not itself a concern.', 'education'],
    ['Alcohol was not found to be a factor in her death.', 'Alcohol'],
  ])('"%s" negates "%s"', (sentence, words) => expect(negated(sentence, words)).toBe(true));

  it.each([
    ['No one recognised the domestic abuse for what it was.', 'domestic abuse'],
    ['Information was not shared with the GP, but the neglect was obvious to the nursery.', 'neglect'],
    ['Although there was no evidence of drug use, domestic abuse was reported twice.', 'domestic abuse'],
    ['The neglect was not itself recognised by any agency.', 'neglect'],
    ['The bruising on her arm was not concerning to the nurse, who did not refer.', 'bruising'],
  ])('"%s" does not negate "%s"', (sentence, words) => expect(negated(sentence, words)).toBe(false));

  it('codes the theme that is present and not the one ruled out in the same sentence', () => {
    const codes = slugsOf(
      'There was no indication of substance misuse, but the mother described repeated domestic abuse by her partner.',
    );
    expect(codes).toContain('domestic-abuse');
    expect(codes).not.toContain('substance-misuse');
  });
});

describe('boilerplate: mentions that describe the review are not themes', () => {
  it.each([
    'The terms of reference asked the review to consider domestic abuse, parental mental health and substance misuse.',
    'The following agencies contributed to the review: Substance Misuse Service, the police and CAMHS.',
    'MARAC – Multi-Agency Risk Assessment Conference',
    'We asked ourselves whether domestic abuse was part of what happened.',
    'The panel also looked at whether the family had been exploited.',
  ])('"%s" is boilerplate', (s) => expect(isBoilerplateSentence(s)).toBe(true));

  it.each([
    'The health visitor did not know that the father had been violent towards the mother.',
    // a practitioner's question is practice, not the review's
    'The midwife never asked whether there was domestic abuse at home.',
  ])('does not treat a finding as boilerplate: "%s"', (s) => expect(isBoilerplateSentence(s)).toBe(false));

  it('codes nothing from a terms-of-reference paragraph that lists themes', () => {
    expect(
      slugsOf(
        'The review was asked to consider the following lines of enquiry: domestic abuse, neglect and child sexual exploitation.',
      ),
    ).toEqual([]);
  });

  it('ignores sections headed as glossaries or terms of reference in a report', () => {
    const codes = rulesOnly.code([
      {
        text: 'CSE – child sexual exploitation. SUDI – sudden unexpected death in infancy.',
        section: 'Glossary',
        paragraph: null,
        page: 9,
      },
      {
        text: 'Consider the impact of domestic abuse and coercive control.',
        section: 'Terms of reference',
        sectionKind: 'terms-of-reference',
        paragraph: '1.2',
        page: 2,
      },
    ]);
    expect(codes).toEqual([]);
  });
});

describe('indicators', () => {
  it('matches any, all, exact and regex indicators on whole words with simple endings', () => {
    expect(
      indicatorPattern({ match: 'exact', text: 'written agreement', strength: 'strong' }).test(
        'two written agreements were signed',
      ),
    ).toBe(true);
    expect(
      indicatorPattern({ match: 'any', text: 'hoard clutter', strength: 'strong' }).test(
        'she was hoarding papers',
      ),
    ).toBe(true);
    expect(
      indicatorPattern({ match: 'any', text: 'hoard', strength: 'strong' }).test('the hoardings outside'),
    ).toBe(false);
    expect(
      indicatorPattern({ match: 'all', text: 'father assessed', strength: 'strong' }).test(
        'nobody assessed the father',
      ),
    ).toBe(true);
    expect(
      indicatorPattern({ match: 'all', text: 'father assessed', strength: 'strong' }).test(
        'nobody assessed the mother',
      ),
    ).toBe(false);
  });

  // Found where new writers' passages were over-coded: the words, in another sense or too general.
  it.each([
    ['She tripped over the raised threshold of the back door.', 'thresholds-escalation', false],
    ['The threshold for a strategy discussion was not understood.', 'thresholds-escalation', true],
    ["The health visitor described him as 'a curious, busy little boy'.", 'professional-curiosity', false],
    ['Practitioners were not curious about who else lived in the flat.', 'professional-curiosity', true],
    ['His own words were not brought into the initial assessment.', 'disability-health', false],
    ['Child D was not brought to four dental appointments.', 'disability-health', true],
    ['Her role as a carer for her brothers was not recognised by any agency.', 'risk-assessment', false],
    ['The housing association completed its annual fire risk assessment.', 'risk-assessment', false],
    ['There was no assessment of his capacity to decide where to live.', 'risk-assessment', false],
    ['There was no assessment of the risk the father posed.', 'risk-assessment', true],
    ['The triage decision was never revisited.', 'risk-assessment', true],
    ['The decision was made to hold a meeting.', 'risk-assessment', false],
    [
      'The practice manager declined to share it because Mr S had not consented.',
      'supervision-workload',
      false,
    ],
    ['The team manager signed off the assessment without reading it.', 'supervision-workload', true],
    ['The panel regards the first attendance at hospital as a missed opportunity.', 'education', false],
    ['He persuaded her to send him images of herself.', 'education', false],
    ["Child L's school attendance fell to 62 per cent.", 'education', true],
    ['She had been on SEND support since Year 3.', 'education', true],
    ["The housing officer noticed that Paul's door had been forced.", 'housing-poverty', false],
    ['The family were evicted for rent arrears.', 'housing-poverty', true],
    ['She was referred to the community mental health team.', 'parental-mental-health', false],
    ["The mother's depression deepened after the birth.", 'parental-mental-health', true],
    ['Police had no record of any call-outs to the address.', 'record-keeping', false],
    ['The decision to close the case was not recorded.', 'record-keeping', true],
  ])('"%s": a strong indicator of %s is %s', (sentence, slug, expected) =>
    expect(
      ruleHits(sentence, compileThemes(THEMES)).some((h) => h.slug === slug && h.strength === 'strong'),
    ).toBe(expected),
  );

  it('reports the strongest indicator per theme, with the words it matched', () => {
    const hits = ruleHits(
      'Baby J was found unresponsive after co-sleeping on the sofa with his father.',
      compileThemes(THEMES),
    );
    const sudi = hits.find((h) => h.slug === 'sudi');
    expect(sudi?.strength).toBe('strong');
    expect(sudi?.matched.toLowerCase()).toMatch(/unresponsive|co-sleep/);
  });
});

describe('coding gives evidence with its place', () => {
  it('never codes a theme without a supporting sentence, section, paragraph and page', () => {
    const codes = rulesOnly.code([
      {
        text: 'Child M was 14 and going missing overnight. Older men gave her cannabis and money, and she was later found in another county with drugs.',
        section: 'Findings',
        paragraph: '4.3',
        page: 12,
      },
    ]);
    expect(codes.map((c) => c.slug)).toEqual(expect.arrayContaining(['missing', 'exploitation']));
    for (const c of codes) {
      expect(c.evidence.length).toBeGreaterThan(0);
      for (const e of c.evidence)
        expect(e).toMatchObject({ section: 'Findings', paragraph: '4.3', page: 12 });
      expect(c.evidence[0]?.reason).toMatch(/indicator/);
    }
  });

  it('leaves out themes that do not apply to the kind of review', () => {
    const text = 'The baby died after co-sleeping with her mother on the sofa.';
    expect(rulesOnly.codeText(text, 'child').map((c) => c.slug)).toContain('sudi');
    expect(rulesOnly.codeText(text, 'adult').map((c) => c.slug)).not.toContain('sudi');
  });

  it('needs more than one passing mention in a report: the document decision weighs how often and how strongly a theme comes up', () => {
    const coder = new ThemeCoder([HOUSEHOLD], null);
    const filler = Array.from({ length: 20 }, (_, i) => ({
      text: `The family attended appointment number ${i + 1} as planned.`,
      section: 'Chronology',
      paragraph: String(i + 1),
      page: 3,
    }));
    const mention = (n: number) => ({
      text: `The kettle was broken at visit ${n}. The toaster did not work either.`,
      section: 'Findings',
      paragraph: String(30 + n),
      page: 8,
    });
    const coded = (passages: Array<{ text: string; section: string; paragraph: string; page: number }>) =>
      coder.code(passages)[0]?.confidence ?? null;
    // Alone, one moderate mention is a theme; in a report of twenty-odd paragraphs it is not; two
    // are, and three more surely.
    expect(coded([mention(1)])).toBe(0.45);
    expect(coded([...filler, mention(1)])).toBeNull();
    const two = coded([...filler, mention(1), mention(2)]);
    expect(two).toBeGreaterThanOrEqual(CODING.document.cut);
    const three = coded([...filler, mention(1), mention(2), mention(3)]);
    expect(three).toBeGreaterThan(two ?? 1);
    // its confidence is the document decision's probability, not the best passage's score
    const [s1 = 0, s2 = 0, s3 = 0] = [0.45, 0.45, 0.45];
    expect(three).toBe(
      Math.round(
        documentProbability(
          documentFeatures([s1, s2, s3], filler.length + 3, CODING.threshold),
          CODING.document.weights,
        ) * 100,
      ) / 100,
    );
    // One strong, unambiguous passage is enough even in a long report.
    expect(
      coded([...filler, { ...mention(1), text: 'The smoke alarm had been taken down from the ceiling.' }]),
    ).toBeGreaterThanOrEqual(CODING.document.cut);
    // Below the document's size the short-text rule applies: three paragraphs are not a report.
    expect(coded([filler[0]!, filler[1]!, mention(1)])).toBe(0.45);

    // A theme's own term moves its bar: up, and neither two nor three mentions are enough; down, and
    // two are more surely.
    const withBias = (bias: number) =>
      new ThemeCoder([HOUSEHOLD], null, {
        ...CODING,
        document: { ...CODING.document, themeBias: { household: bias } },
      });
    expect(withBias(-1).code([...filler, mention(1), mention(2)])).toEqual([]);
    expect(withBias(-1).code([...filler, mention(1), mention(2), mention(3)])).toEqual([]);
    const twoUp = withBias(1).code([...filler, mention(1), mention(2)])[0]?.confidence;
    expect(twoUp).toBeGreaterThan(two ?? 1);
    expect(twoUp).toBe(
      Math.round(
        documentProbability(
          documentFeatures([0.45, 0.45], filler.length + 2, CODING.threshold),
          CODING.document.weights,
          1,
        ) * 100,
      ) / 100,
    );
  });

  it("reads a finding's heading as a passage of its section: it states what the review found", () => {
    const coder = new ThemeCoder([HOUSEHOLD], null);
    const filler = (section: string, from: number) =>
      Array.from({ length: 6 }, (_, i) => ({
        text: `The family attended appointment number ${from + i} as planned.`,
        section,
        sectionKind: section === 'Chronology' ? 'chronology' : 'findings',
        paragraph: String(from + i),
        page: 4,
      }));
    const heading = '7.3 Finding 2: The smoke alarm had been taken down and nobody noticed';
    const report = (kind: string) => [
      ...filler('Chronology', 1),
      ...filler(heading, 20).map((p) => ({ ...p, sectionKind: kind })),
    ];
    const [code] = coder.code(report('findings'));
    expect(code?.slug).toBe('household');
    expect(code?.evidence[0]).toMatchObject({
      text: 'The smoke alarm had been taken down and nobody noticed.',
      section: heading,
      paragraph: null,
      page: 4,
      heading: true,
    });
    // The same words heading a part of the chronology, or the terms of reference, are not read.
    expect(coder.code(report('chronology'))).toEqual([]);
    expect(coder.code(report('terms-of-reference'))).toEqual([]);
    // Nor a heading too short to state anything ("Smoke alarms").
    const short = report('findings').map((p) =>
      p.section === heading ? { ...p, section: '7.3 Smoke alarms' } : p,
    );
    expect(coder.code(short)).toEqual([]);
    // Nor a heading that asks: it states no finding.
    const asks = report('findings').map((p) =>
      p.section === heading ? { ...p, section: '7.3 Had the smoke alarm been taken down?' } : p,
    );
    expect(coder.code(asks)).toEqual([]);
  });
});

describe('a section of matters considered and ruled out', () => {
  it.each([
    ['Matters Considered and Not Found to Be Significant', true],
    ['Other matters considered', true],
    ['Issues considered and ruled out', true],
    ['Things we considered that did not affect the outcome', true],
    ['Acknowledgements', true],
    ['Terms of reference', true],
    ['Findings', false],
    ['What went well', false],
    ['Domestic abuse was ruled out too quickly', false],
    ['Finding 2: Other explanations were not explored', false],
  ])('"%s" is set aside: %s', (heading, expected) =>
    expect(inBoilerplateSection({ section: heading })).toBe(expected),
  );

  it("goes by the section's kind where the importer gave it", () => {
    expect(inBoilerplateSection({ section: 'Matters considered', sectionKind: 'findings' })).toBe(false);
    expect(inBoilerplateSection({ section: 'Part Two', sectionKind: 'ruled-out' })).toBe(true);
  });

  it('codes nothing from it', () => {
    const coder = new ThemeCoder([HOUSEHOLD], null);
    const passage = (section: string) => ({
      text: 'The smoke alarm had been taken down from the ceiling.',
      section,
      paragraph: '9.4',
      page: 30,
    });
    expect(coder.code([passage('Matters considered and not found to be significant')])).toEqual([]);
    expect(coder.code([passage('Findings')]).map((c) => c.slug)).toEqual([HOUSEHOLD.slug]);
  });
});

describe('plain text is read as a text file is', () => {
  const coder = new ThemeCoder([HOUSEHOLD], null);
  const events = Array.from(
    { length: 8 },
    (_, i) =>
      `2.${i + 1} The family attended appointment number ${i + 1} as planned, and the visit was recorded.`,
  );

  it('knows a sentence-case "Terms of reference" heading, so what it asks about is not a theme', () => {
    const report = (where: 'terms' | 'events') =>
      [
        'Child Safeguarding Practice Review: Child T (fictional)',
        'Terms of reference',
        ...(where === 'terms' ? ['1.1 The review considered whether the smoke alarm had been fitted.'] : []),
        '1.2 The review covered the twelve months before the fire.',
        'What happened',
        ...events,
        ...(where === 'events' ? ['2.9 The smoke alarm had been taken down from the ceiling.'] : []),
      ].join('\n\n');
    expect(coder.codeText(report('terms'))).toEqual([]);
    const coded = coder.codeText(report('events'));
    expect(coded.map((c) => c.slug)).toEqual([HOUSEHOLD.slug]);
    expect(coded[0]?.evidence[0]).toMatchObject({ section: 'What happened', paragraph: '2.9' });
  });

  it('joins lines wrapped without blank lines into numbered paragraphs: a report, not one long passage', () => {
    const wrapped = [
      ...events,
      '2.9 The kettle was broken at the visit.',
      '2.10 The toaster did not work either.',
    ]
      .map((paragraph) => paragraph.replace(/, /, ',\n'))
      .join('\n');
    // Read as one passage, the two weak mentions would code it (0.45); in a report of ten paragraphs
    // two passing mentions are not a theme.
    expect(coder.codeText(wrapped.replace(/\n/g, ' '))[0]?.confidence).toBe(0.45);
    expect(coder.codeText(wrapped)).toEqual([]);
  });

  it('still codes a phrase without a full stop, which reads like a heading', () => {
    expect(coder.codeText('Kettle broken. Toaster broken')[0]?.confidence).toBe(0.45);
  });
});

describe('the model', () => {
  it('learns word features from labelled texts and explains a prediction by its words', () => {
    const examples = [
      ...Array.from({ length: 6 }, (_, i) => ({
        text: `The school nurse saw the pupil about her anorexia and low weight, week ${i}.`,
        themes: ['young-person-mental-health'],
      })),
      ...Array.from({ length: 6 }, (_, i) => ({
        text: `The landlord served an eviction notice over rent arrears, month ${i}.`,
        themes: ['housing-poverty'],
      })),
    ];
    const model = trainModel(examples, ['young-person-mental-health', 'housing-poverty']);
    const scorer = new Scorer(model);
    const p = scorer.predict('An eviction notice followed months of rent arrears.');
    expect(p.get('housing-poverty')).toBeGreaterThan(0.5);
    expect(p.get('young-person-mental-health')).toBeLessThan(0.5);
    expect(
      scorer.explain('An eviction notice followed months of rent arrears.', 'housing-poverty').join(' '),
    ).toMatch(/evict|arrear/);
  });

  it('gives word forms one Porter-stem feature, and marks negated words while still counting them', () => {
    expect(features('The assessments were late.')).toEqual(features('The assessed was late.'));
    const surface = new Map<string, string>();
    const f = features('The family was not seen alone.', surface);
    expect(f).toEqual([
      'famili',
      'not_seen',
      'seen',
      'famili_not_seen',
      'not_alon',
      'alon',
      'not_seen_not_alon',
    ]);
    expect(surface.get('famili')).toBe('family');
    expect(surface.get('famili_not_seen')).toBe('family not seen');
    expect(surface.get('not_seen_not_alon')).toBe('not seen alone');
  });

  it('explains a prediction in the words of the text, not in stems', () => {
    const examples = [
      ...Array.from({ length: 6 }, (_, i) => ({
        text: `The family lived in temporary accommodation after eviction, month ${i}.`,
        themes: ['housing-poverty'],
      })),
      ...Array.from({ length: 6 }, (_, i) => ({
        text: `The pupil told the school nurse about self-harm, week ${i}.`,
        themes: ['young-person-mental-health'],
      })),
    ];
    const scorer = new Scorer(trainModel(examples, ['housing-poverty', 'young-person-mental-health']));
    const reason = scorer.explain(
      'The family had been in temporary accommodation for a year.',
      'housing-poverty',
    );
    expect(reason.join(', ')).toMatch(/temporary accommodation|family/);
    expect(reason.join(' ')).not.toMatch(/famili|accommod\b|temporari/);
  });

  it('leaves a theme it has no examples of to its indicators, so a strong one still codes it', () => {
    const examples = Array.from({ length: 6 }, (_, i) => ({
      text: `The landlord served an eviction notice over rent arrears, month ${i}.`,
      themes: ['housing-poverty'],
    }));
    const model = trainModel(examples, ['housing-poverty', 'physical-abuse']);
    expect(Object.keys(model.weights)).toEqual(['housing-poverty']);
    const coder = new ThemeCoder(THEMES, model);
    const codes = coder.codeText('The baby was found to have bruising to his cheek at six weeks old.');
    const physical = codes.find((c) => c.slug === 'physical-abuse');
    expect(physical?.evidence[0]?.reason).toMatch(/^indicator/);
  });
});

describe('evaluation', () => {
  it('computes per-theme precision, recall and F1 and the micro and macro averages', () => {
    const gold = [{ themes: ['a', 'b'] }, { themes: ['a'] }, { themes: [] }];
    const predicted = [{ themes: ['a'] }, { themes: ['a', 'b'] }, { themes: ['b'] }];
    const e = evaluate(gold, predicted, ['a', 'b', 'c']);
    const a = e.themes.find((t) => t.slug === 'a');
    const b = e.themes.find((t) => t.slug === 'b');
    expect(a).toMatchObject({ tp: 2, fp: 0, fn: 0, precision: 1, recall: 1, f1: 1 });
    expect(b).toMatchObject({ tp: 0, fp: 2, fn: 1, precision: 0, recall: 0, f1: 0 });
    // micro: tp 2, fp 2, fn 1 → P 0.5, R 2/3
    expect(e.micro.precision).toBeCloseTo(0.5);
    expect(e.micro.recall).toBeCloseTo(2 / 3);
    expect(e.micro.f1).toBeCloseTo(4 / 7);
    // macro over the themes that occur (a and b; c never occurs)
    expect(e.macro.f1).toBeCloseTo(0.5);
  });
});

describe('trends', () => {
  it('recovers a doubling share exactly, and calls it rising with the figures behind it', () => {
    const series = [10, 20, 40, 80, 160].map((count, i) => ({ year: 2018 + i, count, total: 1000 }));
    const t = poissonTrend(series);
    expect(t.rateRatio).toBeCloseTo(2, 6);
    expect(t.direction).toBe('rising');
    expect(t.p).toBeLessThan(0.001);
    expect(t.z).toBeCloseTo(t.slope / t.standardError, 10);
    expect(t.coded).toBe(310);
  });

  it('calls a steady share steady, a falling one falling, and too few cases too few', () => {
    expect(
      poissonTrend([2015, 2016, 2017, 2018, 2019].map((year) => ({ year, count: 12, total: 60 }))).direction,
    ).toBe('steady');
    expect(
      poissonTrend([40, 30, 20, 12, 6].map((count, i) => ({ year: 2015 + i, count, total: 100 }))).direction,
    ).toBe('falling');
    expect(
      poissonTrend([
        { year: 2020, count: 1, total: 3 },
        { year: 2021, count: 2, total: 3 },
      ]).direction,
    ).toBe('too little data');
  });

  it('uses the standard normal distribution for p-values', () => {
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 5);
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(-1)).toBeCloseTo(0.158655, 5);
  });

  it('counts themes coded together, with lift above 1 for those that cluster', () => {
    const reviews = [
      ['domestic-abuse', 'substance-misuse', 'parental-mental-health'],
      ['domestic-abuse', 'substance-misuse'],
      ['domestic-abuse', 'substance-misuse'],
      ['neglect'],
      ['neglect', 'housing-poverty'],
      ['housing-poverty'],
    ];
    const pairs = cooccurrence(reviews);
    expect(pairs[0]).toMatchObject({ a: 'domestic-abuse', b: 'substance-misuse', both: 3 });
    // 3 together out of 6 reviews, each in 3: expected 1.5, lift 2
    expect(pairs[0]?.lift).toBeCloseTo(2);
    expect(pairs.find((p) => p.a === 'housing-poverty' && p.b === 'neglect')).toBeUndefined();
  });
});

describe('emerging terms', () => {
  const review = (id: string, year: number, extra: string[]) => ({
    id,
    year,
    passages: [
      'The family was known to several services over many years.',
      'Practitioners met regularly to plan support.',
      ...extra,
    ],
  });
  const reviews = [
    ...Array.from({ length: 12 }, (_, i) =>
      review(`old${i}`, 2012 + (i % 6), ['The school raised concerns about attendance.']),
    ),
    ...Array.from({ length: 8 }, (_, i) =>
      review(`new${i}`, 2023 + (i % 3), [
        'He was approached through a vape delivery scheme run by older boys.',
        'The vape delivery scheme moved him across the city.',
      ]),
    ),
  ];

  it('finds a phrase that rose sharply in recent reviews, with the figures and example passages', () => {
    const result = emergingTerms(reviews, () => null);
    expect(result.recentFrom).toBe(2023);
    expect(result.recentTotal).toBe(8);
    const term = result.terms.find((t) => t.term.includes('vape delivery'));
    expect(term).toBeDefined();
    expect(term?.recentReviews).toBe(8);
    expect(term?.earlierReviews).toBe(0);
    expect(term?.p).toBeLessThan(0.01);
    expect(term?.examples[0]?.text).toContain('vape delivery');
    // a word used in every review throughout is not emerging
    expect(result.terms.map((t) => t.term)).not.toContain('services');
  });

  it('sets aside a rising term that a theme already explains', () => {
    const result = emergingTerms(reviews, (t) =>
      t.includes('vape') ? 'Exploitation and harm outside the home' : null,
    );
    expect(result.terms.some((t) => t.term.includes('vape'))).toBe(false);
    expect(result.explained.some((x) => x.term.includes('vape') && x.theme.startsWith('Exploitation'))).toBe(
      true,
    );
  });
});
