import type { Kysely } from 'kysely';
import { z } from 'zod';
import { ValidationError } from '../shared/errors.js';
import { formatZodError } from './review-metadata.js';
import type { Database } from '../db/types.js';
import type { AccessScope, ReviewFilter } from '../repositories/reviews-repository.js';
import { SEED_GLOSSARY, acronymExpansions, acronymsFor, canonicalSpelling } from '../search/glossary.js';
import type { GlossaryEntry } from '../search/glossary.js';
import {
  clauseWords,
  excludesItself,
  expandQuery,
  parseQuery,
  queryTerms,
  toFts5,
  toTsquery,
} from '../search/query.js';
import type { Clause, Query } from '../search/query.js';
import type { CompiledQuery, Facets, SearchIndex, SearchSort, SearchView } from '../search/search-index.js';
import { similarReviews, storeReviewTerms } from '../search/similar.js';
import type { SimilarReview } from '../search/similar.js';

const glossaryInput = z.object({
  acronym: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9&'’/.-]{0,15}$/, 'must be 1 to 16 letters or digits, e.g. VAWG or s47'),
  expansions: z
    .array(
      z
        .string()
        .trim()
        .toLowerCase()
        .regex(/^[\p{L}\p{N}' -]{2,80}$/u, 'must be words, e.g. "violence against women and girls"'),
    )
    .min(1, 'give at least one expansion')
    .max(6),
  by: z.string().trim().min(1, 'say who is making the change (--by)'),
});

export interface SearchParams {
  q: string;
  filter: ReviewFilter;
  view: SearchView;
  sort: SearchSort;
  page: number;
  pageSize: number;
}

export interface Snippet {
  text: string;
  /** [start, end) character ranges of the words that matched, for highlighting */
  highlights: Array<[number, number]>;
  section: string | null;
  paragraph: string | null;
  page: number | null;
  passageId: number;
}

export interface SearchResult {
  id: string;
  title: string;
  type: string;
  published: string | null;
  score: number;
  matchingPassages?: number;
  snippets: Snippet[];
}

export interface SearchResponse {
  total: number;
  /** true when counting stopped at `total` (very common words on a large library): at least that many */
  totalCapped: boolean;
  /** true when so many reviews match that the facet counts are estimated from a sample of the library, and rounded */
  estimated: boolean;
  /** true when `total` (reviews view) is such an estimate too: so many match under the filters */
  totalEstimated: boolean;
  page: number;
  pageSize: number;
  view: SearchView;
  results: SearchResult[];
  facets: Facets;
  /** the words searched for, after spelling and acronym expansion, to show the person */
  understood: string[];
}

const EMPTY_FACETS: Facets = {
  type: [],
  subject: [],
  age: [],
  nation: [],
  region: [],
  area: [],
  agency: [],
  theme: [],
};

/** Words that start like a query term's stem: a plain, explainable approximation of the engines' stemming. */
function stemPrefix(term: string): string {
  const t = term.toLowerCase();
  const stripped = t.replace(/(ations?|ments?|ings?|ness|ies|ied|ed|es|s|e|y)$/, '');
  return stripped.length >= 3 ? stripped : t;
}

export function highlightRanges(text: string, terms: string[]): Array<[number, number]> {
  const prefixes = [...new Set(terms.map(stemPrefix))].filter(Boolean);
  const ranges: Array<[number, number]> = [];
  for (const m of text.matchAll(/[\p{L}\p{N}']+/gu)) {
    const word = canonicalSpelling(m[0].toLowerCase().replace(/'s$/, ''));
    if (prefixes.some((p) => word.startsWith(p) && word.length - p.length <= 5))
      ranges.push([m.index, m.index + m[0].length]);
  }
  return ranges;
}

/**
 * Search in the words people use: spelling variants meet (behavior finds behaviour), acronyms
 * find their expansions and back (CSE ↔ child sexual exploitation) from the glossary the service
 * keeps, and the query is compiled for whichever engine holds the library.
 */
export class SearchService {
  private glossary: GlossaryEntry[] | null = null;

  constructor(
    private readonly db: Kysely<Database>,
    readonly index: SearchIndex,
  ) {}

  /** Seeds the glossary table on first use; analysts' changes are kept. */
  async glossaryEntries(): Promise<GlossaryEntry[]> {
    if (this.glossary) return this.glossary;
    const rows = await this.db.selectFrom('glossary').selectAll().execute();
    if (rows.length === 0) {
      const now = new Date().toISOString();
      await this.db
        .insertInto('glossary')
        .values(
          SEED_GLOSSARY.map((e) => ({
            acronym: e.acronym,
            expansions: JSON.stringify(e.expansions),
            case_sensitive: e.note ? 1 : 0,
            source: 'seed',
            updated_at: now,
          })),
        )
        .onConflict((oc) => oc.column('acronym').doNothing())
        .execute();
      this.glossary = [...SEED_GLOSSARY];
    } else {
      this.glossary = rows.map((r) => ({
        acronym: r.acronym,
        expansions: JSON.parse(r.expansions) as string[],
        ...(r.case_sensitive ? { capitalsOnly: true } : {}),
      }));
    }
    return this.glossary;
  }

  /** The glossary as stored: each acronym, its expansions, and who last changed it. */
  async glossaryTable(): Promise<
    Array<{ acronym: string; expansions: string[]; capitalsOnly: boolean; source: string; updatedAt: string }>
  > {
    await this.glossaryEntries();
    const rows = await this.db.selectFrom('glossary').selectAll().orderBy('acronym').execute();
    return rows.map((r) => ({
      acronym: r.acronym,
      expansions: JSON.parse(r.expansions) as string[],
      capitalsOnly: r.case_sensitive === 1,
      source: r.source,
      updatedAt: r.updated_at,
    }));
  }

  /** Adds or changes an acronym; searches use it at once. */
  async setGlossaryEntry(
    acronym: string,
    expansions: string[],
    capitalsOnly: boolean,
    by: string,
  ): Promise<void> {
    const parsed = glossaryInput.safeParse({ acronym, expansions, by });
    if (!parsed.success) throw new ValidationError(formatZodError(parsed.error));
    await this.glossaryEntries();
    const row = {
      acronym: parsed.data.acronym,
      expansions: JSON.stringify(parsed.data.expansions),
      case_sensitive: capitalsOnly ? 1 : 0,
      source: parsed.data.by,
      updated_at: new Date().toISOString(),
    };
    await this.db
      .insertInto('glossary')
      .values(row)
      .onConflict((oc) =>
        oc.column('acronym').doUpdateSet({
          expansions: row.expansions,
          case_sensitive: row.case_sensitive,
          source: row.source,
          updated_at: row.updated_at,
        }),
      )
      .execute();
    this.glossary = null;
  }

  async removeGlossaryEntry(acronym: string): Promise<boolean> {
    await this.glossaryEntries();
    const result = await this.db
      .deleteFrom('glossary')
      .where('acronym', '=', acronym.trim())
      .executeTakeFirst();
    this.glossary = null;
    return Number(result.numDeletedRows) > 0;
  }

  /** Parses and expands a query: canonical spellings, then acronyms and their expansions. */
  async understand(q: string): Promise<Query> {
    const entries = await this.glossaryEntries();
    const capitalised = new Set(
      (q.match(/\b[A-Z][A-Za-z0-9&]*[A-Z0-9]\b/g) ?? []).map((t) => t.toLowerCase()),
    );
    const canonical = (c: Clause): Clause =>
      c.kind === 'term'
        ? { kind: 'term', text: canonicalSpelling(c.text) }
        : { kind: 'phrase', words: c.words.map(canonicalSpelling) };
    const parsed = parseQuery(q);
    const spelled: Query = {
      groups: parsed.groups.map((g) => g.map(canonical)),
      excluded: parsed.excluded.map(canonical),
    };
    return expandQuery(spelled, (clause) => {
      if (clause.kind === 'term') {
        const typed = capitalised.has(clause.text) ? clause.text.toUpperCase() : clause.text;
        return acronymExpansions(typed, entries).map((words): Clause =>
          words.length === 1 ? { kind: 'term', text: words[0] ?? '' } : { kind: 'phrase', words },
        );
      }
      return acronymsFor(clause.words, entries).map((a): Clause => ({ kind: 'term', text: a }));
    });
  }

  private compile(query: Query): CompiledQuery | null {
    if (excludesItself(query)) return null;
    const compile = this.index.backend === 'sqlite' ? toFts5 : toTsquery;
    const match = compile({ groups: query.groups, excluded: [] });
    const any = compile({ groups: [query.groups.flat()], excluded: [] });
    if (!match || !any) return null;
    const groups = query.groups.flatMap((g) => {
      const expression = compile({ groups: [g], excluded: [] });
      return expression === null ? [] : [{ expression, words: clauseWords(g) }];
    });
    return {
      match,
      any,
      groups: groups.map((g) => g.expression),
      exclude: compile({ groups: query.excluded.length ? [query.excluded] : [], excluded: [] }),
      words: groups.map((g) => g.words),
    };
  }

  /** Rebuilds the whole index from the stored passages, one review per transaction. */
  async reindex(
    onProgress?: (done: number, total: number) => void,
  ): Promise<{ reviews: number; passages: number }> {
    await this.index.clear();
    const ids = (await this.db.selectFrom('reviews').select('id').orderBy('created_at').execute()).map(
      (r) => r.id,
    );
    return this.indexEach(ids, onProgress);
  }

  /**
   * Indexes the reviews the index does not hold yet (a library indexed before the whole-review index
   * existed), so an upgrade needs no manual step. Returns how many it indexed.
   */
  async catchUp(onProgress?: (done: number, total: number) => void): Promise<number> {
    const ids = await this.index.unindexed();
    if (ids.length) await this.indexEach(ids, onProgress);
    return ids.length;
  }

  private async indexEach(
    ids: string[],
    onProgress?: (done: number, total: number) => void,
  ): Promise<{ reviews: number; passages: number }> {
    let passages = 0;
    for (const [i, id] of ids.entries()) {
      passages += await this.db.transaction().execute(async (trx) => {
        await storeReviewTerms(trx, id);
        return this.index.indexReview(trx, id);
      });
      onProgress?.(i + 1, ids.length);
    }
    await this.index.optimize();
    return { reviews: ids.length, passages };
  }

  /** The reviews most like one review, with the words they share. */
  similar(reviewId: string, access: AccessScope, limit = 5): Promise<SimilarReview[]> {
    return similarReviews(this.db, reviewId, access, limit);
  }

  async search(params: SearchParams, access: AccessScope): Promise<SearchResponse> {
    const query = await this.understand(params.q);
    const compiled = this.compile(query);
    const terms = queryTerms(query);
    const base = { page: params.page, pageSize: params.pageSize, view: params.view, understood: terms };
    if (!compiled)
      return {
        ...base,
        total: 0,
        totalCapped: false,
        estimated: false,
        totalEstimated: false,
        results: [],
        facets: EMPTY_FACETS,
      };
    const request = {
      query: compiled,
      filter: params.filter,
      sort: params.sort,
      offset: (params.page - 1) * params.pageSize,
      limit: params.pageSize,
      snippetsPerReview: 3,
    };
    const snippet = (p: {
      text: string;
      section: string | null;
      paragraph: string | null;
      page: number | null;
      passageId: number;
    }): Snippet => ({
      text: p.text,
      highlights: highlightRanges(p.text, terms),
      section: p.section,
      paragraph: p.paragraph,
      page: p.page,
      passageId: p.passageId,
    });
    if (params.view === 'passages') {
      const page = await this.index.searchPassages(request, access);
      return {
        ...base,
        total: page.total,
        totalCapped: page.totalCapped,
        estimated: page.estimated,
        totalEstimated: false,
        facets: page.facets,
        results: page.hits.map((h) => resultOf(h, [snippet(h)])),
      };
    }
    const page = await this.index.searchReviews(request, access);
    return {
      ...base,
      total: page.total,
      totalCapped: false,
      estimated: page.estimated,
      totalEstimated: page.totalEstimated,
      facets: page.facets,
      results: page.hits.map((h) => ({
        ...resultOf(h, h.passages.map(snippet)),
        matchingPassages: h.matchingPassages,
      })),
    };
  }
}

function resultOf(
  h: { reviewId: string; title: string; type: string; published: string | null; score: number },
  snippets: Snippet[],
): SearchResult {
  return {
    id: h.reviewId,
    title: h.title,
    type: h.type,
    published: h.published,
    score: round(h.score),
    snippets,
  };
}

function round(n: number): number {
  return Math.round(n * 1e4) / 1e4;
}
