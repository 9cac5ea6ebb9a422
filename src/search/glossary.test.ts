import { describe, expect, it } from 'vitest';
import {
  CASE_SENSITIVE_ACRONYMS,
  SEED_GLOSSARY,
  SPELLING_VARIANTS,
  acronymExpansions,
  acronymsFor,
  canonicalSpelling,
  normaliseSpellings,
} from './glossary.js';
import type { GlossaryEntry } from './glossary.js';

/** The "Common acronyms" list in shared/reference/domain.md, as written there. */
// prettier-ignore
const DOMAIN_ACRONYMS = [
  'SCR', 'CSPR', 'LCSPR', 'SAR', 'DHR', 'DARDR', 'CPR', 'SUSR', 'CMR', 'LSCB', 'LSCP', 'SAB', 'CSP', 'IMR',
  'MASH', 'MARAC', 'MAPPA', 'DASH', 'IDVA', 'CIN', 'CP', 'CPP', 'LAC', 'CLA', 'PLO', 'EHCP', 'SEND', 'EHE',
  'CME', 'CSE', 'CCE', 'NAI', 'AHT', 'SUDI', 'SIDS', 'CAMHS', 'HV', 'GP', 'ED', 'A&E', 'ICB', 'CQC',
  'HMICFRS', 'Ofsted', 'JTAI', 'LADO', 'MCA', 'DoLS', 's42', '7MB',
];

const words = (s: string): string[] => s.split(' ');

describe('SEED_GLOSSARY', () => {
  it('covers every acronym in the domain reference, spelt as practitioners write it', () => {
    const acronyms = new Set(SEED_GLOSSARY.map((e) => e.acronym));
    expect(DOMAIN_ACRONYMS.filter((a) => !acronyms.has(a))).toEqual([]);
  });

  it('lists each acronym once, whatever its case', () => {
    const keys = SEED_GLOSSARY.map((e) => e.acronym.toLowerCase());
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  });

  it('keeps expansions lower-case, non-empty, unique per acronym, and in British spelling', () => {
    for (const { acronym, expansions } of SEED_GLOSSARY) {
      expect(expansions.length, acronym).toBeGreaterThan(0);
      expect(new Set(expansions).size, acronym).toBe(expansions.length);
      for (const expansion of expansions) {
        expect(expansion, acronym).toBe(expansion.toLowerCase());
        expect(normaliseSpellings(expansion), acronym).toBe(expansion);
      }
    }
  });

  it('has a note exactly on the case-sensitive acronyms (the service seeds case_sensitive from it)', () => {
    const noted = SEED_GLOSSARY.filter((e) => e.note !== undefined).map((e) => e.acronym);
    expect(noted.sort()).toEqual([...CASE_SENSITIVE_ACRONYMS].sort());
    for (const acronym of ['CP', 'ED', 'DA', 'HV', 'CIN', 'SEND', 'DASH']) {
      expect(CASE_SENSITIVE_ACRONYMS.has(acronym), acronym).toBe(true);
    }
    expect(CASE_SENSITIVE_ACRONYMS.has('GP')).toBe(false);
  });
});

