import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_CLAUSES, excludesItself, expandQuery, parseQuery, queryTerms, toFts5, toTsquery } from './query.js';
import type { Clause, Query } from './query.js';

const term = (text: string): Clause => ({ kind: 'term', text });
const phrase = (...words: string[]): Clause => ({ kind: 'phrase', words });

describe('parseQuery', () => {
  it('knows a query that excludes one of its own groups can match nothing', () => {
    expect(excludesItself(parseQuery('school -school'))).toBe(true);
    expect(excludesItself(parseQuery('neglect School -school'))).toBe(true);
    expect(excludesItself(parseQuery('"home visit" -"Home visit"'))).toBe(true);
    expect(excludesItself(parseQuery('police OR school -school'))).toBe(false);
    expect(excludesItself(parseQuery('school -schools'))).toBe(false);
    expect(excludesItself(parseQuery('school -"school nurse"'))).toBe(false);
    expect(excludesItself(parseQuery('school'))).toBe(false);
  });

  it('returns an empty query for empty or blank input', () => {
    expect(parseQuery('')).toEqual({ groups: [], excluded: [] });
    expect(parseQuery('   \t\n ')).toEqual({ groups: [], excluded: [] });
  });

  it('ANDs plain words, lower-cased', () => {
    expect(parseQuery('Neglect Toddler')).toEqual({
      groups: [[term('neglect')], [term('toddler')]],
      excluded: [],
    });
  });

  it('reads straight and curly double quotes as exact phrases', () => {
    const expected = { groups: [[phrase('strategy', 'meeting')], [term('police')]], excluded: [] };
    expect(parseQuery('"Strategy meeting" police')).toEqual(expected);
    expect(parseQuery('\u201CStrategy meeting\u201D police')).toEqual(expected);
    expect(parseQuery('\u201EStrategy meeting\u201C police')).toEqual(expected);
  });

  it('keeps a quoted single word as a phrase, even a stop word', () => {
    expect(parseQuery('"the"')).toEqual({ groups: [[phrase('the')]], excluded: [] });
  });

  it('excludes words and phrases marked with a minus', () => {
    expect(parseQuery('neglect -housing -"home visit"')).toEqual({
      groups: [[term('neglect')]],
      excluded: [term('housing'), phrase('home', 'visit')],
    });
  });

  it('treats upper-case OR as alternatives binding the items either side', () => {
    expect(parseQuery('police OR health visitor')).toEqual({
      groups: [[term('police'), term('health')], [term('visitor')]],
      excluded: [],
    });
  });

  it('chains several ORs into one group, phrases included', () => {
    expect(parseQuery('police OR health OR "social care"')).toEqual({
      groups: [[term('police'), term('health'), phrase('social', 'care')]],
      excluded: [],
    });
  });

  it('reads lower-case or as an ordinary (stop) word, so the words are ANDed', () => {
    expect(parseQuery('police or health')).toEqual({
      groups: [[term('police')], [term('health')]],
      excluded: [],
    });
    expect(parseQuery('police Or health')).toEqual({
      groups: [[term('police')], [term('health')]],
      excluded: [],
    });
  });

  it('ignores leading, trailing and doubled OR', () => {
    expect(parseQuery('OR police OR')).toEqual({ groups: [[term('police')]], excluded: [] });
    expect(parseQuery('police OR OR health')).toEqual({
      groups: [[term('police'), term('health')]],
      excluded: [],
    });
  });

  it('does not let OR join an exclusion', () => {
    expect(parseQuery('police OR -health school')).toEqual({
      groups: [[term('police')], [term('school')]],
      excluded: [term('health')],
    });
  });

  it('combines phrases, OR and exclusions in one query', () => {
    expect(parseQuery('"child protection" plan OR conference -"core group" -adult')).toEqual({
      groups: [[phrase('child', 'protection')], [term('plan'), term('conference')]],
      excluded: [phrase('core', 'group'), term('adult')],
    });
  });

  it('treats an unbalanced quote as absent and keeps the words', () => {
    expect(parseQuery('"strategy meeting')).toEqual({
      groups: [[term('strategy')], [term('meeting')]],
      excluded: [],
    });
    expect(parseQuery('"core group" "strategy meeting')).toEqual({
      groups: [[phrase('core', 'group')], [term('strategy')], [term('meeting')]],
      excluded: [],
    });
  });

  it('ignores stray minus signs and punctuation-only items', () => {
    expect(parseQuery('- -- police * ^ ; -')).toEqual({ groups: [[term('police')]], excluded: [] });
  });

  it('turns hyphenated and dotted words into phrases so the parts stay adjacent', () => {
    expect(parseQuery('multi-agency s.47')).toEqual({
      groups: [[phrase('multi', 'agency')], [phrase('s', '47')]],
      excluded: [],
    });
    expect(parseQuery('-multi-agency police')).toEqual({
      groups: [[term('police')]],
      excluded: [phrase('multi', 'agency')],
    });
  });

  it("drops a final possessive 's from a bare word, with straight or curly apostrophes", () => {
    expect(parseQuery("child's mother\u2019s parents'")).toEqual({
      groups: [[term('child')], [term('mother')], [term('parents')]],
      excluded: [],
    });
  });

  it("keeps 's inside phrases and splits other apostrophes, as both engines index them", () => {
    expect(parseQuery(`"children's social care" O'Brien`)).toEqual({
      groups: [[phrase('children', 's', 'social', 'care')], [phrase('o', 'brien')]],
      excluded: [],
    });
  });

  it('folds diacritics and compatibility characters', () => {
    expect(parseQuery('Zoë Chloé naïve ﬁnding')).toEqual({
      groups: [[term('zoe')], [term('chloe')], [term('naive')], [term('finding')]],
      excluded: [],
    });
  });

  it('drops stop words outside phrases but keeps them inside phrases', () => {
    expect(parseQuery('the failure to protect "failure to protect"')).toEqual({
      groups: [[term('failure')], [term('protect')], [phrase('failure', 'to', 'protect')]],
      excluded: [],
    });
    expect(parseQuery('the of and')).toEqual({ groups: [], excluded: [] });
  });

  it('keeps stop words inside hyphenated words, which are phrases', () => {
    expect(parseQuery('out-of-hours')).toEqual({ groups: [[phrase('out', 'of', 'hours')]], excluded: [] });
  });

  it('removes repeated words and alternatives', () => {
    expect(parseQuery('police police OR police -school -school')).toEqual({
      groups: [[term('police')]],
      excluded: [term('school')],
    });
  });

  it(`stops after ${MAX_CLAUSES} clauses`, () => {
    const words = Array.from({ length: 30 }, (_, i) => `word${i}`);
    const q = parseQuery(words.join(' '));
    expect(q.groups).toHaveLength(MAX_CLAUSES);
    expect(q.groups[MAX_CLAUSES - 1]).toEqual([term(`word${MAX_CLAUSES - 1}`)]);
  });

  it('gives a query of only exclusions no groups', () => {
    expect(parseQuery('-police -"social care"')).toEqual({
      groups: [],
      excluded: [term('police'), phrase('social', 'care')],
    });
  });
});

