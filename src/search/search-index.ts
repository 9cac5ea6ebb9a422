import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/types.js';
import type { AccessScope, ReviewFilter } from '../repositories/reviews-repository.js';

export type SearchView = 'reviews' | 'passages';
export type SearchSort = 'relevance' | 'date';
export type FacetField = 'type' | 'subject' | 'age' | 'nation' | 'region' | 'area' | 'agency' | 'theme';

/**
 * A query compiled for one engine. A passage matches when it has every group (the passages view);
 * a review matches when each group is found in some passage of it, and is ranked by all its passages
 * that have any of the words (the reviews view), as people expect of a search engine.
 */
export interface CompiledQuery {
  /** all groups in one passage */
  match: string;
  /** any group: the passages that count towards a review's score */
  any: string;
  /** each group on its own: a review must have each somewhere */
  groups: string[];
  /** passages matching any of the excluded words; their reviews are left out of the reviews view */
  exclude: string | null;
  /** each group's clauses as words (one for a term), in the order of `groups`: for an engine that scores passages itself */
  words: string[][][];
}

export interface SearchRequest {
  query: CompiledQuery;
  filter: ReviewFilter;
  sort: SearchSort;
  offset: number;
  limit: number;
  /** best passages to return per review in the reviews view */
  snippetsPerReview: number;
}

export interface PassageHit {
  passageId: number;
  reviewId: string;
  score: number;
  text: string;
  section: string | null;
  paragraph: string | null;
  page: number | null;
}

export interface ReviewHit {
  reviewId: string;
  title: string;
  type: string;
  published: string | null;
  score: number;
  matchingPassages: number;
  passages: PassageHit[];
}

export interface PassagesPage {
  total: number;
  /** true when the engine stopped counting at `total`: there are at least that many */
  totalCapped: boolean;
  hits: Array<PassageHit & { title: string; type: string; published: string | null }>;
}

export interface ReviewsPage {
  total: number;
  /** the total is an estimate from a sample, rounded (so many reviews match under the filters) */
  totalEstimated: boolean;
  hits: ReviewHit[];
}

export type Facets = Record<FacetField, Array<{ value: string; count: number }>>;

/** The facet counts that come with a page of results. */
export interface Counted {
  facets: Facets;
  /**
   * The facet counts are estimates from a sample of the library, rounded: so many reviews match
   * that counting each by facet would be slow.
   */
  estimated: boolean;
}

export type Executor = Transaction<Database> | Kysely<Database>;

/**
 * Full-text search over passages, one implementation per backend with the same query language,
 * filters and result shape. Access (visibility and status) is applied inside every query, so
 * restricted text never reaches the counts, snippets or facets of a caller who may not read it.
 */
export interface SearchIndex {
  readonly backend: 'sqlite' | 'postgres';
  /** Index (or re-index) one review's passages, inside the caller's transaction. */
  indexReview(db: Executor, reviewId: string): Promise<number>;
  removeReview(db: Executor, reviewId: string): Promise<void>;
  clear(): Promise<void>;
  /** ids of reviews not yet in the whole-review index (a library indexed before it existed) */
  unindexed(): Promise<string[]>;
  /** after bulk work: merge index segments and refresh planner statistics */
  optimize(): Promise<void>;
  /** the page of reviews, with facet counts for the same query (one evaluation of it) */
  searchReviews(request: SearchRequest, access: AccessScope): Promise<ReviewsPage & Counted>;
  /** the page of passages, with facet counts of the reviews matching the same query */
  searchPassages(request: SearchRequest, access: AccessScope): Promise<PassagesPage & Counted>;
  facets(query: CompiledQuery, filter: ReviewFilter, access: AccessScope): Promise<Facets>;
}
