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
      .values(terms.map((t) => ({ review_id: reviewId, term: t.term, tf: t.tf })))
      .execute();
}

export interface SimilarReview {
  id: string;
  title: string;
  score: number;
  /** the words that contribute most to the likeness, to show why */
  sharedTerms: string[];
}

/**
 * Reviews most like one review: cosine similarity of TF-IDF vectors over each review's most frequent
 * content words. Explainable: the words that weigh most in the likeness are returned with it.
 */
export async function similarReviews(
  db: Kysely<Database>,
  reviewId: string,
  access: AccessScope,
  limit = 5,
): Promise<SimilarReview[]> {
  const own = await db
    .selectFrom('review_terms')
    .select(['term', 'tf'])
    .where('review_id', '=', reviewId)
    .execute();
  if (own.length === 0) return [];
  const reviews = Number(
    (
      await db
        .selectFrom('review_terms')
        .select((eb) => eb.fn.count<number>('review_id').distinct().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  const candidates = await db
    .selectFrom('review_terms as t')
    .innerJoin('reviews as r', 'r.id', 't.review_id')
    .select(['t.review_id', 't.term', 't.tf', 'r.title'])
    .where(
      't.term',
      'in',
      own.map((o) => o.term),
    )
    .where('t.review_id', '!=', reviewId)
    .where(visibleTo(access, 'r'))
    .execute();
  const ids = [...new Set(candidates.map((c) => c.review_id))];
  if (ids.length === 0) return [];
  const allTerms = [...new Set([...own.map((o) => o.term), ...candidates.map((c) => c.term)])];
  const dfRows = await db
    .selectFrom('review_terms')
    .select(['term', (eb) => eb.fn.countAll<number>().as('df')])
    .where('term', 'in', allTerms)
    .groupBy('term')
    .execute();
  const idf = new Map(dfRows.map((d) => [d.term, Math.log((1 + reviews) / (1 + Number(d.df))) + 1]));
  const weight = (term: string, tf: number) => tf * (idf.get(term) ?? 1);
  const ownVector = new Map(own.map((o) => [o.term, weight(o.term, o.tf)]));
  const norm = (values: Iterable<number>) => Math.sqrt([...values].reduce((s, v) => s + v * v, 0));
  const ownNorm = norm(ownVector.values());
  // Candidate norms need their whole vectors, not only the shared terms.
  const theirTerms = await db
    .selectFrom('review_terms')
    .select(['review_id', 'term', 'tf'])
    .where('review_id', 'in', ids)
    .execute();
  const theirNorm = new Map<string, number>();
  for (const id of ids)
    theirNorm.set(id, norm(theirTerms.filter((t) => t.review_id === id).map((t) => weight(t.term, t.tf))));
  const byReview = new Map<string, { title: string; dot: number; parts: Array<[string, number]> }>();
  for (const c of candidates) {
    const entry = byReview.get(c.review_id) ?? { title: c.title, dot: 0, parts: [] };
    const contribution = (ownVector.get(c.term) ?? 0) * weight(c.term, c.tf);
    entry.dot += contribution;
    entry.parts.push([c.term, contribution]);
    byReview.set(c.review_id, entry);
  }
  return [...byReview]
    .map(([id, e]) => ({
      id,
      title: e.title,
      score: Math.round((e.dot / Math.max(1e-9, ownNorm * (theirNorm.get(id) ?? 1))) * 1000) / 1000,
      sharedTerms: e.parts
        .sort((a, b) => b[1] - a[1])
        .slice(0, 8)
        .map(([t]) => t),
    }))
    .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id))
    .slice(0, limit);
}