describe('expandQuery', () => {
  const acronyms = (c: Clause): Clause[] =>
    c.kind === 'term' && c.text === 'cse' ? [phrase('child', 'sexual', 'exploitation'), term('cse')] : [];

  it('adds alternatives beside each clause, once each, and leaves exclusions alone', () => {
    const q = expandQuery(parseQuery('CSE OR "child sexual exploitation" police -cse'), acronyms);
    expect(q).toEqual({
      groups: [[term('cse'), phrase('child', 'sexual', 'exploitation')], [term('police')]],
      excluded: [term('cse')],
    });
  });

  it('does not change the query it was given', () => {
    const q = parseQuery('cse');
    expandQuery(q, acronyms);
    expect(q).toEqual({ groups: [[term('cse')]], excluded: [] });
  });

  it('ignores blank alternatives', () => {
    const q = expandQuery(parseQuery('police'), () => [term(' '), phrase()]);
    expect(q).toEqual({ groups: [[term('police')]], excluded: [] });
  });
});

describe('queryTerms', () => {
  it('lists each positive word once, including phrase words and expansions, but no exclusions', () => {
    const q = expandQuery(parseQuery('CSE "social care" police OR care -school'), (c) =>
      c.kind === 'term' && c.text === 'cse' ? [phrase('child', 'sexual', 'exploitation')] : [],
    );
    expect(queryTerms(q)).toEqual(['cse', 'child', 'sexual', 'exploitation', 'social', 'care', 'police']);
  });
});

