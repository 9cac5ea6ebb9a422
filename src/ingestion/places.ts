/**
 * Static reference data for guessing where a safeguarding case review comes from, using the name of the
 * publishing body or area found in its text.
 *
 * England: every upper-tier / unitary authority area (counties, metropolitan boroughs, unitaries, the 32
 * London boroughs and the City of London) with its statistical region, plus a few abolished areas that
 * reviews from 2008-2019 still name (Cumbria, Northamptonshire, Bournemouth, Poole).
 * Wales: the 22 principal areas and the regional safeguarding board areas.
 * Scotland: the 32 council areas. Northern Ireland: the nation and its five HSC Trust areas.
 */

export const ENGLISH_REGIONS = [
  'North East',
  'North West',
  'Yorkshire and the Humber',
  'East Midlands',
  'West Midlands',
  'East of England',
  'London',
  'South East',
  'South West',
] as const;
export type EnglishRegion = (typeof ENGLISH_REGIONS)[number];

export const NATIONS = ['England', 'Wales', 'Scotland', 'Northern Ireland'] as const;
export type Nation = (typeof NATIONS)[number];

export interface Place {
  name: string;
  nation: Nation;
  region: EnglishRegion | null;
  aliases?: string[];
}

function en(name: string, region: EnglishRegion, aliases?: string[]): Place {
  return aliases ? { name, nation: 'England', region, aliases } : { name, nation: 'England', region };
}
function wa(name: string, aliases?: string[]): Place {
  return aliases ? { name, nation: 'Wales', region: null, aliases } : { name, nation: 'Wales', region: null };
}
function sc(name: string, aliases?: string[]): Place {
  return aliases
    ? { name, nation: 'Scotland', region: null, aliases }
    : { name, nation: 'Scotland', region: null };
}
function ni(name: string, aliases: string[]): Place {
  return { name, nation: 'Northern Ireland', region: null, aliases };
}

