import type { Kysely } from 'kysely';
import type { Database } from '../db/types.js';
import { visibleTo } from '../repositories/access.js';
import type { AccessScope } from '../repositories/access.js';
import { canonicalSpelling } from './glossary.js';
import type { Executor } from './search-index.js';

/** Words too common in every review to say what one is about. */
const STOP = new Set(
  `a about above after again against all also am an and any are as at be because been before being below between both but by can could did do does doing down during each few for from further had has have having he her here hers herself him himself his how i if in into is it its itself just me more most my no nor not now of off on once only or other our ours out over own same she should so some such than that the their theirs them then there these they this those through to too under until up very was we were what when where which while who whom why will with would you your
  review reviews child children family professional professionals agency agencies practitioner practitioners case time was were had been would could should also however within which there this report safeguarding partnership board panel mother father month months year years period social care service services work worker workers team appropriate information concerns concern one two three first second point made need needs support plan plans meeting meetings`.split(
    /\s+/,
  ),
);

const TERMS_KEPT = 60;

/** A light stem so that "referral" and "referrals", "assessment" and "assessments" count as one. */
function stem(word: string): string {
  return word.length > 4 ? word.replace(/(ies|es|s)$/, (m) => (m === 'ies' ? 'y' : '')) : word;
}

/** The review's most frequent content words with their share of all its content words. */
export function termFrequencies(texts: string[]): Array<{ term: string; tf: number }> {
  const counts = new Map<string, number>();
  let total = 0;
  for (const text of texts) {
    for (const raw of text.toLowerCase().match(/[a-z][a-z'-]{2,}/g) ?? []) {
      const word = stem(canonicalSpelling(raw.replace(/'s$/, '').replace(/'/g, '')));
      if (STOP.has(word) || word.length < 3) continue;
      counts.set(word, (counts.get(word) ?? 0) + 1);
      total++;
    }
  }
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, TERMS_KEPT)
    .map(([term, n]) => ({ term, tf: n / Math.max(1, total) }));
}

export async function storeReviewTerms(db: Executor, reviewId: string): Promise<void> {
  const passages = await db.selectFrom('passages').select('text').where('review_id', '=', reviewId).execute();
  await db.deleteFrom('review_terms').where('review_id', '=', reviewId).execute();
  const terms = termFrequencies(passages.map((p) => p.text));
  if (terms.length)
    await db
      .insertInto('review_terms')
      // In word order: the triggers of migration 0016 lock each word's count, and imports running
      // at once then take them in the same order.
      .values(
        [...terms]
          .sort((a, b) => (a.term < b.term ? -1 : a.term > b.term ? 1 : 0))
          .map((t) => ({ review_id: reviewId, term: t.term, tf: t.tf })),
      )
      .execute();
}

export interface SimilarReview {
  id: string;
  title: string;
  score: number;
  /** the words that contribute most to the likeness, to show why */
  sharedTerms: string[];
}

/** How far the search for similar reviews reads; see similarReviews. */
export interface SimilarBounds {
  /** at most this many (review, word) rows are read to find candidates (beyond the first word) */
  postings?: number;
  /** how many candidates are scored in full */
  candidates?: number;
}

const POSTINGS_READ = 5_000;
const CANDIDATES_SCORED = 100;

/**
 * How many reviews the library holds, for the inverse document frequency: counted at most once a
 * minute per database (12 ms at 100,000 reviews on PostgreSQL, for a figure that moves slowly).
 */
const libraryCounts = new WeakMap<object, { n: number; at: number }>();
async function libraryReviews(db: Kysely<Database>): Promise<number> {
  const known = libraryCounts.get(db);
  if (known && Date.now() - known.at < 60_000) return known.n;
  const n = Number(
    (
      await db
        .selectFrom('reviews')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  libraryCounts.set(db, { n, at: Date.now() });
  return n;
}

/**
 * Reviews most like one review: cosine similarity of TF-IDF vectors over each review's most frequent
 * content words. Explainable: the words that weigh most in the likeness are returned with it.
 *
 * Found the way search engines find "more like this": the review's rarest words (fewest reviews,
 * from term_reviews) pick the candidates, reading at most `postings` rows of review_terms, so a
 * common word shared with most of the library is never read in full; the best candidates by those
 * words are then scored on their whole vectors. In a library small enough for every word to fit the
 * budget the answer is exact; in a large one, a review that shares none of the rarer words is not
 * found, and such a review shares only what most reviews share.
 */
export async function similarReviews(
  db: Kysely<Database>,
  reviewId: string,
  access: AccessScope,
  limit = 5,
  bounds: SimilarBounds = {},
): Promise<SimilarReview[]> {
  const own = await db
    .selectFrom('review_terms as t')
    .leftJoin('term_reviews as c', 'c.term', 't.term')
    .select(['t.term', 't.tf', 'c.reviews as df'])
    .where('t.review_id', '=', reviewId)
    .execute();
  if (own.length === 0) return [];
  const reviews = await libraryReviews(db);
  const idf = (df: number | null) => Math.log((1 + reviews) / (1 + Math.max(1, Number(df ?? 1)))) + 1;
  const ownVector = new Map(own.map((o) => [o.term, o.tf * idf(o.df)]));
  const norm = (values: Iterable<number>) => Math.sqrt([...values].reduce((s, v) => s + v * v, 0));
  const ownNorm = norm(ownVector.values());

  // Candidates: reviews sharing the rarest words, as many words as the budget of rows allows.
  const budget = bounds.postings ?? POSTINGS_READ;
  const probe: string[] = [];
  let rows = 0;
  for (const o of [...own].sort(
    (a, b) => Number(a.df ?? 1) - Number(b.df ?? 1) || a.term.localeCompare(b.term),
  )) {
    const df = Number(o.df ?? 1);
    if (df <= 1) continue; // this review's alone: it finds nothing
    if (probe.length > 0 && rows + df > budget) break;
    probe.push(o.term);
    rows += df;
  }
  // Read without joining reviews: given a few thousand rows, PostgreSQL's planner hashed the whole
  // reviews table to test access (70 ms at 100,000 reviews). Access is tested below, on the best.
  if (probe.length === 0) return []; // no word another review keeps
  const shared = await db
    .selectFrom('review_terms')
    .select(['review_id', 'term', 'tf'])
    .where('term', 'in', probe)
    .where('review_id', '!=', reviewId)
    .execute();
  const partial = new Map<string, number>();
  for (const c of shared)
    partial.set(c.review_id, (partial.get(c.review_id) ?? 0) + (ownVector.get(c.term) ?? 0) * c.tf);
  const wanted = bounds.candidates ?? CANDIDATES_SCORED;
  const best = [...partial]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, wanted * 5)
    .map(([id]) => id);
  if (best.length === 0) return [];
  // Those the caller may see, in order; room for four in five to be hidden from them.
  const visible = await db
    .selectFrom('reviews as r')
    .select(['r.id', 'r.title'])
    .where('r.id', 'in', best)
    .where(visibleTo(access, 'r'))
    .execute();
  const titles = new Map(visible.map((t) => [t.id, t.title]));
  const ids = best.filter((id) => titles.has(id)).slice(0, wanted);
  if (ids.length === 0) return [];

  // Their whole vectors: the dot product over every shared word, and their norms.
  const theirTerms = await db
    .selectFrom('review_terms as t')
    .leftJoin('term_reviews as c', 'c.term', 't.term')
    .select(['t.review_id', 't.term', 't.tf', 'c.reviews as df'])
    .where('t.review_id', 'in', ids)
    .execute();
  const titleOf = titles;
  const byReview = new Map<string, { squares: number; dot: number; parts: Array<[string, number]> }>();
  for (const t of theirTerms) {
    const entry = byReview.get(t.review_id) ?? { squares: 0, dot: 0, parts: [] };
    const weight = t.tf * idf(t.df);
    entry.squares += weight * weight;
    const mine = ownVector.get(t.term);
    if (mine !== undefined) {
      entry.dot += mine * weight;
      entry.parts.push([t.term, mine * weight]);
    }
    byReview.set(t.review_id, entry);
  }
  return [...byReview]
    .filter(([id, e]) => e.dot > 0 && titleOf.has(id))
    .map(([id, e]) => ({
      id,
      title: titleOf.get(id) ?? '',
      score: Math.round((e.dot / Math.max(1e-9, ownNorm * Math.sqrt(e.squares))) * 1000) / 1000,
      sharedTerms: e.parts
        .sort((a, b) => b[1] - a[1])
        .slice(0, 8)
        .map(([t]) => t),
    }))
    .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id))
    .slice(0, limit);
}
