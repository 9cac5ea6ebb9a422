/**
 * Web-search style query syntax, parsed once and compiled for each search engine.
 *
 *   child protection          both words (AND)
 *   "strategy meeting"        exact phrase (straight or curly quotes)
 *   -neglect  -"home visit"   exclusions
 *   police OR health visitor  (police | health) & visitor — OR is upper-case only
 *
 * The compilers quote every token, so nothing a person types reaches the engines as syntax
 * (no FTS5 column filters, NEAR, prefix `*` or `^`; no tsquery operators or weights).
 */

export type Clause = { kind: 'term'; text: string } | { kind: 'phrase'; words: string[] };

/** A query is an AND of groups; each group is an OR of clauses; plus excluded clauses. */
export interface Query {
  groups: Clause[][];
  excluded: Clause[];
}

export const MAX_CLAUSES = 20;

/**
 * Whether nothing can match because a group is excluded outright ("school -school"): every clause
 * of some group is also an excluded clause. The engines would otherwise read every match of the
 * group to find that none is left.
 */
export function excludesItself(q: Query): boolean {
  const key = (c: Clause) => (c.kind === 'term' ? c.text : c.words.join(' ')).toLowerCase();
  const excluded = new Set(q.excluded.map(key));
  return excluded.size > 0 && q.groups.some((g) => g.length > 0 && g.every((c) => excluded.has(key(c))));
}

const STOP_WORDS: ReadonlySet<string> = new Set(
  'a an and are as at be by for from has have in is it its of on or that the this to was were will with'.split(
    ' ',
  ),
);

