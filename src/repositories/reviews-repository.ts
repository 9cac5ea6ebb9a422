import { chunks } from '../shared/chunks.js';
import { sql } from 'kysely';
import type { Kysely, Transaction } from 'kysely';
import type {
  Database,
  DocumentRow,
  NewReview,
  PassageRow,
  RecommendationRow,
  ReviewRow,
  SectionRow,
} from '../db/types.js';

import { visibleTo } from './access.js';
import type { AccessScope } from './access.js';

export type { AccessScope } from './access.js';

export interface ReviewFilter {
  types?: string[];
  nations?: string[];
  regions?: string[];
  subjects?: string[];
  /** publishing areas (local authority areas) */
  areas?: string[];
  ageBands?: string[];
  agencies?: string[];
  /** theme slugs (suggested or confirmed, not rejected) */
  themes?: string[];
  yearFrom?: number;
  yearTo?: number;
  /** words that must each appear in the title, publishing body or area (full-text search comes later) */
  text?: string;
}

export type ReviewSort = 'published-desc' | 'published-asc' | 'title' | 'added-desc';

export interface NewReviewGraph {
  review: NewReview;
  agencies: string[];
  document: Omit<DocumentRow, 'review_id'>;
  sections: Array<Omit<SectionRow, 'id' | 'review_id'>>;
  passages: Array<Omit<PassageRow, 'id' | 'review_id' | 'section_id'> & { sectionSeq: number }>;
  recommendations: Array<Omit<RecommendationRow, 'id' | 'review_id' | 'section_id'> & { sectionSeq: number }>;
  shingles: number[];
  links: Array<{ relatedId: string; kind: string; score: number; detail: string }>;
}

export interface ReviewDetail {
  review: ReviewRow;
  agencies: string[];
  documents: DocumentRow[];
  sections: SectionRow[];
  passages: PassageRow[];
  recommendations: RecommendationRow[];
  links: Array<{ id: string; title: string; kind: string; score: number; detail: string | null }>;
}

type Executor = Kysely<Database> | Transaction<Database>;