describe('compilers', () => {
  it.each([
    ['child protection', '"child" AND "protection"', "'child' & 'protection'"],
    ['"strategy meeting"', '"strategy meeting"', "('strategy' <-> 'meeting')"],
    [
      'police OR health visitor',
      '("police" OR "health") AND "visitor"',
      "( 'police' | 'health' ) & 'visitor'",
    ],
    [
      'police OR health OR "social care"',
      '("police" OR "health" OR "social care")',
      "( 'police' | 'health' | ('social' <-> 'care') )",
    ],
    ['neglect -housing', '("neglect") NOT ("housing")', "'neglect' & !'housing'"],
    [
      'neglect -housing -"home visit"',
      '("neglect") NOT ("housing" OR "home visit")',
      "'neglect' & !( 'housing' | ('home' <-> 'visit') )",
    ],
    [
      'police OR school -"social care" multi-agency',
      '(("police" OR "school") AND "multi agency") NOT ("social care")',
      "( 'police' | 'school' ) & ('multi' <-> 'agency') & !('social' <-> 'care')",
    ],
    ['"failure to protect"', '"failure to protect"', "('failure' <-> 'to' <-> 'protect')"],
    ["child's s.47", '"child" AND "s 47"', "'child' & ('s' <-> '47')"],
    ['Zoë', '"zoe"', "'zoe'"],
  ])('compiles %s', (input, fts5, tsquery) => {
    const q = parseQuery(input);
    expect(toFts5(q)).toBe(fts5);
    expect(toTsquery(q)).toBe(tsquery);
  });

  it('returns null when there is nothing positive to search for', () => {
    for (const input of ['', '-police', '-police -"social care"', 'the of', '* ^ --']) {
      expect(toFts5(parseQuery(input))).toBeNull();
      expect(toTsquery(parseQuery(input))).toBeNull();
    }
  });

  it('leaves phrases of only stop words out of the tsquery but keeps them for FTS5', () => {
    const q = parseQuery('"to be" police -"it is"');
    expect(toFts5(q)).toBe('("to be" AND "police") NOT ("it is")');
    expect(toTsquery(q)).toBe("'police'");
    expect(toTsquery(parseQuery('"of the"'))).toBeNull();
  });

  it('escapes quotes and backslashes in clauses that did not come from the parser', () => {
    const q: Query = { groups: [[term(`it's "odd"`), phrase('a\\b', "o'neil")]], excluded: [] };
    expect(toFts5(q)).toBe(`("it's ""odd""" OR "a\\b o'neil")`);
    expect(toTsquery(q)).toBe(`( 'it''s "odd"' | ('a\\\\b' <-> 'o''neil') )`);
  });
});

/** Strips every quoted string; whatever is left must be the compiler's own operators. */
const fts5Residue = (s: string): string => s.replace(/"(?:[^"]|"")*"/g, ' ');
const tsqueryResidue = (s: string): string => s.replace(/'(?:[^'\\]|''|\\.)*'/g, ' ');
const FTS5_OPERATORS = /^(?:\s|\(|\)|AND|OR|NOT)*$/;
const TSQUERY_OPERATORS = /^(?:\s|\(|\)|&|\||!|<->)*$/;

const hostileInputs = [
  '"x" OR 1=1 --',
  "'; drop table reviews; --",
  'NEAR(a b)',
  'NEAR("a" "b", 2)',
  'col:term',
  'body:police',
  '*',
  'poli*',
  '^police',
  '{body}: police',
  "police & !school | 'x':*A <-> y",
  'a AND OR NOT b',
  '"unterminated \\" quote',
  "it''s \\' back\\slash",
  '-"',
  '(((',
  ')',
  '"" "" ""',
];

