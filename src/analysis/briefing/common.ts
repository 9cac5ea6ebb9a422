import { frameSentence } from '../language/framing.js';
import { readability } from '../readability/readability.js';
import { sentences, stem } from '../themes/text.js';
import { audienceOf, disciplinesOf } from './audiences.js';
import { plainLanguage } from './plain.js';
import type { Audience, Part, Source, Statement, Tier } from './types.js';

const STOP = new Set(
  'a an the and or of to in on at by for with from as is was were be been being are has have had it its this that these those there their they them he she his her him we our which who what when where while than then so such not no but if into about over after before during between also would could should may might must can will did do does'.split(
    ' ',
  ),
);

/** The content words of a sentence, stemmed: what two findings must share to be "much the same". */
export function contentStems(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.toLowerCase().matchAll(/[\p{L}][\p{L}'’-]*/gu)) {
    const w = m[0];
    if (w.length < 3 || STOP.has(w)) continue;
    out.add(stem(w));
  }
  return out;
}

export function overlap(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / (a.size + b.size - shared);
}

/**
 * Finds, for a sentence, every sentence of a collection that is "much the same" (Jaccard overlap of
 * content stems at least `min`), through postings of each stem rather than by comparing every pair.
 */
export class SimilarityIndex {
  private readonly postings = new Map<string, number[]>();
  private readonly sizes: number[];
  private readonly shared: Int32Array;

  constructor(sets: ReadonlyArray<Set<string>>) {
    this.sizes = sets.map((s) => s.size);
    this.shared = new Int32Array(sets.length);
    sets.forEach((set, i) => {
      for (const stem of set) {
        const list = this.postings.get(stem);
        if (list) list.push(i);
        else this.postings.set(stem, [i]);
      }
    });
  }

  /** Indexes of the sentences whose overlap with `stems` is at least `min`. */
  neighbours(stems: Set<string>, min: number): number[] {
    const touched: number[] = [];
    for (const stem of stems)
      for (const i of this.postings.get(stem) ?? []) {
        if (this.shared[i] === 0) touched.push(i);
        this.shared[i]!++;
      }
    const out: number[] = [];
    for (const i of touched) {
      const shared = this.shared[i]!;
      if (shared / (stems.size + this.sizes[i]! - shared) >= min) out.push(i);
      this.shared[i] = 0;
    }
    return out.sort((a, b) => a - b);
  }
}

export function wordCount(text: string): number {
  return text.match(/[\p{L}][\p{L}'’-]*/gu)?.length ?? 0;
}

const LEARNING_CUE =
  /\b(the review (found|identified|concluded|has shown)|learning|lesson|this (case|review) (shows|highlights|illustrates|demonstrates)|there (was|were) no\b|did not|was not|were not|no one|nobody|not (seen|asked|shared|recorded|assessed|known)|understand|recognis|important|key (finding|issue|learning))/i;

export interface Candidate {
  sentence: string;
  source: Source;
  sectionKind: string;
  stems: Set<string>;
  themes: string[];
  words: number;
  /** how good a briefing line it is, before diversity */
  score: number;
  reason: string;
}

const SECTION_WEIGHT: Record<string, number> = {
  learning: 3,
  findings: 2.5,
  conclusions: 2,
  'executive-summary': 2,
  'good-practice': 1,
  recommendations: 0.5,
  other: 1,
};

/**
 * How good a sentence is as a key finding, and why: learning sections over narrative, lessons over
 * events, systems framing over hindsight or blame (a briefing should not repeat a judgement), and a
 * length someone can take in at once.
 */
export function findingScore(
  sentence: string,
  sectionKind: string,
  themes: string[],
): { score: number; reason: string } {
  const reasons: string[] = [];
  let score = SECTION_WEIGHT[sectionKind] ?? 0;
  if (score) reasons.push(`from the ${sectionKind.replace('-', ' ')} section`);
  if (LEARNING_CUE.test(sentence)) {
    score += 1;
    reasons.push('states a finding');
  }
  if (themes.length) {
    score += 1.5;
    reasons.push(`evidence for ${themes.length === 1 ? 'a theme' : 'themes'}`);
  }
  const framing = frameSentence(sentence).framing;
  if (framing === 'systems') {
    score += 0.5;
    reasons.push('systems framing');
  } else if (framing === 'hindsight' || framing === 'blame') score -= 3;
  // Plainer sentences make a plainer briefing: up to a point either way for reading ease.
  const ease = readability(sentence).fleschReadingEase;
  score += Math.max(-1, Math.min(1, (ease - 50) / 30));
  const words = wordCount(sentence);
  if (words >= 12 && words <= 32) score += 0.5;
  else if (words > 45 || words < 8) score -= 2;
  if (/^["“‘']|\b(I|my|we were told)\b/.test(sentence)) score -= 1;
  // "did not do so", "the same", "as above": the sentence leans on one before it.
  if (
    /\b(do|did|does|doing) so\b|\bthe (same|former|latter)\b|\bas (above|below)\b|\b(this|that) (is|was) (why|because)\b/i.test(
      sentence,
    )
  )
    score -= 2;
  // Out of its paragraph, a sentence that opens with a pronoun ("She had …") loses who it is about.
  if (
    /^(he|she|his|her|they|their|them|it|its|this|these|those|that|such|both|however|also|but|and)\b/i.test(
      sentence.trim(),
    )
  )
    score -= 2.5;
  if (
    /\b(terms of reference|the (review )?panel|overview author|this report (is|was)|the author)\b/i.test(
      sentence,
    )
  )
    score -= 1.5;
  if (/[:;]$/.test(sentence.trim()) || /^[a-z]/.test(sentence.trim())) score -= 3;
  // A dated event ("In July 2008 the school referred …", a chronology row) tells what happened, not what was learned.
  if (
    /^(?:(?:in|on|by|during|from|at|early|late|mid)\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+)?\d{4}\b|\s[—–]\s.*\s[—–]\s/i.test(
      sentence.trim(),
    )
  )
    score -= 2;
  return { score, reason: reasons.join('; ') };
}

/** Picks up to `n` candidates, best first, passing over any too like one already chosen. */
export function diverse(candidates: Candidate[], n: number, maxOverlap = 0.35): Candidate[] {
  const chosen: Candidate[] = [];
  const themeUse = new Map<string, number>();
  const pool = [...candidates];
  while (chosen.length < n && pool.length) {
    let best = -1;
    let bestScore = -Infinity;
    pool.forEach((c, i) => {
      if (chosen.some((x) => overlap(x.stems, c.stems) > maxOverlap)) return;
      const repeat = c.themes.length ? Math.min(...c.themes.map((t) => themeUse.get(t) ?? 0)) : 0;
      const s = c.score - repeat * 0.75;
      if (s > bestScore) {
        bestScore = s;
        best = i;
      }
    });
    if (best < 0) break;
    const [c] = pool.splice(best, 1);
    chosen.push(c!);
    for (const t of c!.themes) themeUse.set(t, (themeUse.get(t) ?? 0) + 1);
  }
  return chosen;
}

export function tiersFor(part: Part, audience: Audience | null): Tier[] {
  if (part === 'actions') {
    if (audience === 'practitioner') return ['universal', 'targeted'];
    if (audience === 'manager') return ['targeted', 'leadership'];
    return ['leadership'];
  }
  return ['universal', 'targeted', 'leadership'];
}

/** Builds an extracted statement: the source's words in plainer language. */
export function extracted(
  part: Part,
  c: { sentence: string; source: Source; themes: string[] },
  rank: number,
  reason: string,
  options: { audience?: Audience | null } = {},
): Statement {
  const plain = plainLanguage(c.sentence);
  const audience = part === 'actions' ? (options.audience ?? audienceOf(c.sentence)) : null;
  return {
    id: '',
    part,
    text: plain.text,
    origin: 'extracted',
    reason,
    rewrites: plain.rewrites,
    source: c.source,
    basis: null,
    alsoIn: [],
    audience,
    disciplines: disciplinesOf(c.sentence),
    themes: c.themes,
    tiers: tiersFor(part, audience),
    rank,
  };
}

/** Numbers a briefing's statements part by part ("findings-1", "actions-2"), so ids are stable for its edits. */
export function numberStatements(statements: Statement[]): Statement[] {
  const seen = new Map<string, number>();
  return statements.map((s) => {
    const n = (seen.get(s.part) ?? 0) + 1;
    seen.set(s.part, n);
    return { ...s, id: `${s.part}-${n}` };
  });
}

export { sentences };
