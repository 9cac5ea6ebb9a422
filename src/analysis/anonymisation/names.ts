/**
 * Personal names. Capitalised words are grouped into runs ("Mrs Kelly Okafor"), runs that end in an
 * organisation or place word are dropped ("St Mary's Hospital", "Clare's Law"), and what is left is
 * split at non-name words into candidate names, each judged by one explainable rule: a title, a first
 * name from the gazetteer, a common surname, or a cue around it. A second pass flags the other mentions
 * of a name already found, and names listed with it.
 */
import { type Finding, finding } from './types.js';
import {
  type Segment,
  titledVerdict,
  untitledVerdict,
  type Verdict,
  type VerdictContext,
} from './name-verdicts.js';
import {
  abstractSubject,
  afterArticle,
  classify,
  knownPhrases,
  ordinaryAtStart,
  usedAsWord,
  type WordClass,
} from './name-words.js';
import { PARTICLES, TITLES } from './lexicon.js';
import { declaredPseudonyms, isCredit } from './pseudonyms.js';
import { type Doc, gap } from './text.js';

/** Surnames that are also street or building words: "Jayden Hill said" is a person, "on Jayden Hill" is not. */
const SURNAME_TAILS = new Set(
  'hill lane green park hall house ward wood field fields brook way law court'.split(' '),
);
const LOCATION_BEFORE = /\b(?:on|in|at|off|along|near|into|onto|down|up|from|to|via|towards|opposite)\s+$/;
const NAME_CLASSES = new Set<WordClass>(['first', 'word', 'proper', 'surname', 'unknown']);

class NameFinder {
  private readonly classes: WordClass[];
  private readonly pseudonyms: Set<string>;
  private readonly midCapital = new Set<string>();
  private readonly seenLower = new Set<string>();
  private readonly segments: Segment[] = [];
  readonly found: Finding[] = [];
  private readonly covered: boolean[];
  private readonly context: VerdictContext;

  constructor(private readonly doc: Doc) {
    const inPhrase = knownPhrases(doc);
    this.classes = doc.tokens.map((_, i) => classify(doc, i, inPhrase[i] ?? false));
    this.pseudonyms = declaredPseudonyms(doc.text);
    this.covered = doc.tokens.map(() => false);
    this.context = {
      doc,
      cls: (i) => this.cls(i),
      properNoun: (lower) => this.midCapital.has(lower) && !this.seenLower.has(lower),
    };
    doc.tokens.forEach((t, i) => {
      if (!t.capitalised) this.seenLower.add(t.lower);
      else if (!doc.sentenceStart[i] && !doc.inHeading[i]) this.midCapital.add(t.lower);
    });
  }

  run(): Finding[] {
    const { tokens } = this.doc;
    for (let i = 0; i < tokens.length;) {
      if (this.cls(i) === 'lower') {
        i++;
        continue;
      }
      let j = i;
      while (j + 1 < tokens.length && this.continues(j)) j++;
      this.judgeRun(i, j);
      i = j + 1;
    }
    this.secondPass();
    return this.found;
  }

  private cls(i: number): WordClass {
    return this.classes[i] ?? 'stop';
  }

  /** Whether the run of capitalised words goes on after token j. */
  private continues(j: number): boolean {
    const t = this.doc.tokens[j];
    const next = this.cls(j + 1);
    if (!t || t.possessive) return false;
    const g = gap(this.doc, j, j + 1);
    // "Mr. Okafor", "Jayden M. Okafor"
    if (next !== 'lower' && /^\.[ \t]+$/.test(g) && (this.cls(j) === 'title' || t.word.length === 1))
      return true;
    if (this.doc.sentenceStart[j + 1]) return false;
    const spaced = (x: string) => /^[ \t\u00a0]+$/.test(x) || /^[ \t]*\n[ \t]*$/.test(x);
    // "Maria da Silva", "Jan van der Berg": a lower-case particle between name words.
    const particle = this.doc.tokens[j + 1];
    if (
      next === 'lower' &&
      particle &&
      PARTICLES.has(particle.lower) &&
      NAME_CLASSES.has(this.cls(j)) &&
      spaced(g) &&
      spaced(gap(this.doc, j + 1, j + 2)) &&
      (NAME_CLASSES.has(this.cls(j + 2)) || PARTICLES.has(this.doc.tokens[j + 2]?.lower ?? ''))
    ) {
      this.classes[j + 1] = 'surname';
      return true;
    }
    if (next === 'lower') return false;
    // "Jayden M. Okafor": an initial inside a name.
    const initial = this.doc.tokens[j + 1];
    if (
      initial?.word.length === 1 &&
      NAME_CLASSES.has(this.cls(j)) &&
      spaced(g) &&
      /^\.[ \t]+$/.test(gap(this.doc, j + 1, j + 2)) &&
      NAME_CLASSES.has(this.cls(j + 2))
    ) {
      this.classes[j + 1] = 'surname';
      return true;
    }
    return spaced(g);
  }