/** Deterministic generator of junk made from the characters both query languages care about. */
function junk(count: number): string[] {
  const alphabet = [
    '"',
    "'",
    '-',
    '*',
    '^',
    ':',
    '(',
    ')',
    '&',
    '|',
    '!',
    '<',
    '>',
    '\\',
    ' ',
    'OR',
    'NOT',
    'a',
    '1',
    'é',
  ];
  let seed = 42;
  const next = (): number => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed;
  };
  return Array.from({ length: count }, () =>
    Array.from({ length: 1 + (next() % 12) }, () => alphabet[next() % alphabet.length]).join(''),
  );
}

describe('injection attempts', () => {
  it.each(hostileInputs)('quotes every token of %s', (input) => {
    const q = parseQuery(input);
    const fts5 = toFts5(q);
    const tsquery = toTsquery(q);
    if (fts5 !== null) expect(fts5Residue(fts5)).toMatch(FTS5_OPERATORS);
    if (tsquery !== null) expect(tsqueryResidue(tsquery)).toMatch(TSQUERY_OPERATORS);
  });

  it('turns the classic attempts into plain words', () => {
    expect(toFts5(parseQuery('"x" OR 1=1 --'))).toBe('("x" OR "1 1")');
    expect(toTsquery(parseQuery('"x" OR 1=1 --'))).toBe("( 'x' | ('1' <-> '1') )");
    expect(toFts5(parseQuery("'; drop table reviews; --"))).toBe('"drop" AND "table" AND "reviews"');
    expect(toFts5(parseQuery('NEAR(a b)'))).toBe('"near a" AND "b"');
    expect(toFts5(parseQuery('col:term'))).toBe('"col term"');
    expect(toTsquery(parseQuery('col:term'))).toBe("('col' <-> 'term')");
    expect(toFts5(parseQuery('* ^'))).toBeNull();
  });

  it('keeps generated junk quoted', () => {
    for (const input of junk(500)) {
      const q = parseQuery(input);
      expect(fts5Residue(toFts5(q) ?? '')).toMatch(FTS5_OPERATORS);
      expect(tsqueryResidue(toTsquery(q) ?? '')).toMatch(TSQUERY_OPERATORS);
    }
  });
});

// Fictional passages, rows 1–4.
const PASSAGES = [
  'The health visitor assessed Zoë at home after the referral.',
  'A multi-agency strategy meeting agreed a section 47 enquiry.',
  "Police shared information with children's social care about missing episodes.",
  "Social care did not share the school's concerns about child sexual exploitation with the police.",
];

const cse = (c: Clause): Clause[] =>
  c.kind === 'term' && c.text === 'cse' ? [phrase('child', 'sexual', 'exploitation')] : [];

/** [what it shows, query, matching rows, optional expansion] — the same answers from both engines. */
const ENGINE_CASES: [string, string, number[], ((c: Clause) => Clause[])?][] = [
  ['words are ANDed', 'social care', [3, 4]],
  ['words are ANDed even when one is missing', 'visitor strategy', []],
  ['a phrase matches in order', '"social care"', [3, 4]],
  ['a phrase does not match out of order', '"care social"', []],
  ['a stop word inside a phrase keeps its place', '"shared information with children"', [3]],
  ['a phrase needs its words adjacent', '"information children"', []],
  ['an exclusion removes a row', 'police -school', [3]],
  ['an excluded phrase with a possessive removes a row', `police -"children's social care"`, [4]],
  ['OR widens', 'visitor OR strategy', [1, 2]],
  ['OR binds tighter than AND', 'section 47 OR police', [2]],
  ['lower-case or is not OR', 'police or visitor', []],
  ['stemming: sharing finds shared and share', 'sharing', [3, 4]],
  ['stemming: assessments finds assessed', 'assessments', [1]],
  ['a hyphenated word matches as a phrase', 'multi-agency', [2]],
  ['a hyphenated word in the wrong order does not', 'agency-multi', []],
  ['a possessive finds the word', "children's", [3]],
  ['an acronym expansion finds the phrase', 'CSE police', [4], cse],
  ['without expansion the acronym finds nothing', 'CSE police', []],
  ['an injection attempt is just words', '"x" OR 1=1 --', []],
  ['a SQL injection attempt is just words', "'; drop table reviews; --", []],
];

