import { describe, expect, it } from 'vitest';
import { definitionsIn, segments, spelledOut } from './abbreviations.js';
import { audienceOf, disciplinesOf, isPrescriptive } from './audiences.js';
import { plainLanguage } from './plain.js';
import { themeBriefing } from './theme-briefing.js';

describe('plain language', () => {
  it('swaps wordy phrases for plain ones and lists each change', () => {
    const p = plainLanguage(
      'In order to ascertain the risk, a number of agencies met prior to the conference.',
    );
    expect(p.text).toBe('To find out the risk, some agencies met before the conference.');
    expect(p.rewrites).toEqual([
      'in order to → to',
      'prior to → before',
      'a number of → some',
      'ascertain → find out',
    ]);
  });

  it('drops cross-references that mean nothing outside the report, and openers that say nothing', () => {
    expect(plainLanguage('It should be noted that the GP was not told (see paragraph 4.3).').text).toBe(
      'The GP was not told.',
    );
    expect(plainLanguage('Supervision was infrequent (paras 5.2–5.4) and rushed.').text).toBe(
      'Supervision was infrequent and rushed.',
    );
  });

  it('leaves a plain sentence alone', () => {
    expect(plainLanguage('Nobody asked what the children ate.')).toEqual({
      text: 'Nobody asked what the children ate.',
      rewrites: [],
    });
  });
});

describe('acronyms', () => {
  it('reads definitions a report gives in its text and its glossary', () => {
    const found = definitionsIn([
      { text: 'The referral went to the Multi-Agency Safeguarding Hub (MASH) on the same day.' },
      { text: 'Concerns were raised at the child protection conference (CPC).' },
      { text: 'She was seen by the Health Visitor (HV) twice.' },
      { text: 'IDVA – Independent Domestic Violence Adviser', glossary: true },
      { text: 'The family moved (in 2019) to Leeds.' },
    ]);
    expect(found).toEqual({
      MASH: 'Multi-Agency Safeguarding Hub',
      CPC: 'child protection conference',
      HV: 'Health Visitor',
      IDVA: 'Independent Domestic Violence Adviser',
    });
  });

  it('writes an acronym out at its first use in the briefing only, and not where the text already does', () => {
    const seen = new Set<string>();
    const glossary = { GP: 'general practitioner', MASH: 'multi-agency safeguarding hub' };
    expect(spelledOut('The GP referred to MASH.', glossary, seen)).toBe(
      'The general practitioner (GP) referred to multi-agency safeguarding hub (MASH).',
    );
    expect(spelledOut('GPs and the MASH met.', glossary, seen)).toBe('GPs and the MASH met.');
    expect(spelledOut('MASH staff met.', glossary, new Set())).toBe(
      'Multi-agency safeguarding hub (MASH) staff met.',
    );
    const spelt = segments('The Multi-Agency Safeguarding Hub (MASH) met.', glossary, new Set());
    expect(spelt.find((s) => 'acronym' in s)).toMatchObject({ acronym: 'MASH', first: false });
  });
});

describe('audiences and disciplines', () => {
  it('gives an action to whoever it asks to act', () => {
    expect(audienceOf('Health visitors should ask about the sleeping arrangements at every visit.')).toBe(
      'practitioner',
    );
    expect(audienceOf('Team managers must check that every closed case has a written reason.')).toBe(
      'manager',
    );
    expect(audienceOf('The Partnership should seek assurance that the escalation policy is known.')).toBe(
      'strategic',
    );
    expect(audienceOf('Gwent Police should review how missing episodes are graded.')).toBe('strategic');
  });

  it('tells forward-looking advice from hindsight', () => {
    expect(isPrescriptive('Practitioners should always see the child alone.')).toBe(true);
    expect(isPrescriptive('The social worker should have seen the child alone.')).toBe(false);
    expect(isPrescriptive('The family moved in 2019.')).toBe(false);
  });

  it('names the disciplines a sentence speaks of', () => {
    expect(
      disciplinesOf(
        'The school nurse and the designated safeguarding lead shared the concern with the police.',
      ),
    ).toEqual(['health', 'police', 'education']);
    expect(disciplinesOf('Rent arrears led to an eviction notice.')).toEqual(['housing']);
  });
});

describe('a theme briefing', () => {
  it("quotes sentences of paragraphs, never a finding's heading, which has no paragraph to cite", () => {
    const sentence = (n: number) =>
      `The health visitor in area ${n} was not told that the family had moved, so the new baby was not visited for six weeks.`;
    const briefing = themeBriefing(
      {
        theme: {
          slug: 'information-sharing',
          label: 'Information sharing',
          definition: 'Information not shared.',
        },
        scope: { theme: 'information-sharing' },
        scopeLine: 'all reviews',
        reviewsInScope: 3,
        reviews: [1, 2, 3].map((n) => ({
          id: `r${n}`,
          title: `Review ${n} (fictional)`,
          year: 2020,
          evidence: [
            {
              text: 'Housing and health visiting did not share what each of them knew about the family.',
              section:
                'Finding 2: Housing and health visiting did not share what each of them knew about the family',
              paragraph: null,
              page: 7,
              reason: 'indicator “did not share”',
              heading: true as const,
            },
            {
              text: sentence(n),
              section: 'Findings',
              paragraph: `7.${n}`,
              page: 7,
              reason: 'indicator “was not told”',
            },
          ],
        })),
        recommendations: [],
        trend: null,
      },
      {},
    );
    const quotes = briefing.statements.flatMap((s) => (s.source ? [s.source.quote] : []));
    expect(quotes.length).toBeGreaterThan(0);
    expect(quotes.some((q) => q.startsWith('The health visitor in area'))).toBe(true);
    expect(quotes.filter((q) => q.startsWith('Housing and health visiting'))).toEqual([]);
  });
});
