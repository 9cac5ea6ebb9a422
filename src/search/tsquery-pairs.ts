/**
 * Word pairs for PostgreSQL's whole-review index. A phrase ("domestic abuse", or an acronym's
 * expansion such as GP → "general practitioner") cannot be settled from the GIN index, which keeps
 * no positions: every review holding both words is read again and its whole vector decompressed to
 * check them, and PostgreSQL marks the whole page of the heap for that check, so in practice every
 * matching review is read (2 s at 100,000 reviews for a common phrase). The index therefore also
 * holds each pair of adjacent words as one lexeme ("domest abus", with a space no real lexeme has),
 * and a query's two-word phrases are answered by that lexeme alone. Longer phrases keep their exact
 * check, narrowed first to the reviews holding all of their pairs.
 */

type Node =
  | { kind: 'lexeme'; text: string; suffix: string }
  | { kind: 'not'; arg: Node }
  | { kind: 'and' | 'or'; left: Node; right: Node }
  | { kind: 'phrase'; distance: number; left: Node; right: Node };

/** Parses PostgreSQL's text form of a tsquery (what `to_tsquery(...)::text` prints). */
export function parseTsquery(text: string): Node | null {
  let at = 0;
  const skip = () => {
    while (at < text.length && /\s/.test(text[at] ?? '')) at++;
  };
  const peek = (s: string) => {
    skip();
    return text.startsWith(s, at);
  };
  const fail = (): never => {
    throw new Error(`unexpected tsquery text at ${at}: ${text}`);
  };
  const phraseOperator = (): number | null => {
    skip();
    const m = /^<(-|\d+)>/.exec(text.slice(at));
    if (!m) return null;
    at += m[0].length;
    return m[1] === '-' ? 1 : Number(m[1]);
  };
  const unary = (): Node => {
    skip();
    if (peek('!')) {
      at++;
      return { kind: 'not', arg: unary() };
    }
    if (peek('(')) {
      at++;
      const inner = or();
      if (!peek(')')) fail();
      at++;
      return inner;
    }
    if (!peek("'")) fail();
    at++;
    let lexeme = '';
    for (;;) {
      const c = text[at];
      if (c === undefined) fail();
      if ((c === "'" || c === '\\') && text[at + 1] === c) {
        lexeme += c;
        at += 2;
      } else if (c === "'") {
        at++;
        break;
      } else {
        lexeme += c;
        at++;
      }
    }
    const suffix = /^:[*A-Da-d]+/.exec(text.slice(at))?.[0] ?? '';
    at += suffix.length;
    return { kind: 'lexeme', text: lexeme, suffix };
  };
  const phrase = (): Node => {
    let left = unary();
    for (let d = phraseOperator(); d !== null; d = phraseOperator()) {
      left = { kind: 'phrase', distance: d, left, right: unary() };
    }
    return left;
  };
  const and = (): Node => {
    let left = phrase();
    while (peek('&')) {
      at++;
      left = { kind: 'and', left, right: phrase() };
    }
    return left;
  };
  const or = (): Node => {
    let left = and();
    while (peek('|')) {
      at++;
      left = { kind: 'or', left, right: and() };
    }
    return left;
  };
  skip();
  if (at >= text.length) return null;
  const node = or();
  skip();
  if (at < text.length) fail();
  return node;
}

export function printTsquery(node: Node): string {
  switch (node.kind) {
    case 'lexeme':
      return `'${node.text.replace(/\\/g, '\\\\').replace(/'/g, "''")}'${node.suffix}`;
    case 'not':
      return `!(${printTsquery(node.arg)})`;
    case 'and':
      return `(${printTsquery(node.left)} & ${printTsquery(node.right)})`;
    case 'or':
      return `(${printTsquery(node.left)} | ${printTsquery(node.right)})`;
    case 'phrase':
      return `(${printTsquery(node.left)} <${node.distance}> ${printTsquery(node.right)})`;
  }
}

