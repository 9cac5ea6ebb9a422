import { describe, expect, it } from 'vitest';
import { findPersonalData, type FindingKind } from './detect.js';

/** The flagged strings of one kind. */
const flagged = (text: string, kind: FindingKind) =>
  findPersonalData(text)
    .filter((f) => f.kind === kind)
    .map((f) => f.text);

describe('addresses, streets and schools', () => {
  it('finds an address with a house number, and with a flat number', () => {
    const text = 'She lived at 14 Aldergate Road and later at Flat 3, 27 Willow Court.';
    expect(flagged(text, 'address')).toEqual(['14 Aldergate Road', 'Flat 3, 27 Willow Court']);
  });

  it('does not take counted court hearings or recommendations for an address', () => {
    const text =
      'There were 3 Family Court hearings and 2 Crown Court dates. Recommendation 3 Walker Lane was not used.';
    expect(flagged(text, 'address')).toEqual([]);
  });

  it('finds a named street or estate without a number', () => {
    const text = 'He was seen on Larkfield Avenue and lived on the Meadowbank estate.';
    expect(flagged(text, 'street')).toEqual(['Larkfield Avenue', 'Meadowbank estate']);
  });

  it('does not take courts, a way forward or a housing estate for a street', () => {
    const text =
      'The Crown Court and the Family Court sat. The Way Forward is agreed. She was on a housing estate.';
    expect(flagged(text, 'street')).toEqual([]);
  });

  it('finds named schools, academies, nurseries and colleges', () => {
    const text =
      "He attended St Bede's RC Primary School, Oakfield Academy, Little Acorns Nursery, Hillside High School and Northtown College.";
    expect(flagged(text, 'school')).toEqual([
      "St Bede's RC Primary School",
      'Oakfield Academy',
      'Little Acorns Nursery',
      'Hillside High School',
      'Northtown College',
    ]);
  });

  it('does not take a generic school, a role or a professional body for a named school', () => {
    const text =
      "The school, the Virtual School and the Designated Safeguarding Lead agreed. The Royal College of Nursing advised. Ella's primary school closed.";
    expect(flagged(text, 'school')).toEqual([]);
  });
});