function compile(input: string, expand?: (c: Clause) => Clause[]): Query {
  const q = parseQuery(input);
  return expand ? expandQuery(q, expand) : q;
}

describe('SQLite FTS5 accepts the compiled queries', () => {
  const db = new Database(':memory:');
  const search = (match: string): number[] =>
    db
      .prepare<[string], { rowid: number }>('SELECT rowid FROM t WHERE t MATCH ? ORDER BY rowid')
      .all(match)
      .map((r) => r.rowid);

  beforeAll(() => {
    db.exec("CREATE VIRTUAL TABLE t USING fts5(body, tokenize='porter unicode61 remove_diacritics 2')");
    const insert = db.prepare<[number, string]>('INSERT INTO t(rowid, body) VALUES (?, ?)');
    PASSAGES.forEach((body, i) => insert.run(i + 1, body));
  });
  afterAll(() => db.close());

  it.each(ENGINE_CASES)('%s: %s', (_what, input, rows, expand) => {
    const match = toFts5(compile(input, expand));
    expect(match).not.toBeNull();
    expect(search(match as string)).toEqual(rows);
  });

  // remove_diacritics folds the indexed text; PostgreSQL's english configuration does not (no unaccent).
  it('finds a name typed with or without its diacritics', () => {
    expect(search(toFts5(parseQuery('Zoe')) as string)).toEqual([1]);
    expect(search(toFts5(parseQuery('ZOË')) as string)).toEqual([1]);
  });

  it('matches a dotted reference like s.47 as adjacent tokens', () => {
    db.prepare('INSERT INTO t(rowid, body) VALUES (?, ?)').run(99, 'An s.47 enquiry was opened.');
    try {
      expect(search(toFts5(parseQuery('s.47 enquiry')) as string)).toEqual([99]);
    } finally {
      db.prepare('DELETE FROM t WHERE rowid = ?').run(99);
    }
  });

  it('runs every hostile or junk input without a syntax error', () => {
    for (const input of [...hostileInputs, ...junk(500)]) {
      const match = toFts5(parseQuery(input));
      if (match !== null) expect(() => search(match)).not.toThrow();
    }
  });
});

describe('PostgreSQL to_tsquery accepts the compiled queries', () => {
  const url = process.env.DATABASE_URL;
  const client = url ? new pg.Client({ connectionString: url }) : null;

  const matches = async (body: string, tsquery: string): Promise<boolean> => {
    if (!client) throw new Error('DATABASE_URL is not set');
    const result = await client.query<{ hit: boolean }>(
      "select to_tsvector('english', $1) @@ to_tsquery('english', $2) as hit",
      [body, tsquery],
    );
    return result.rows[0]?.hit === true;
  };
  const search = async (tsquery: string): Promise<number[]> => {
    const rows: number[] = [];
    for (const [i, body] of PASSAGES.entries()) if (await matches(body, tsquery)) rows.push(i + 1);
    return rows;
  };

  beforeAll(async () => {
    if (!client) return;
    await client.connect();
    // to_tsquery reports stop-word-only operands as NOTICEs; they are expected and harmless here.
    await client.query('set client_min_messages = warning');
  });
  afterAll(async () => {
    await client?.end();
  });

  it.skipIf(!url).each(ENGINE_CASES)('%s: %s', async (_what, input, rows, expand) => {
    const tsquery = toTsquery(compile(input, expand));
    expect(tsquery).not.toBeNull();
    expect(await search(tsquery as string)).toEqual(rows);
  });

  it.skipIf(!url)('runs every hostile or junk input without a syntax error', async () => {
    for (const input of [...hostileInputs, ...junk(500)]) {
      const tsquery = toTsquery(parseQuery(input));
      if (tsquery !== null)
        await expect(matches(PASSAGES[0] as string, tsquery)).resolves.toBeTypeOf('boolean');
    }
  });
});