describe('acronymExpansions', () => {
  it('expands an acronym into lower-case word arrays', () => {
    expect(acronymExpansions('CSE')).toContainEqual(['child', 'sexual', 'exploitation']);
    expect(acronymExpansions('LAC')).toEqual([words('looked after child'), words('looked after children')]);
    expect(acronymExpansions('CP')).toEqual([['child', 'protection']]);
    expect(acronymExpansions('CPP')).toEqual([words('child protection plan')]);
    expect(acronymExpansions('CIN')).toContainEqual(words('child in need'));
  });

  it('reads an ordinary acronym in any case', () => {
    expect(acronymExpansions('cse')).toContainEqual(['child', 'sexual', 'exploitation']);
    expect(acronymExpansions('Ofsted')).toContainEqual(words('office for standards in education'));
    expect(acronymExpansions('dols')).toEqual([words('deprivation of liberty safeguards')]);
    expect(acronymExpansions('gp')).toContainEqual(['general', 'practitioner']);
  });

  it('reads a case-sensitive acronym only in capitals', () => {
    for (const typed of ['cp', 'ed', 'Ed', 'da', 'hv', 'cin', 'send', 'Send', 'dash', 'aces']) {
      expect(acronymExpansions(typed), typed).toEqual([]);
    }
    expect(acronymExpansions('ED')).toEqual([['emergency', 'department']]);
    expect(acronymExpansions('SEND')).toContainEqual(words('special educational needs and disabilities'));
  });

  it('understands section numbers, plurals and possessives', () => {
    const s42 = [words('section 42 enquiry'), words('section 42 enquiries'), words('section 42')];
    expect(acronymExpansions('s42')).toEqual(s42);
    expect(acronymExpansions('S42')).toEqual(s42);
    expect(acronymExpansions('s.42')).toEqual(s42);
    expect(acronymExpansions('S.47')).toContainEqual(words('section 47 enquiry'));
    expect(acronymExpansions('LSCBs')).toEqual([words('local safeguarding children board')]);
    expect(acronymExpansions("IMR's")).toEqual([words('individual management review')]);
    expect(acronymExpansions('ACEs')).toContainEqual(words('adverse childhood experiences'));
    expect(acronymExpansions('SIDS')).toEqual([words('sudden infant death syndrome')]);
  });

  it('splits expansions into words the way the query parser does', () => {
    expect(acronymExpansions('A&E')).toEqual([words('accident and emergency')]);
    expect(acronymExpansions('7MB')).toContainEqual(['7', 'minute', 'briefing']);
    expect(acronymExpansions('NAI')).toContainEqual(['non', 'accidental', 'injury']);
    expect(acronymExpansions('CSC')).toEqual([['children', 's', 'social', 'care']]);
    expect(acronymExpansions('EHCP')).toEqual([words('education health and care plan')]);
  });

  it('returns nothing for words that are not acronyms', () => {
    expect(acronymExpansions('neglect')).toEqual([]);
    expect(acronymExpansions('')).toEqual([]);
    expect(acronymExpansions('s')).toEqual([]);
  });

  it('uses the entries it is given, keeping the case rule for a stored copy', () => {
    const entries: GlossaryEntry[] = [
      { acronym: 'XYZ', expansions: ['example of a local term'] },
      { acronym: 'CP', expansions: ['child protection'] },
    ];
    expect(acronymExpansions('xyz', entries)).toEqual([words('example of a local term')]);
    expect(acronymExpansions('CSE', entries)).toEqual([]);
    expect(acronymExpansions('cp', entries)).toEqual([]);
    expect(acronymsFor(words('example of a local term'), entries)).toEqual(['xyz']);
  });
});

describe('acronymsFor', () => {
  it('finds the acronyms whose expansion is the phrase', () => {
    expect(acronymsFor(words('looked after children'))).toContain('lac');
    expect(acronymsFor(words('looked after children'))).toContain('cla');
    expect(acronymsFor(words('child sexual exploitation'))).toEqual(['cse']);
    expect(acronymsFor(words('child protection'))).toEqual(['cp']);
    expect(acronymsFor(words('section 42 enquiry'))).toEqual(['s42']);
    expect(acronymsFor(words('deprivation of liberty safeguards'))).toEqual(['dols']);
  });

  it('meets the phrase in either spelling, any case, and with a plural last word', () => {
    expect(acronymsFor(words('harmful sexual behavior'))).toEqual(['hsb']);
    expect(acronymsFor(words('Serious Case Reviews'))).toEqual(['scr']);
    expect(acronymsFor(words('children s social care'))).toEqual(['csc']);
  });

  it('needs the whole phrase', () => {
    expect(acronymsFor(words('child sexual'))).toEqual([]);
    expect(acronymsFor(words('child sexual exploitation risk'))).toEqual([]);
    expect(acronymsFor([])).toEqual([]);
  });
});

describe('SPELLING_VARIANTS', () => {
  const british = new Set(SPELLING_VARIANTS.map(([b]) => b));
  const american = SPELLING_VARIANTS.map(([, a]) => a);

  it('has at least 80 lower-case pairs, each pair two different words', () => {
    expect(SPELLING_VARIANTS.length).toBeGreaterThanOrEqual(80);
    for (const [b, a] of SPELLING_VARIANTS) {
      expect(b).toMatch(/^[a-z]+$/);
      expect(a).toMatch(/^[a-z]+$/);
      expect(a).not.toBe(b);
    }
  });

  it('never lists an American form twice or as a British form, so canonical forms are stable', () => {
    expect(american.filter((a, i) => american.indexOf(a) !== i)).toEqual([]);
    expect(american.filter((a) => british.has(a))).toEqual([]);
  });

  it('leaves out pairs whose American form is also a different British word', () => {
    for (const word of [
      'practice',
      'meter',
      'tire',
      'draft',
      'story',
      'check',
      'curb',
      'mold',
      'gray',
      'rigor',
    ]) {
      expect(american, word).not.toContain(word);
    }
  });

  it('includes inflected forms where the stem differs', () => {
    for (const pair of [
      ['behaviours', 'behaviors'],
      ['organisations', 'organizations'],
      ['recognised', 'recognized'],
      ['prioritised', 'prioritized'],
      ['counselled', 'counseled'],
      ['paediatrician', 'pediatrician'],
      ['centred', 'centered'],
      ['analysing', 'analyzing'],
    ]) {
      expect(SPELLING_VARIANTS).toContainEqual(pair);
    }
  });
});