  private judgeRun(i: number, j: number): void {
    const { tokens, text } = this.doc;
    let end = j;
    // "St Mary's Hospital", "Clare's Law": an organisation or place, unless it is "Mrs Hill" or "Jayden Hill said".
    const last = tokens[j];
    const nextTail = last?.possessive && this.cls(j + 1) === 'tail' && /^\s+$/.test(gap(this.doc, j, j + 1));
    let tailAt = -1;
    for (let k = i + 1; k <= j; k++) if (this.cls(k) === 'tail') tailAt = k;
    if (nextTail) tailAt = j;
    if (tailAt >= 0) {
      const tail = tokens[tailAt];
      const before = text.slice(Math.max(0, (tokens[i]?.start ?? 0) - 12), tokens[i]?.start ?? 0);
      const surnameTail =
        tailAt === j &&
        !nextTail &&
        SURNAME_TAILS.has(tail?.lower ?? '') &&
        (this.cls(tailAt - 1) === 'title' ||
          (tailAt - 1 === i && this.cls(i) === 'first' && !LOCATION_BEFORE.test(before)));
      if (!surnameTail) return;
      this.classes[tailAt] = 'surname';
    }
    for (let k = i; k < end; k++) {
      if (this.cls(k) === 'prefix' && NAME_CLASSES.has(this.cls(k + 1))) {
        end = k - 1;
        break;
      }
    }
    // Beside an agency, place or legislation word, or an ordinary word capitalised mid-sentence, a
    // capitalised word is part of a title-case phrase ("Supervision Requirement"), not a person.
    const phrasal = (k: number) =>
      this.cls(k) === 'stop' ||
      (this.cls(k) === 'common' && !this.doc.sentenceStart[k] && !this.doc.inHeading[k]);
    const institutional = (from: number, to: number) =>
      (from > i && phrasal(from - 1)) || (to < end && phrasal(to + 1));
    const flush = (from: number, to: number) =>
      this.judge({ from, to, institutional: institutional(from, to) });
    let from = -1;
    for (let k = i; k <= end; k++) {
      const c = this.cls(k);
      if (c === 'title') {
        // A title opens a new candidate unless it follows another ("Detective Constable Okafor").
        if (from !== -1 && this.cls(k - 1) !== 'title') flush(from, k - 1);
        if (from === -1 || this.cls(k - 1) !== 'title') from = k;
      } else if (NAME_CLASSES.has(c)) {
        if (from === -1) from = k;
      } else {
        if (from !== -1) flush(from, k - 1);
        from = -1;
      }
    }
    if (from !== -1) flush(from, end);
  }

  private judge(segment: Segment): void {
    let seg = segment;
    const { tokens } = this.doc;
    const titles: number[] = [];
    let k = seg.from;
    while (k <= seg.to && this.cls(k) === 'title') titles.push(k++);
    // "In June Alfie …": a month or season used as a word is not part of the name.
    while (
      titles.length === 0 &&
      k < seg.to &&
      /^(?:word|proper)$/.test(this.cls(k)) &&
      usedAsWord(this.doc, k)
    )
      k++;
    // "Reportedly Jayden …": an unknown word opening the sentence before a first name is not part of it.
    if (
      titles.length === 0 &&
      k < seg.to &&
      this.doc.sentenceStart[k] &&
      this.cls(k) === 'unknown' &&
      this.cls(k + 1) === 'first'
    )
      k++;
    if (k > seg.from && titles.length === 0) seg = { ...seg, from: k };
    const names = [];
    for (; k <= seg.to; k++) names.push(k);
    if (names.every((n) => this.pseudonyms.has(tokens[n]?.lower ?? ''))) return;
    this.segments.push(seg);
    const verdict =
      titles.length > 0 ? titledVerdict(this.doc, titles, names) : untitledVerdict(this.context, seg, names);
    if (verdict) this.emit(seg.from, seg.to, verdict);
  }

