import { describe, expect, it } from 'vitest';
import { findPersonalData, type FindingKind } from './detect.js';

/** The flagged strings of one kind. */
const flagged = (text: string, kind: FindingKind) =>
  findPersonalData(text)
    .filter((f) => f.kind === kind)
    .map((f) => f.text);
const one = (text: string, wanted: string) => findPersonalData(text).find((f) => f.text === wanted);

describe('names', () => {
  it('finds a full name whose first name is in the gazetteer', () => {
    expect(flagged('The referral was made by Shona Kirkbride after the visit.', 'name')).toEqual([
      'Shona Kirkbride',
    ]);
  });

  it('finds a title followed by a surname, including police ranks', () => {
    const text = 'Mrs Okonjo rang the school. DC Varley and PC Imrie attended, and Dr Lund saw the baby.';
    expect(flagged(text, 'name')).toEqual(['Mrs Okonjo', 'DC Varley', 'PC Imrie', 'Dr Lund']);
    expect(one(text, 'DC Varley')?.reason).toContain('title "DC"');
  });

  it('reports a possessive name without its possessive ending', () => {
    expect(flagged("Jayden's bedroom had no bed.", 'name')).toEqual(['Jayden']);
  });

  it('finds hyphenated and apostrophe names', () => {
    const text = "Mary-Jane said that Declan O'Rourke and Mrs Adeyemi-Ford had argued.";
    expect(flagged(text, 'name')).toEqual(['Mary-Jane', "Declan O'Rourke", 'Mrs Adeyemi-Ford']);
  });

  it('finds first names of many origins', () => {
    const text =
      'Present were Agnieszka, Oluwaseun, Siobhan, Mohammed, Ngozi, Thanh, Gurpreet, Hevin and Ioana.';
    expect(flagged(text, 'name')).toEqual([
      'Agnieszka',
      'Oluwaseun',
      'Siobhan',
      'Mohammed',
      'Ngozi',
      'Thanh',
      'Gurpreet',
      'Hevin',
      'Ioana',
    ]);
  });

  it('finds a name that is also an ordinary word when a verb of speech follows it', () => {
    expect(flagged('Hope said she was frightened of him.', 'name')).toEqual(['Hope']);
    expect(flagged('Mark told the officer he had been drinking.', 'name')).toEqual(['Mark']);
  });

  it('finds a name that is also an ordinary word after a relationship word', () => {
    expect(flagged('Her daughter, Summer, was two.', 'name')).toEqual(['Summer']);
    expect(flagged('She lived with her partner Will and his dog.', 'name')).toEqual(['Will']);
  });

  it('finds a name that is also an ordinary word when capitalised mid-sentence', () => {
    expect(flagged('The nurse weighed Grace and recorded it.', 'name')).toEqual(['Grace']);
  });

  it('does not take an ordinary word opening a sentence for a name', () => {
    const text =
      'Hope was expressed that things would improve. Will the partnership act? Grace and tact matter.';
    expect(flagged(text, 'name')).toEqual([]);
  });

  it('finds a name not in the gazetteer from a cue: relationship word, "known as", speech verb, age', () => {
    expect(flagged('Her boyfriend, Tarquinn, was 19.', 'name')).toEqual(['Tarquinn']);
    expect(flagged('An older man known as "Skeng" drove her.', 'name')).toEqual(['Skeng']);
    expect(flagged('The officer said that Brannagh told him nothing.', 'name')).toEqual(['Brannagh']);
    expect(flagged('The other child, Zeferino (7), was asleep.', 'name')).toEqual(['Zeferino']);
  });

  it('flags later mentions of a name once one mention has been found', () => {
    const text = 'The tenancy was in the name of Keira Dunmore. The landlord later evicted Dunmore.';
    expect(flagged(text, 'name')).toEqual(['Keira Dunmore', 'Dunmore']);
    expect(one(text, 'Dunmore')?.reason).toContain('same name');
  });

  it('flags a name listed with a name already found', () => {
    expect(flagged('Present were Kacper and Bazyli.', 'name')).toEqual(['Kacper', 'Bazyli']);
  });

  it('finds a name from an age after it', () => {
    expect(flagged('Misha was 15. Nobody asked where Misha slept.', 'name')).toEqual(['Misha', 'Misha']);
  });

  it('grows a list from a name found later in the text', () => {
    expect(flagged('Olamide and Temi were referred. Temi said she heard voices.', 'name')).toEqual([
      'Olamide',
      'Temi',
      'Temi',
    ]);
  });

  it('keeps surname particles inside the name', () => {
    const text = 'Maria dos Santos, Jan van der Berg, Yusuf bin Laden and Mr Ó Súilleabháin attended.';
    expect(flagged(text, 'name')).toEqual([
      'Maria dos Santos',
      'Jan van der Berg',
      'Yusuf bin Laden',
      'Mr Ó Súilleabháin',
    ]);
  });

  it('does not flag an eponym or a nationally known case', () => {
    const text =
      'The baby slept in a Moses basket. The nurse used the Fraser guidelines. Lessons from Victoria Climbié remain.';
    expect(flagged(text, 'name')).toEqual([]);
  });

  it('finds two unknown name-shaped words running together mid-sentence, but not a quoted project', () => {
    expect(flagged('The car belonged to Teodoro Vasquez-Ruiz, a friend.', 'name')).toEqual([
      'Teodoro Vasquez-Ruiz',
    ]);
    expect(flagged('She joined the "Blue Light" project.', 'name')).toEqual([]);
  });

  it('does not flag professional roles', () => {
    const text =
      'The Social Worker and the GP met. The Designated Safeguarding Lead, the Health Visitor and the Named Nurse for Safeguarding agreed.';
    expect(flagged(text, 'name')).toEqual([]);
  });

  it('does not flag pseudonyms and anonymised labels', () => {
    const text =
      "Child A's Mother and Father attended. Adult B, Baby C, Mr X and Ms Y were seen. Sibling 2 told the Victim that the Perpetrator and Subject had left.";
    expect(flagged(text, 'name')).toEqual([]);
  });

  it('does not flag a first-name pseudonym the review declares', () => {
    const text =
      'The woman is referred to in this report as Maureen, a name chosen by her son. Maureen was 81. Toby chose his own pseudonym. Toby was 14.';
    expect(flagged(text, 'name')).toEqual([]);
  });

  it('does not flag organisations and agencies', () => {
    const text =
      "Northshire County Council, Ashvale NHS Foundation Trust, Children's Social Care, Women's Aid, the Crown Prosecution Service and the MASH shared information. Barnardo's and St Mary's Hospital were involved.";
    expect(flagged(text, 'name')).toEqual([]);
  });

  it('does not flag place names', () => {
    const text =
      'The family moved from Leeds to Milton Keynes, then to Swansea, Glasgow and the West Midlands.';
    expect(flagged(text, 'name')).toEqual([]);
  });

  it('does not flag legislation', () => {
    const text =
      "The Children Act 1989, the Care Act 2014, Working Together to Safeguard Children and Clare's Law apply.";
    expect(flagged(text, 'name')).toEqual([]);
  });

  it('does not flag months, days or seasons', () => {
    const text =
      'In May the school broke up. On Friday and in June the family were seen. The Summer term began.';
    expect(flagged(text, 'name')).toEqual([]);
  });

  it('does not flag title-case headings', () => {
    const text =
      'Key Practice Episode Two\n\nThe Lived Experience Of The Child\n\nThe health visitor visited.';
    expect(flagged(text, 'name')).toEqual([]);
  });

  it("gives the report author's credit a low confidence and says why", () => {
    const f = one('Independent reviewer: Dr Harriet Lomas\n\n1.1 The review began.', 'Dr Harriet Lomas');
    expect(f?.confidence).toBeLessThan(0.5);
    expect(f?.reason).toContain('author credit');
  });
});