export const PLACES: readonly Place[] = [
  // ---------------------------------------------------------------- England: North East (12)
  en('Darlington', 'North East'),
  en('Durham', 'North East', ['County Durham', 'Durham County']),
  en('Gateshead', 'North East'),
  en('Hartlepool', 'North East'),
  en('Middlesbrough', 'North East'),
  en('Newcastle upon Tyne', 'North East', ['Newcastle', 'Newcastle City']),
  en('North Tyneside', 'North East'),
  en('Northumberland', 'North East'),
  en('Redcar and Cleveland', 'North East', ['Redcar']),
  en('South Tyneside', 'North East'),
  en('Stockton-on-Tees', 'North East', ['Stockton']),
  en('Sunderland', 'North East'),

  // ---------------------------------------------------------------- England: North West (23 + Cumbria)
  en('Blackburn with Darwen', 'North West', ['Blackburn', 'Blackburn and Darwen']),
  en('Blackpool', 'North West'),
  en('Bolton', 'North West'),
  en('Bury', 'North West'),
  en('Cheshire East', 'North West', ['East Cheshire']),
  en('Cheshire West and Chester', 'North West', ['Cheshire West', 'West Cheshire']),
  en('Cumberland', 'North West'),
  en('Westmorland and Furness', 'North West', ['Westmorland']),
  en('Cumbria', 'North West'),
  en('Halton', 'North West'),
  en('Knowsley', 'North West'),
  en('Lancashire', 'North West'),
  en('Liverpool', 'North West'),
  en('Manchester', 'North West', ['Manchester City']),
  en('Oldham', 'North West'),
  en('Rochdale', 'North West'),
  en('Salford', 'North West'),
  en('Sefton', 'North West'),
  en('St Helens', 'North West', ['Saint Helens']),
  en('Stockport', 'North West'),
  en('Tameside', 'North West'),
  en('Trafford', 'North West'),
  en('Warrington', 'North West'),
  en('Wigan', 'North West'),
  en('Wirral', 'North West'),

  // ---------------------------------------------------------------- England: Yorkshire and the Humber (15)
  en('Barnsley', 'Yorkshire and the Humber'),
  en('Bradford', 'Yorkshire and the Humber', ['City of Bradford']),
  en('Calderdale', 'Yorkshire and the Humber'),
  en('Doncaster', 'Yorkshire and the Humber'),
  en('East Riding of Yorkshire', 'Yorkshire and the Humber', ['East Riding']),
  en('Kingston upon Hull', 'Yorkshire and the Humber', ['Hull', 'Hull City', 'City of Hull']),
  en('Kirklees', 'Yorkshire and the Humber'),
  en('Leeds', 'Yorkshire and the Humber'),
  en('North East Lincolnshire', 'Yorkshire and the Humber', [
    'NE Lincolnshire',
    'North East Lincs',
    'NE Lincs',
  ]),
  en('North Lincolnshire', 'Yorkshire and the Humber', ['North Lincs']),
  en('North Yorkshire', 'Yorkshire and the Humber'),
  en('Rotherham', 'Yorkshire and the Humber'),
  en('Sheffield', 'Yorkshire and the Humber'),
  en('Wakefield', 'Yorkshire and the Humber'),
  en('York', 'Yorkshire and the Humber', ['City of York']),

  // ---------------------------------------------------------------- England: East Midlands (10 + Northamptonshire)
  en('Derby', 'East Midlands', ['Derby City']),
  en('Derbyshire', 'East Midlands'),
  en('Leicester', 'East Midlands', ['Leicester City']),
  en('Leicestershire', 'East Midlands'),
  en('Lincolnshire', 'East Midlands', ['Lincs']),
  en('North Northamptonshire', 'East Midlands', ['North Northants']),
  en('West Northamptonshire', 'East Midlands', ['West Northants']),
  en('Northamptonshire', 'East Midlands', ['Northants']),
  en('Nottingham', 'East Midlands', ['Nottingham City']),
  en('Nottinghamshire', 'East Midlands', ['Notts', 'Sutton in Ashfield']),
  en('Rutland', 'East Midlands'),

  // ---------------------------------------------------------------- England: West Midlands (14)
  en('Birmingham', 'West Midlands', ['Sutton Coldfield']),
  en('Coventry', 'West Midlands'),
  en('Dudley', 'West Midlands'),
  en('Herefordshire', 'West Midlands', ['County of Herefordshire']),
  en('Sandwell', 'West Midlands'),
  en('Shropshire', 'West Midlands'),
  en('Solihull', 'West Midlands'),
  en('Staffordshire', 'West Midlands', ['Staffs']),
  en('Stoke-on-Trent', 'West Midlands', ['Stoke']),
  en('Telford and Wrekin', 'West Midlands', ['Telford']),
  en('Walsall', 'West Midlands'),
  en('Warwickshire', 'West Midlands'),
  en('Wolverhampton', 'West Midlands', ['City of Wolverhampton']),
  en('Worcestershire', 'West Midlands'),

  // ---------------------------------------------------------------- England: East of England (11)
  en('Bedford', 'East of England', ['Bedford Borough']),
  en('Cambridgeshire', 'East of England'),
  en('Central Bedfordshire', 'East of England'),
  en('Essex', 'East of England'),
  en('Hertfordshire', 'East of England', ['Herts']),
  en('Luton', 'East of England'),
  en('Norfolk', 'East of England'),
  en('Peterborough', 'East of England'),
  en('Southend-on-Sea', 'East of England', ['Southend']),
  en('Suffolk', 'East of England'),
  en('Thurrock', 'East of England'),

  // ---------------------------------------------------------------- England: London (32 boroughs + City)
  en('Barking and Dagenham', 'London'),
  en('Barnet', 'London'),
  en('Bexley', 'London'),
  en('Brent', 'London'),
  en('Bromley', 'London'),
  en('Camden', 'London'),
  en('City of London', 'London', ['City of London Corporation']),
  en('Croydon', 'London'),
  en('Ealing', 'London'),
  en('Enfield', 'London'),
  en('Greenwich', 'London', ['Royal Borough of Greenwich']),
  en('Hackney', 'London', ['City and Hackney', 'Stoke Newington']),
  en('Hammersmith and Fulham', 'London', ['Hammersmith']),
  en('Haringey', 'London'),
  en('Harrow', 'London'),
  en('Havering', 'London'),
  en('Hillingdon', 'London'),
  en('Hounslow', 'London'),
  en('Islington', 'London'),
  en('Kensington and Chelsea', 'London', ['Royal Borough of Kensington and Chelsea', 'RBKC', 'Kensington']),
  en('Kingston upon Thames', 'London', ['Royal Borough of Kingston upon Thames', 'Kingston']),
  en('Lambeth', 'London'),
  en('Lewisham', 'London'),
  en('Merton', 'London'),
  en('Newham', 'London'),
  en('Redbridge', 'London'),
  en('Richmond upon Thames', 'London', ['Richmond']),
  en('Southwark', 'London'),
  en('Sutton', 'London'),
  en('Tower Hamlets', 'London', ['London Borough of Tower Hamlets']),
  en('Waltham Forest', 'London'),
  en('Wandsworth', 'London'),
  en('Westminster', 'London', ['City of Westminster']),

  // ---------------------------------------------------------------- England: South East (19)
  en('Bracknell Forest', 'South East', ['Bracknell']),
  en('Brighton and Hove', 'South East', ['Brighton']),
  en('Buckinghamshire', 'South East', ['Bucks', 'Stoke Mandeville']),
  en('East Sussex', 'South East'),
  en('Hampshire', 'South East', ['Hants']),
  en('Isle of Wight', 'South East'),
  en('Kent', 'South East'),
  en('Medway', 'South East'),
  en('Milton Keynes', 'South East', ['Newport Pagnell']),
  en('Oxfordshire', 'South East'),
  en('Portsmouth', 'South East'),
  en('Reading', 'South East'),
  en('Slough', 'South East'),
  en('Southampton', 'South East'),
  en('Surrey', 'South East'),
  en('West Berkshire', 'South East'),
  en('West Sussex', 'South East'),
  en('Windsor and Maidenhead', 'South East', ['Royal Borough of Windsor and Maidenhead', 'RBWM']),
  en('Wokingham', 'South East'),

  // ---------------------------------------------------------------- England: South West (15 + Bournemouth, Poole)
  en('Bath and North East Somerset', 'South West', ['BANES', 'B&NES', 'Bath & NE Somerset']),
  en('Bournemouth Christchurch and Poole', 'South West', ['BCP']),
  en('Bournemouth', 'South West'),
  en('Poole', 'South West', ['Borough of Poole']),
  en('Bristol', 'South West', ['City of Bristol', 'Bristol City']),
  en('Cornwall', 'South West'),
  en('Devon', 'South West'),
  en('Dorset', 'South West', ['Pan-Dorset']),
  en('Gloucestershire', 'South West'),
  en('Isles of Scilly', 'South West', ['Scilly', 'Scilly Isles']),
  en('North Somerset', 'South West'),
  en('Plymouth', 'South West'),
  en('Somerset', 'South West'),
  en('South Gloucestershire', 'South West', ['South Glos']),
  en('Swindon', 'South West'),
  en('Torbay', 'South West'),
  en('Wiltshire', 'South West'),

  // ---------------------------------------------------------------- Wales: 22 principal areas
  wa('Blaenau Gwent'),
  wa('Bridgend'),
  wa('Caerphilly'),
  wa('Cardiff', ['City of Cardiff']),
  wa('Carmarthenshire'),
  wa('Ceredigion'),
  wa('Conwy'),
  wa('Denbighshire'),
  wa('Flintshire'),
  wa('Gwynedd'),
  wa('Isle of Anglesey', ['Anglesey', 'Ynys Môn']),
  wa('Merthyr Tydfil', ['Merthyr']),
  wa('Monmouthshire'),
  wa('Neath Port Talbot', ['Neath']),
  wa('Newport'),
  wa('Pembrokeshire'),
  wa('Powys', ['Powys Regional Safeguarding Board']),
  wa('Rhondda Cynon Taf', ['Rhondda Cynon Taff', 'Rhondda']),
  wa('Swansea', ['City and County of Swansea']),
  wa('Torfaen'),
  wa('Vale of Glamorgan'),
  wa('Wrexham'),

  // ---------------------------------------------------------------- Wales: regional safeguarding board areas
  wa('Cwm Taf Morgannwg', ['Cwm Taf Morgannwg Safeguarding Board']),
  wa('Cwm Taf', ['Cwm Taf Safeguarding Board']),
  wa('Gwent', [
    'Gwent Safeguarding Board',
    'South East Wales',
    'South East Wales Safeguarding Children Board',
  ]),
  wa('Western Bay', ['Western Bay Safeguarding Board']),
  wa('West Glamorgan', ['West Glamorgan Safeguarding Board']),
  wa('Cardiff and Vale', [
    'Cardiff and Vale of Glamorgan',
    'Cardiff and the Vale of Glamorgan',
    'Cardiff and Vale Regional Safeguarding Board',
  ]),
  wa('North Wales', ['North Wales Safeguarding Board']),
  wa('Mid and West Wales', ['Mid and West Wales Safeguarding Board', 'CYSUR', 'CWMPAS']),

  // ---------------------------------------------------------------- Scotland: 32 council areas
  sc('Aberdeen', ['Aberdeen City']),
  sc('Aberdeenshire'),
  sc('Angus'),
  sc('Argyll and Bute'),
  sc('Clackmannanshire'),
  sc('Dumfries and Galloway'),
  sc('Dundee', ['Dundee City']),
  sc('East Ayrshire'),
  sc('East Dunbartonshire'),
  sc('East Lothian'),
  sc('East Renfrewshire'),
  sc('Edinburgh', ['City of Edinburgh']),
  sc('Falkirk'),
  sc('Fife'),
  sc('Glasgow', ['Glasgow City']),
  sc('Highland'),
  sc('Inverclyde'),
  sc('Midlothian'),
  sc('Moray'),
  sc('Na h-Eileanan Siar', ['Eilean Siar', 'Comhairle nan Eilean Siar', 'Western Isles', 'Outer Hebrides']),
  sc('North Ayrshire'),
  sc('North Lanarkshire'),
  sc('Orkney', ['Orkney Islands']),
  sc('Perth and Kinross'),
  sc('Renfrewshire'),
  sc('Scottish Borders'),
  sc('Shetland', ['Shetland Islands']),
  sc('South Ayrshire'),
  sc('South Lanarkshire'),
  sc('Stirling'),
  sc('West Dunbartonshire'),
  sc('West Lothian'),

  // ---------------------------------------------------------------- Northern Ireland: nation + 5 HSC Trusts
  ni('Northern Ireland', ['Safeguarding Board for Northern Ireland', 'SBNI']),
  ni('Belfast', ['Belfast Health and Social Care Trust', 'Belfast HSC Trust', 'BHSCT']),
  // The other trusts are named after generic words, so only their full names are matchable.
  ni('Northern Health and Social Care Trust', ['Northern HSC Trust', 'NHSCT']),
  ni('South Eastern Health and Social Care Trust', ['South Eastern HSC Trust', 'SEHSCT']),
  ni('Southern Health and Social Care Trust', ['Southern HSC Trust', 'SHSCT']),
  ni('Western Health and Social Care Trust', ['Western HSC Trust', 'WHSCT']),
];