  private emit(from: number, to: number, verdict: Verdict): void {
    const { doc } = this;
    const a = doc.tokens[from];
    const b = doc.tokens[to];
    if (!a || !b) return;
    const line = doc.lines[doc.line[from] ?? 0] ?? '';
    const before = doc.text.slice(Math.max(0, a.start - 40), a.start);
    const credit = isCredit(line, before);
    const reason = credit
      ? `${verdict.reason}; in the author credit, usually published on purpose`
      : verdict.reason;
    this.found.push(finding(doc.text, 'name', a.start, b.end, reason, credit ? 0.3 : verdict.confidence));
    for (let k = from; k <= to; k++) this.covered[k] = !credit;
  }

  /** Other mentions of a name already found, and names listed beside one ("Jayden and Kacper"). */
  private secondPass(): void {
    const { tokens } = this.doc;
    const known = new Map<string, string>();
    for (const f of this.found) {
      if (f.confidence < 0.6) continue;
      for (const w of f.text.split(/[\s.]+/)) {
        const lower = w.toLowerCase();
        if (w.length > 1 && !TITLES.has(w.replace(/\.$/, ''))) known.set(lower, f.text);
      }
    }
    const open = this.segments.filter(
      (seg) => this.cls(seg.from) !== 'title' && !afterArticle(this.doc, seg.from) && !seg.institutional,
    );
    for (const seg of open) {
      if (this.covered[seg.from] || this.usedAsOrdinaryWord(seg)) continue;
      const words = [];
      for (let k = seg.from; k <= seg.to; k++) words.push(tokens[k]?.lower ?? '');
      const same = words.map((w) => known.get(w)).find(Boolean);
      if (same)
        this.emit(seg.from, seg.to, { reason: `same name as "${same}" flagged elsewhere`, confidence: 0.7 });
    }
    // A list grows from both ends: "Olamide, Temi and Kacper".
    for (let round = 0; round < 3; round++) {
      let added = false;
      for (const seg of open) {
        if (this.covered[seg.from] || !this.listedWithName(seg)) continue;
        this.emit(seg.from, seg.to, { reason: 'listed with a flagged name', confidence: 0.65 });
        added = true;
      }
      if (!added) break;
    }
  }

  /** A name that is also a word, used as the word here: "Will the partnership act?", "Hope was expressed". */
  private usedAsOrdinaryWord(seg: Segment): boolean {
    const c = this.cls(seg.from);
    if (seg.from !== seg.to || (c !== 'word' && c !== 'proper')) return false;
    return (
      usedAsWord(this.doc, seg.from) ||
      abstractSubject(this.doc, seg.from) ||
      ordinaryAtStart(this.doc, seg.from)
    );
  }

  private listedWithName(seg: Segment): boolean {
    const joined = (a: number, b: number): boolean => {
      if (!this.covered[a] && !this.covered[b]) return false;
      const g = gap(this.doc, a, b);
      if (/^\s*,\s*$|^\s*&\s*$/.test(g)) return true;
      const mid = this.doc.tokens[a + 1];
      return (
        b === a + 2 &&
        (mid?.lower === 'and' || mid?.lower === 'or') &&
        /^,?\s+$/.test(gap(this.doc, a, a + 1))
      );
    };
    const c = this.cls(seg.from);
    if (c !== 'unknown' && c !== 'surname' && c !== 'first' && c !== 'word') return false;
    return (
      joined(seg.from - 1, seg.from) ||
      joined(seg.from - 2, seg.from) ||
      joined(seg.to, seg.to + 1) ||
      joined(seg.to, seg.to + 2)
    );
  }
}

export function findNames(doc: Doc): Finding[] {
  return new NameFinder(doc).run();
}