describe('findPersonalData', () => {
  it('returns findings sorted by position and never overlapping, keeping the longer', () => {
    const text =
      'Email jayden.okafor@example.com or visit 14 Aldergate Road, NE6 2AB, where Jayden Okafor lives.';
    const found = findPersonalData(text);
    expect(found.map((f) => [f.kind, f.text])).toEqual([
      ['email', 'jayden.okafor@example.com'],
      ['address', '14 Aldergate Road'],
      ['postcode', 'NE6 2AB'],
      ['name', 'Jayden Okafor'],
    ]);
    for (let i = 1; i < found.length; i++)
      expect(found[i]?.start).toBeGreaterThanOrEqual(found[i - 1]?.end ?? 0);
  });

  it('gives every finding its position, a reason and a confidence between 0 and 1', () => {
    const text = 'On 2 May 2020 Mrs Hale rang 07700 900123.';
    for (const f of findPersonalData(text)) {
      expect(text.slice(f.start, f.end)).toBe(f.text);
      expect(f.reason.length).toBeGreaterThan(5);
      expect(f.confidence).toBeGreaterThan(0);
      expect(f.confidence).toBeLessThanOrEqual(1);
    }
  });

  it('finds nothing in a properly anonymised passage', () => {
    const text =
      '5.2 Child D lived with Mother and her partner, Mr E, in Northshire. On three occasions in 2021 the health visitor, the GP and the police shared concerns through the MASH. Recommendation 2: the Partnership should audit Section 47 enquiries under the Children Act 1989.';
    expect(findPersonalData(text)).toEqual([]);
  });
});