// ------------------------------------------------------------------------------------------ matching

/**
 * Names that are also ordinary English words: matched only when the text capitalises them
 * ("Reading", "READING"), so "reading the file" or "bury" as a verb do not count.
 * (A capitalised word at the start of a sentence can still match; that risk is accepted.)
 */
const COMMON_WORDS = new Set([
  'reading',
  'bury',
  'slough',
  'harrow',
  'hull',
  'highland',
  'fife',
  'derby',
  'surrey',
  'moray',
  'stoke',
  'bucks',
  'shetland',
]);

/**
 * Phrases that contain a place name but mean somewhere else. A place match lying wholly inside one of
 * these is ignored ("New York" is not York, "Newcastle-under-Lyme" is in Staffordshire).
 */
const BLOCKERS = ['New York', 'Newcastle under Lyme', 'Chester le Street', 'New Hampshire'];

/** Letters/digits runs, or a lone ampersand (which is read as "and"). */
const TOKEN = /[\p{L}\p{N}]+|&/gu;
/** What may sit between two words of one name: spaces, line breaks, hyphens/dashes, a comma. */
const GAP = /^[\s\-\u2010-\u2015]*,?[\s\-\u2010-\u2015]*$/u;
/** After "St" a full stop is also allowed ("St. Helens"). */
const GAP_AFTER_ST = /^\.?[\s\-\u2010-\u2015]*$/u;