const plain = (n: Node): n is { kind: 'lexeme'; text: string; suffix: string } =>
  n.kind === 'lexeme' && n.suffix === '';

/** The lexeme the index holds for two adjacent words (see review_pairs in migration 0012). */
const pair = (a: string, b: string): Node => ({ kind: 'lexeme', text: `${a} ${b}`, suffix: '' });

/** A phrase as a chain of words and the distance before each; null when it holds anything else. */
function chain(node: Node): Array<{ text: string; distance: number }> | null {
  if (plain(node)) return [{ text: node.text, distance: 0 }];
  if (node.kind !== 'phrase') return null;
  const left = chain(node.left);
  const right = chain(node.right);
  if (!left || !right) return null;
  const [first, ...rest] = right;
  return first ? [...left, { text: first.text, distance: node.distance }, ...rest] : null;
}

type Bound = Node | boolean;

const and = (a: Bound, b: Bound): Bound =>
  a === false || b === false ? false : a === true ? b : b === true ? a : { kind: 'and', left: a, right: b };
const or = (a: Bound, b: Bound): Bound =>
  a === true || b === true ? true : a === false ? b : b === false ? a : { kind: 'or', left: a, right: b };
const not = (a: Bound): Bound => (typeof a === 'boolean' ? !a : { kind: 'not', arg: a });

/**
 * Two queries the GIN index answers without reading any vector: `lower` matches only reviews the
 * query matches, `upper` every review it matches. Two-word phrases are their pair lexeme in both;
 * a longer phrase is dropped from `lower` and is its words and pairs in `upper`.
 */
function bounds(node: Node): { lower: Bound; upper: Bound } {
  switch (node.kind) {
    case 'lexeme':
      return { lower: node, upper: node };
    case 'not': {
      const inner = bounds(node.arg);
      return { lower: not(inner.upper), upper: not(inner.lower) };
    }
    case 'and':
    case 'or': {
      const l = bounds(node.left);
      const r = bounds(node.right);
      const join = node.kind === 'and' ? and : or;
      return { lower: join(l.lower, r.lower), upper: join(l.upper, r.upper) };
    }
    case 'phrase': {
      if (node.distance === 1 && plain(node.left) && plain(node.right)) {
        const p = pair(node.left.text, node.right.text);
        return { lower: p, upper: p };
      }
      const words = chain(node);
      if (!words) return { lower: false, upper: and(bounds(node.left).upper, bounds(node.right).upper) };
      const needed: Node[] = words.map((w) => ({ kind: 'lexeme', text: w.text, suffix: '' }));
      words.forEach((w, i) => {
        const before = words[i - 1];
        if (i > 0 && w.distance === 1 && before) needed.push(pair(before.text, w.text));
      });
      return { lower: false, upper: needed.reduce<Bound>((acc, n) => and(acc, n), true) };
    }
  }
}

const text = (b: Bound): string | null => (typeof b === 'boolean' ? null : printTsquery(b));

/**
 * How the whole-review index answers a normalised tsquery (the text `to_tsquery(...)::text` gives):
 *  - `sure`: a tsquery whose every match is a match (null: none are sure);
 *  - `unsure`: a tsquery for the other reviews that may match (null: there are none), each of which
 *    must then be checked against the original query, positions and all.
 * Kept apart because PostgreSQL rechecks a whole heap page when one row on it needs checking: mixed
 * into one scan, a handful of unsure reviews made it decompress nearly every matching review.
 */
export function reviewMatch(normalised: string): { sure: string | null; unsure: string | null } {
  const node = parseTsquery(normalised);
  if (!node) return { sure: null, unsure: null };
  const { lower, upper } = bounds(node);
  if (lower === true || upper === true) {
    // Only a query of exclusions alone could be this; the query language never sends one.
    throw new Error('a review query must require some word');
  }
  const sure = text(lower);
  // Without a longer phrase both bounds are the query itself: nothing is left to check.
  return { sure, unsure: text(upper) === sure ? null : text(and(upper, not(lower))) };
}