export class ReviewsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async findDocumentBySha(sha256: string): Promise<{ reviewId: string; title: string } | undefined> {
    const row = await this.db
      .selectFrom('documents')
      .innerJoin('reviews', 'reviews.id', 'documents.review_id')
      .select(['documents.review_id as reviewId', 'reviews.title as title'])
      .where('documents.sha256', '=', sha256)
      .executeTakeFirst();
    return row;
  }

  async findByTextSha(textSha256: string): Promise<{ id: string; title: string } | undefined> {
    return this.db
      .selectFrom('reviews')
      .select(['id', 'title'])
      .where('text_sha256', '=', textSha256)
      .executeTakeFirst();
  }

  /** Reviews sharing at least `min` of the given sampled shingles, with how many each shares. */
  async sharedShingles(
    hashes: number[],
    min: number,
  ): Promise<Array<{ reviewId: string; shared: number; total: number }>> {
    if (hashes.length === 0) return [];
    const counts = new Map<string, number>();
    for (const part of chunks([...new Set(hashes)], 500)) {
      const rows = await this.db
        .selectFrom('review_shingles')
        .select(['review_id', (eb) => eb.fn.countAll<number>().as('n')])
        .where('hash', 'in', part)
        .groupBy('review_id')
        .execute();
      for (const r of rows) counts.set(r.review_id, (counts.get(r.review_id) ?? 0) + Number(r.n));
    }
    const candidates = [...counts].filter(([, n]) => n >= min);
    if (candidates.length === 0) return [];
    const totals = await this.db
      .selectFrom('review_shingles')
      .select(['review_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where(
        'review_id',
        'in',
        candidates.map(([id]) => id),
      )
      .groupBy('review_id')
      .execute();
    const totalById = new Map(totals.map((t) => [t.review_id, Number(t.n)]));
    return candidates.map(([reviewId, shared]) => ({
      reviewId,
      shared,
      total: totalById.get(reviewId) ?? 0,
    }));
  }

  /** Writes a review and everything extracted from it in one transaction: all of it, or nothing. */
  async insertGraph(
    graph: NewReviewGraph,
    beforeCommit?: (step: string) => void,
    /** more writes that belong to the same transaction, such as the search index */
    alsoWrite?: (trx: Transaction<Database>, reviewId: string) => Promise<void>,
  ): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.insertInto('reviews').values(graph.review).execute();
      const reviewId = graph.review.id;
      if (graph.agencies.length) {
        await trx
          .insertInto('review_agencies')
          .values([...new Set(graph.agencies)].map((agency) => ({ review_id: reviewId, agency })))
          .execute();
      }
      await trx
        .insertInto('documents')
        .values({ ...graph.document, review_id: reviewId })
        .execute();
      const sectionIds = new Map<number, number>();
      // One statement per 200 sections (a round trip each cost an import about 0.2 ms a section).
      for (const part of chunks(graph.sections, 200)) {
        const rows = await trx
          .insertInto('sections')
          .values(part.map((s) => ({ ...s, review_id: reviewId })))
          .returning(['id', 'seq'])
          .execute();
        for (const row of rows) sectionIds.set(row.seq, row.id);
      }
      beforeCommit?.('sections');
      await insertPassages(trx, reviewId, graph.passages, sectionIds);
      beforeCommit?.('passages');
      for (const part of chunks(graph.recommendations, 200)) {
        await trx
          .insertInto('recommendations')
          .values(
            part.map(({ sectionSeq, ...r }) => ({
              ...r,
              review_id: reviewId,
              section_id: sectionIds.get(sectionSeq) ?? null,
            })),
          )
          .execute();
      }
      for (const part of chunks([...new Set(graph.shingles)], 500)) {
        await trx
          .insertInto('review_shingles')
          .values(part.map((hash) => ({ review_id: reviewId, hash })))
          .execute();
      }
      const now = graph.review.created_at;
      for (const link of graph.links) {
        await trx
          .insertInto('review_links')
          .values([
            {
              review_id: reviewId,
              related_id: link.relatedId,
              kind: link.kind,
              score: link.score,
              detail: link.detail,
              created_at: now,
            },
            {
              review_id: link.relatedId,
              related_id: reviewId,
              kind: link.kind,
              score: link.score,
              detail: link.detail,
              created_at: now,
            },
          ])
          .execute();
      }
      await alsoWrite?.(trx, reviewId);
      beforeCommit?.('commit');
    });
  }

  /** The time of the latest change to any review: what cached pages are keyed on. */
  async version(): Promise<string> {
    // The count as well: reviews added with an older time (a bulk copy) or removed change it too.
    const row = await this.db
      .selectFrom('reviews')
      .select((eb) => [eb.fn.max('updated_at').as('v'), eb.fn.countAll<number>().as('n')])
      .executeTakeFirst();
    return `${Number(row?.n ?? 0)}:${String(row?.v ?? 'empty')}`;
  }

  /** What access decisions need about one review, if `access` may see it at all. */
  async head(
    id: string,
    access: AccessScope,
  ): Promise<
    | { visibility: string; status: string; partnership_id: string | null; original_withheld: number }
    | undefined
  > {
    return this.db
      .selectFrom('reviews')
      .select(['visibility', 'status', 'partnership_id', 'original_withheld'])
      .where('id', '=', id)
      .where(visibleTo(access, 'reviews'))
      .executeTakeFirst();
  }

  /** Of these reviews, the ones that are protected material: restricted, or not published. */
  async protectedAmong(ids: readonly string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows = await this.db
      .selectFrom('reviews')
      .select('id')
      .where('id', 'in', ids)
      .where((eb) => eb.or([eb('visibility', '=', 'restricted'), eb('status', '<>', 'published')]))
      .execute();
    return rows.map((r) => r.id);
  }

  async count(access: AccessScope): Promise<number> {
    const row = await this.db
      .selectFrom('reviews')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where(visibleTo(access, 'reviews'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async list(
    access: AccessScope,
    filter: ReviewFilter,
    page: { offset: number; limit: number },
    sort: ReviewSort = 'published-desc',
  ): Promise<{ total: number; rows: ReviewRow[] }> {
    let q = this.db.selectFrom('reviews').where(visibleTo(access, 'reviews'));
    if (filter.types?.length) q = q.where('review_type', 'in', filter.types);
    if (filter.nations?.length) q = q.where('nation', 'in', filter.nations);
    if (filter.regions?.length) q = q.where('region', 'in', filter.regions);
    if (filter.subjects?.length) q = q.where('subject', 'in', filter.subjects);
    if (filter.areas?.length) q = q.where('area', 'in', filter.areas);
    if (filter.ageBands?.length) q = q.where('age_band', 'in', filter.ageBands);
    if (filter.agencies?.length)
      q = q.where('id', 'in', (eb) =>
        eb
          .selectFrom('review_agencies')
          .select('review_id')
          .where('agency', 'in', filter.agencies ?? []),
      );
    if (filter.themes?.length)
      q = q.where('id', 'in', (eb) =>
        eb
          .selectFrom('review_themes')
          .select('review_id')
          .where('slug', 'in', filter.themes ?? [])
          .where('status', '<>', 'rejected'),
      );
    if (filter.yearFrom !== undefined) q = q.where('published_year', '>=', filter.yearFrom);
    if (filter.yearTo !== undefined) q = q.where('published_year', '<=', filter.yearTo);
    for (const word of (filter.text ?? '').toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8)) {
      const pattern = `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      q = q.where((eb) =>
        eb.or(
          (['title', 'publishing_body', 'area'] as const).map((column) =>
            eb(sql`lower(${sql.ref(column)})`, 'like', sql`${pattern} escape '\\'`),
          ),
        ),
      );
    }
    const totalRow = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    let rows = q.selectAll();
    switch (sort) {
      case 'published-asc':
        rows = rows.orderBy('published_on', 'asc');
        break;
      case 'title':
        rows = rows.orderBy('title', 'asc');
        break;
      case 'added-desc':
        rows = rows.orderBy('created_at', 'desc');
        break;
      default:
        rows = rows.orderBy('published_on', 'desc');
    }
    const result = await rows.orderBy('id').limit(page.limit).offset(page.offset).execute();
    return { total: Number(totalRow.n), rows: result };
  }

  async get(id: string, access: AccessScope): Promise<ReviewDetail | undefined> {
    const review = await this.db
      .selectFrom('reviews')
      .selectAll()
      .where('id', '=', id)
      .where(visibleTo(access, 'reviews'))
      .executeTakeFirst();
    if (!review) return undefined;
    const [agencies, documents, sections, passages, recommendations, links] = await Promise.all([
      this.db
        .selectFrom('review_agencies')
        .select('agency')
        .where('review_id', '=', id)
        .orderBy('agency')
        .execute(),
      this.db.selectFrom('documents').selectAll().where('review_id', '=', id).orderBy('created_at').execute(),
      this.db.selectFrom('sections').selectAll().where('review_id', '=', id).orderBy('seq').execute(),
      this.db.selectFrom('passages').selectAll().where('review_id', '=', id).orderBy('seq').execute(),
      this.db.selectFrom('recommendations').selectAll().where('review_id', '=', id).orderBy('seq').execute(),
      this.db
        .selectFrom('review_links')
        .innerJoin('reviews', 'reviews.id', 'review_links.related_id')
        .select([
          'reviews.id as id',
          'reviews.title as title',
          'review_links.kind as kind',
          'review_links.score as score',
          'review_links.detail as detail',
        ])
        .where('review_links.review_id', '=', id)
        .where(visibleTo(access, 'reviews'))
        .orderBy('review_links.score', 'desc')
        .execute(),
    ]);
    return {
      review,
      agencies: agencies.map((a) => a.agency),
      documents,
      sections,
      passages,
      recommendations,
      links,
    };
  }
}

async function insertPassages(
  trx: Executor,
  reviewId: string,
  passages: NewReviewGraph['passages'],
  sectionIds: Map<number, number>,
): Promise<void> {
  for (const part of chunks(passages, 200)) {
    await trx
      .insertInto('passages')
      .values(
        part.map(({ sectionSeq, ...p }) => ({
          ...p,
          review_id: reviewId,
          section_id: sectionIds.get(sectionSeq) ?? null,
        })),
      )
      .execute();
  }
}