function normaliseWord(word: string): string {
  if (word === '&') return 'and';
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

interface Token {
  norm: string;
  raw: string;
  start: number;
  end: number;
}

function tokenise(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const start = m.index ?? 0;
    out.push({ norm: normaliseWord(m[0]), raw: m[0], start, end: start + m[0].length });
  }
  return out;
}

/** The normalised key of a name or alias: its words, lower-case, accent-free, "&" as "and". */
function keyOf(name: string): string {
  return tokenise(name)
    .map((t) => t.norm)
    .join(' ');
}

type CaseRule = 'any' | 'capitalised' | 'upper';

interface Entry {
  place: Place | null; // null for a blocker
  caseRule: CaseRule;
  length: number; // length of the key, used to prefer the longest name
}

interface Index {
  entries: Map<string, Entry>;
  maxWords: number;
}

let index: Index | null = null;

function caseRuleFor(alias: string, key: string): CaseRule {
  const letters = alias.replace(/[^\p{L}]/gu, '');
  if (letters.length >= 2 && letters === letters.toUpperCase() && !alias.includes(' ')) return 'upper';
  if (COMMON_WORDS.has(key)) return 'capitalised';
  return 'any';
}

function getIndex(): Index {
  if (index) return index;
  const entries = new Map<string, Entry>();
  let maxWords = 1;
  const add = (form: string, place: Place | null): void => {
    const key = keyOf(form);
    if (!key) return;
    const existing = entries.get(key);
    if (existing && existing.place !== place) {
      throw new Error(`places: "${form}" is listed for both ${existing.place?.name} and ${place?.name}`);
    }
    entries.set(key, { place, caseRule: caseRuleFor(form, key), length: key.length });
    maxWords = Math.max(maxWords, key.split(' ').length);
  };
  for (const place of PLACES) {
    add(place.name, place);
    for (const alias of place.aliases ?? []) add(alias, place);
  }
  for (const b of BLOCKERS) add(b, null);
  index = { entries, maxWords };
  return index;
}

