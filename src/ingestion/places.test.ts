import { describe, it, expect } from 'vitest';
import { ENGLISH_REGIONS, PLACES, findPlace } from './places.js';

describe('findPlace', () => {
  it('finds an English safeguarding partnership and its region', () => {
    const p = findPlace(
      'This review was commissioned by Gateshead Safeguarding Children Partnership in 2021.',
    );
    expect(p?.name).toBe('Gateshead');
    expect(p?.nation).toBe('England');
    expect(p?.region).toBe('North East');
  });

  it('prefers the longest matching name', () => {
    expect(findPlace('Lincolnshire and North East Lincolnshire LSCB')?.name).toBe('North East Lincolnshire');
    expect(findPlace('North East Lincolnshire Safeguarding Children Board')?.name).toBe(
      'North East Lincolnshire',
    );
    expect(findPlace('West Sussex Safeguarding Children Partnership')?.name).toBe('West Sussex');
    expect(findPlace('Kingston upon Hull Safeguarding Children Board')?.region).toBe(
      'Yorkshire and the Humber',
    );
  });

  it('matches long aliases of London boroughs', () => {
    const p = findPlace('Published by the Royal Borough of Kingston upon Thames');
    expect(p?.name).toBe('Kingston upon Thames');
    expect(p?.region).toBe('London');
    expect(findPlace('Tower Hamlets Safeguarding Adults Board')?.region).toBe('London');
  });

  it('finds a Welsh regional safeguarding board', () => {
    const p = findPlace('Cwm Taf Morgannwg Safeguarding Board Child Practice Review');
    expect(p?.name).toBe('Cwm Taf Morgannwg');
    expect(p?.nation).toBe('Wales');
    expect(p?.region).toBeNull();
    expect(findPlace('Cardiff & Vale Regional Safeguarding Board')?.name).toBe('Cardiff and Vale');
  });

  it('finds a Scottish council area', () => {
    const p = findPlace('Highland Child Protection Committee: Significant Case Review');
    expect(p?.name).toBe('Highland');
    expect(p?.nation).toBe('Scotland');
  });

  it('finds Northern Ireland trusts only by their full names', () => {
    expect(findPlace('Western Health and Social Care Trust')?.nation).toBe('Northern Ireland');
    expect(findPlace('Belfast Health & Social Care Trust')?.name).toBe('Belfast');
    expect(findPlace('The family moved to the Western side of the town.')).toBeNull();
    expect(findPlace('Northern Ireland')?.name).toBe('Northern Ireland');
  });

  it('treats hyphens and spaces alike', () => {
    expect(findPlace('Stockton on Tees Safeguarding Children Partnership')?.name).toBe('Stockton-on-Tees');
    expect(findPlace('Stockton-on-Tees Borough Council')?.name).toBe('Stockton-on-Tees');
    expect(findPlace('Stoke on Trent')?.name).toBe('Stoke-on-Trent');
  });

  it('returns null when no place is named', () => {
    expect(
      findPlace('The child was seen by a health visitor and the school nurse on several occasions.'),
    ).toBeNull();
    expect(findPlace('')).toBeNull();
  });

  it('matches whole words only and ignores common words in lower case', () => {
    expect(findPlace('Kentish Town')).toBeNull();
    expect(findPlace('She was reading a book before they decided to bury the matter.')).toBeNull();
    expect(findPlace('Reading Local Safeguarding Children Board')?.name).toBe('Reading');
    expect(findPlace('She later moved to New York.')).toBeNull();
    expect(findPlace('Newcastle-under-Lyme')).toBeNull();
  });
});

describe('PLACES', () => {
  it('gives every English place a region and every other place none', () => {
    for (const p of PLACES) {
      if (p.nation === 'England') {
        expect(p.region, p.name).not.toBeNull();
        expect(ENGLISH_REGIONS).toContain(p.region);
      } else {
        expect(p.region, p.name).toBeNull();
      }
    }
  });

  it('lists at least 150 English places and all 33 London areas', () => {
    expect(PLACES.filter((p) => p.nation === 'England').length).toBeGreaterThanOrEqual(150);
    expect(PLACES.filter((p) => p.region === 'London')).toHaveLength(33);
  });

  it('lists the 32 Scottish council areas', () => {
    expect(PLACES.filter((p) => p.nation === 'Scotland')).toHaveLength(32);
  });

  it('finds every place by its own name', () => {
    for (const p of PLACES) {
      expect(findPlace(`${p.name} Safeguarding Partnership`), p.name).toBe(p);
    }
  });
});
