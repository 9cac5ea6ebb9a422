import { normalCdf } from './trends.js';

/**
 * Emerging terms: words and phrases whose share of recent reviews has risen sharply and that no theme
 * explains yet — "county lines", "online", "lockdown" in their time. Candidates for analysts to make
 * into themes, each with the figures behind it and example passages.
 *
 * A term is a word (4+ letters) or a two- or three-word phrase that neither starts nor ends with a
 * common word, used in at least a fifth of the recent reviews and in two paragraphs of each on
 * average (a subject, not a passing word). For each, the share of reviews using it in the recent years
 * is compared with the share before, by a one-sided two-proportion z-test (p < 0.01, at least double).
 */
export interface ReviewText {
  id: string;
  year: number;
  passages: string[];
}

export interface EmergingTerm {
  term: string;
  recentReviews: number;
  recentShare: number;
  earlierReviews: number;
  earlierShare: number;
  /** recent share over earlier share (each with half a review added, so a new term has a finite ratio) */
  ratio: number;
  z: number;
  p: number;
  examples: Array<{ reviewId: string; text: string }>;
}

export interface EmergingResult {
  recentFrom: number;
  recentTo: number;
  recentTotal: number;
  earlierTotal: number;
  terms: EmergingTerm[];
  /** terms that rose as much but an existing theme's indicators already cover */
  explained: Array<{ term: string; theme: string }>;
}

const STOP = new Set(
  'a an the and or of to in on at by for with from as is was were be been being are has have had it its this that these those there their they them he she his her him hers i we our you your which who whom what when where while than then so such not no nor but if into onto about over after before during between also very would could should may might must can will shall do does did done this also other each every any all some more most many much one two three four five six seven eight nine ten first second third within without across under upon through there here just only both either neither same own out up down off further again once review reviews panel report child children family mother father time year years month months week weeks day days professional professionals agency agencies practitioner practitioners'.split(
    ' ',
  ),
);

function termsOf(text: string): Set<string> {
  const out = new Set<string>();
  for (const sentence of text.toLowerCase().split(/[.!?;:()]+/)) {
    const words = sentence.match(/[a-z][a-z'-]*[a-z]|[a-z]/g) ?? [];
    for (let i = 0; i < words.length; i++) {
      const w = words[i] ?? '';
      if (w.length >= 4 && !STOP.has(w)) out.add(w);
      for (const n of [2, 3]) {
        const gram = words.slice(i, i + n);
        if (gram.length < n) continue;
        if (STOP.has(gram[0] ?? '') || STOP.has(gram[n - 1] ?? '')) continue;
        if (gram.some((g) => g.length < 2)) continue;
        out.add(gram.join(' '));
      }
    }
  }
  return out;
}

export function emergingTerms(
  reviews: ReviewText[],
  explainedBy: (term: string) => string | null,
  options: {
    recentYears?: number;
    minRecent?: number;
    minShare?: number;
    alpha?: number;
    limit?: number;
  } = {},
): EmergingResult {
  const { recentYears = 3, minRecent = 3, minShare = 0.2, alpha = 0.01, limit = 25 } = options;
  const maxYear = Math.max(...reviews.map((r) => r.year));
  const recentFrom = maxYear - recentYears + 1;
  const recent = reviews.filter((r) => r.year >= recentFrom);
  const earlier = reviews.filter((r) => r.year < recentFrom);
  const docs = new Map<string, { recent: string[]; earlier: number; recentPassages: number }>();
  for (const r of reviews) {
    // how many of the review's paragraphs use each term
    const perReview = new Map<string, number>();
    for (const passage of r.passages)
      for (const t of termsOf(passage)) perReview.set(t, (perReview.get(t) ?? 0) + 1);
    const isRecent = r.year >= recentFrom;
    for (const [t, count] of perReview) {
      const d = docs.get(t) ?? { recent: [], earlier: 0, recentPassages: 0 };
      if (isRecent) {
        d.recent.push(r.id);
        d.recentPassages += count;
      } else d.earlier++;
      docs.set(t, d);
    }
  }
  const n1 = recent.length;
  const n0 = earlier.length;
  const rising: Array<Omit<EmergingTerm, 'examples'> & { ids: string[] }> = [];
  if (n1 > 0 && n0 > 0) {
    for (const [term, d] of docs) {
      const x1 = d.recent.length;
      // In enough recent reviews, and a subject of them (two paragraphs each on average), not a passing word.
      if (x1 < Math.max(minRecent, Math.ceil(minShare * n1)) || d.recentPassages < 2 * x1) continue;
      const x0 = d.earlier;
      const p1 = x1 / n1;
      const p0 = x0 / n0;
      const pooled = (x1 + x0) / (n1 + n0);
      const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n0));
      if (se === 0) continue;
      const z = (p1 - p0) / se;
      const p = 1 - normalCdf(z);
      const ratio = (x1 + 0.5) / (n1 + 0.5) / ((x0 + 0.5) / (n0 + 0.5));
      if (p < alpha && ratio >= 2)
        rising.push({
          term,
          recentReviews: x1,
          recentShare: p1,
          earlierReviews: x0,
          earlierShare: p0,
          ratio,
          z,
          p,
          ids: d.recent,
        });
    }
  }
  // A word inside a phrase that rose with it says nothing new: keep the longer form.
  rising.sort((a, b) => b.z - a.z || b.term.length - a.term.length);
  const kept: typeof rising = [];
  for (const t of rising) {
    const covered = kept.some(
      (k) =>
        (k.term.includes(t.term) || t.term.includes(k.term)) &&
        Math.abs(k.recentReviews - t.recentReviews) <= Math.max(1, 0.2 * t.recentReviews),
    );
    if (!covered) kept.push(t);
  }
  const explained: EmergingResult['explained'] = [];
  const terms: EmergingTerm[] = [];
  for (const t of kept) {
    const theme = explainedBy(t.term);
    if (theme) {
      explained.push({ term: t.term, theme });
      continue;
    }
    if (terms.length >= limit) continue;
    const examples: EmergingTerm['examples'] = [];
    for (const id of t.ids) {
      const review = reviews.find((r) => r.id === id);
      const passage = review?.passages.find((p) => p.toLowerCase().includes(t.term));
      if (passage) examples.push({ reviewId: id, text: passage });
      if (examples.length >= 3) break;
    }
    const { ids: _ids, ...figures } = t;
    void _ids;
    terms.push({ ...figures, examples });
  }
  return { recentFrom, recentTo: maxYear, recentTotal: n1, earlierTotal: n0, terms, explained };
}