function caseOk(rule: CaseRule, tokens: Token[], from: number, to: number): boolean {
  if (rule === 'any') return true;
  const first = tokens[from];
  if (!first) return false;
  if (rule === 'capitalised') {
    const c = first.raw.charAt(0);
    return c !== c.toLowerCase();
  }
  for (let i = from; i <= to; i++) {
    const raw = tokens[i]?.raw ?? '';
    if (raw !== raw.toUpperCase()) return false;
  }
  return true;
}

/**
 * The place whose name or alias occurs in `text` as whole words (case-insensitive; "&" = "and";
 * hyphens, spaces and line breaks interchangeable), preferring the longest matching name and, among
 * equally long ones, the earliest. Returns null when no place is named.
 */
export function findPlace(text: string): Place | null {
  if (!text) return null;
  const { entries, maxWords } = getIndex();
  const tokens = tokenise(text);

  interface Hit {
    place: Place | null;
    start: number;
    end: number;
    length: number;
  }
  const hits: Hit[] = [];

  for (let i = 0; i < tokens.length; i++) {
    let key = '';
    for (let j = i; j < tokens.length && j < i + maxWords; j++) {
      const tok = tokens[j];
      if (!tok) break;
      if (j > i) {
        const prev = tokens[j - 1];
        if (!prev) break;
        const gap = text.slice(prev.end, tok.start);
        const gapOk = GAP.test(gap) || (prev.norm === 'st' && GAP_AFTER_ST.test(gap));
        if (!gapOk) break;
        key += ' ';
      }
      key += tok.norm;
      const entry = entries.get(key);
      if (entry && caseOk(entry.caseRule, tokens, i, j)) {
        hits.push({
          place: entry.place,
          start: tokens[i]?.start ?? tok.start,
          end: tok.end,
          length: entry.length,
        });
      }
    }
  }

  const blocked = hits.filter((h) => h.place === null);
  let best: Hit | null = null;
  for (const h of hits) {
    if (h.place === null) continue;
    if (blocked.some((b) => b.start <= h.start && h.end <= b.end)) continue;
    if (!best || h.length > best.length || (h.length === best.length && h.start < best.start)) best = h;
  }
  return best?.place ?? null;
}