describe('canonicalSpelling', () => {
  it('maps both spellings to the British one', () => {
    expect(canonicalSpelling('behavior')).toBe('behaviour');
    expect(canonicalSpelling('behaviour')).toBe('behaviour');
    expect(canonicalSpelling('pediatric')).toBe('paediatric');
    expect(canonicalSpelling('organizations')).toBe('organisations');
    expect(canonicalSpelling('hemorrhage')).toBe('haemorrhage');
    expect(canonicalSpelling('counseling')).toBe('counselling');
    expect(canonicalSpelling('favorite')).toBe('favourite');
    expect(canonicalSpelling('analyzes')).toBe('analyses');
  });

  it('returns other words unchanged', () => {
    expect(canonicalSpelling('neglect')).toBe('neglect');
    expect(canonicalSpelling('practice')).toBe('practice');
    expect(canonicalSpelling('')).toBe('');
  });

  it('is idempotent over every pair', () => {
    for (const [b, a] of SPELLING_VARIANTS) {
      expect(canonicalSpelling(a)).toBe(b);
      expect(canonicalSpelling(b)).toBe(b);
    }
  });
});

describe('normaliseSpellings', () => {
  it('replaces variant words and keeps everything else byte for byte', () => {
    expect(normaliseSpellings("The Pediatric team's behavior, noted.")).toBe(
      "The Paediatric team's behaviour, noted.",
    );
  });

  it('keeps the case of the first letter, and capitals when the word was in capitals', () => {
    expect(normaliseSpellings('Behavior')).toBe('Behaviour');
    expect(normaliseSpellings('behavior')).toBe('behaviour');
    expect(normaliseSpellings('BEHAVIOR')).toBe('BEHAVIOUR');
    expect(normaliseSpellings('BeHaViOr')).toBe('Behaviour');
    expect(normaliseSpellings('Behaviour')).toBe('Behaviour');
  });

  it('replaces whole words only, including inside hyphens and before apostrophes', () => {
    expect(normaliseSpellings('child-centered practice')).toBe('child-centred practice');
    expect(normaliseSpellings("the organization's view")).toBe("the organisation's view");
    expect(normaliseSpellings('behaviors behavioral misbehavior')).toBe(
      'behaviours behavioural misbehaviour',
    );
    expect(normaliseSpellings('colorado xcolor color2 programmer')).toBe('colorado xcolor color2 programmer');
  });

  it('leaves text without variants, and odd characters, untouched', () => {
    const text = 'Child A (aged 3) — “seen” by the HV;\n\tcafé, naïve, ſkeptic, 😀 behaviour.\r\n';
    expect(normaliseSpellings(text)).toBe(text);
    expect(normaliseSpellings('')).toBe('');
  });

  it('finds every American form in running text', () => {
    const american = SPELLING_VARIANTS.map(([, a]) => a).join(' ');
    const british = SPELLING_VARIANTS.map(([b]) => b).join(' ');
    expect(normaliseSpellings(american)).toBe(british);
    expect(normaliseSpellings(british)).toBe(british);
  });

  it('is idempotent', () => {
    const text = 'Pediatric ANESTHESIA; the Labor ward; recognized, prioritized and analyzed.';
    const once = normaliseSpellings(text);
    expect(once).toBe('Paediatric ANAESTHESIA; the Labour ward; recognised, prioritised and analysed.');
    expect(normaliseSpellings(once)).toBe(once);
  });

  it('normalises a 200,000-word text correctly', () => {
    const american = 'The pediatrician noted Behavior, an organization-wide program, and counseling; ';
    const british = 'The paediatrician noted Behaviour, an organisation-wide programme, and counselling; ';
    const plain = 'the health visitor saw the child at home and recorded the conditions there. ';
    const perRepeat = (american + plain).split(' ').filter(Boolean).length;
    const repeats = Math.ceil(200_000 / perRepeat);
    const input = (american + plain).repeat(repeats);
    expect(input.split(' ').filter(Boolean).length).toBeGreaterThanOrEqual(200_000);
    expect(normaliseSpellings(input)).toBe((british + plain).repeat(repeats));
  });
});