// A word is letters/digits, with apostrophes allowed only between them (child's, o'brien).
const WORD = /[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*/gu;

type Token = { kind: 'or' } | { kind: 'clause'; clause: Clause; negated: boolean };

export function parseQuery(input: string): Query {
  const query: Query = { groups: [], excluded: [] };
  let count = 0;
  let pendingOr = false;
  let afterPositive = false;

  for (const token of tokenize(prepare(input))) {
    if (token.kind === 'or') {
      // OR only joins two positive items; a leading, trailing or dangling OR is ignored.
      pendingOr = afterPositive;
      continue;
    }
    const { clause, negated } = token;
    if (clause.kind === 'term' && STOP_WORDS.has(clause.text)) continue;
    if (count >= MAX_CLAUSES) break;

    if (negated) {
      if (addUnique(query.excluded, clause)) count += 1;
      afterPositive = false;
    } else {
      const last = query.groups[query.groups.length - 1];
      if (pendingOr && last) {
        if (addUnique(last, clause)) count += 1;
      } else {
        query.groups.push([clause]);
        count += 1;
      }
      afterPositive = true;
    }
    pendingOr = false;
  }
  return { groups: uniqueGroups(query.groups), excluded: query.excluded };
}

/** Adds each group's alternatives (acronyms, spelling variants); exclusions are kept as typed. */
export function expandQuery(q: Query, expand: (clause: Clause) => Clause[]): Query {
  return {
    groups: q.groups.map((group) => {
      const out: Clause[] = [];
      for (const clause of group) {
        addUnique(out, clause);
        for (const alternative of expand(clause)) {
          if (clauseText(alternative) !== '') addUnique(out, alternative);
        }
      }
      return out;
    }),
    excluded: [...q.excluded],
  };
}

/** An FTS5 MATCH expression, or null when there is nothing positive to search for. */
export function toFts5(q: Query): string | null {
  const clause = (c: Clause): string => ftsString(wordsOf(c).join(' '));
  const either = (clauses: Clause[]): string =>
    clauses.length === 1 ? clause(clauses[0] as Clause) : `(${clauses.map(clause).join(' OR ')})`;

  const groups = q.groups.map((g) => g.filter(hasText)).filter((g) => g.length > 0);
  if (groups.length === 0) return null;
  const positive = groups.map(either).join(' AND ');
  const excluded = q.excluded.filter(hasText);
  // FTS5's NOT is binary and binds tighter than AND/OR, hence both sides in parentheses.
  if (excluded.length === 0) return positive;
  return `(${positive}) NOT (${excluded.map(clause).join(' OR ')})`;
}

/**
 * Input for PostgreSQL's to_tsquery('english', …), or null when there is nothing positive to search for.
 * to_tsquery stems and drops stop words itself; a clause made only of stop words would leave an empty
 * operand, so such clauses are left out here.
 */
export function toTsquery(q: Query): string | null {
  const clause = (c: Clause): string => {
    const words = wordsOf(c);
    return words.length === 1 ? tsString(words[0] as string) : `(${words.map(tsString).join(' <-> ')})`;
  };
  const either = (clauses: Clause[]): string =>
    clauses.length === 1 ? clause(clauses[0] as Clause) : `( ${clauses.map(clause).join(' | ')} )`;
  const searchable = (c: Clause): boolean => hasText(c) && !onlyStopWords(c);

  const groups = q.groups.map((g) => g.filter(searchable)).filter((g) => g.length > 0);
  if (groups.length === 0) return null;
  const positive = groups.map(either).join(' & ');
  const excluded = q.excluded.filter(searchable);
  if (excluded.length === 0) return positive;
  return `${positive} & !${either(excluded)}`;
}

/** Every positive word, once, in query order: what a results page highlights. */
export function queryTerms(q: Query): string[] {
  return [...new Set(q.groups.flat().flatMap(wordsOf))];
}

/** A group's clauses as lists of words (one word for a term). */
export function clauseWords(group: readonly Clause[]): string[][] {
  return group.map(wordsOf).filter((words) => words.length > 0);
}

/** Non-blank words; clauses from an expand() callback are not guaranteed to be tidy. */
function wordsOf(c: Clause): string[] {
  return (c.kind === 'term' ? [c.text] : c.words).map((w) => w.trim()).filter((w) => w !== '');
}

function clauseText(c: Clause): string {
  return wordsOf(c).join(' ');
}

function hasText(c: Clause): boolean {
  return wordsOf(c).length > 0;
}

function onlyStopWords(c: Clause): boolean {
  return wordsOf(c).every((w) => STOP_WORDS.has(w.toLowerCase()));
}

/** `child child` or `a OR b b OR a` needs each group only once. */
function uniqueGroups(groups: Clause[][]): Clause[][] {
  const seen = new Set<string>();
  return groups.filter((group) => {
    const key = JSON.stringify(group.map((c) => clauseText(c).toLowerCase()).sort());
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function addUnique(list: Clause[], clause: Clause): boolean {
  const key = clauseText(clause).toLowerCase();
  if (list.some((c) => clauseText(c).toLowerCase() === key)) return false;
  list.push(clause);
  return true;
}

/** Folds case, diacritics and typographic quotes, and blanks a final unpaired double quote. */
function prepare(input: string): string {
  const text = input
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
    .replace(/[\u2018\u2019\u201B\u02BC\u2032]/g, "'");
  const quotes = text.split('"').length - 1;
  if (quotes % 2 === 0) return text;
  const last = text.lastIndexOf('"');
  return `${text.slice(0, last)} ${text.slice(last + 1)}`;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let negateNextPhrase = false;
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    if (/\s/u.test(ch)) {
      negateNextPhrase = false;
      i += 1;
    } else if (ch === '"') {
      // Quotes are balanced by prepare(), so a closing quote exists.
      const close = text.indexOf('"', i + 1);
      const words = splitWords(text.slice(i + 1, close));
      if (words.length > 0)
        tokens.push({ kind: 'clause', clause: { kind: 'phrase', words }, negated: negateNextPhrase });
      negateNextPhrase = false;
      i = close + 1;
    } else {
      let end = i;
      while (end < text.length && text[end] !== '"' && !/\s/u.test(text[end] as string)) end += 1;
      const chunk = text.slice(i, end);
      i = end;
      if (/^-+$/.test(chunk)) {
        negateNextPhrase = text[end] === '"';
        continue;
      }
      negateNextPhrase = false;
      if (chunk === 'OR') {
        tokens.push({ kind: 'or' });
        continue;
      }
      const words = splitWords(chunk);
      // A possessive ending a bare word is dropped (child's → child): nothing follows it, so no
      // adjacency is lost. Inside a phrase the 's stays, because both engines give it a position.
      if (
        words.length > 1 &&
        words[words.length - 1] === 's' &&
        /'s$/.test(chunk.replace(/[^\p{L}\p{N}']+$/u, ''))
      ) {
        words.pop();
      }
      const clause: Clause | null =
        words.length === 0
          ? null
          : words.length === 1
            ? { kind: 'term', text: words[0] as string }
            : { kind: 'phrase', words };
      if (clause) tokens.push({ kind: 'clause', clause, negated: chunk.startsWith('-') });
    }
  }
  return tokens;
}

/**
 * Lower-cased words. Apostrophes split words (o'brien → o brien, children's → children s) because FTS5's
 * unicode61 and PostgreSQL's parser both index them that way, so phrases keep their word positions.
 */
function splitWords(text: string): string[] {
  return [...text.toLowerCase().matchAll(WORD)].flatMap((m) => m[0].split("'"));
}

function ftsString(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}

function tsString(text: string): string {
  return `'${text.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;
}
