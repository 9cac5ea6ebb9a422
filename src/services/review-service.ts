import type { Db } from '../db/index.js';
import { ReviewsRepository } from '../repositories/reviews-repository.js';
import type {
  AccessScope,
  ReviewDetail,
  ReviewFilter,
  ReviewSort,
} from '../repositories/reviews-repository.js';
import { frameText } from '../analysis/language/framing.js';
import { readability } from '../analysis/readability/readability.js';
import type { Readability } from '../analysis/readability/readability.js';
import { NotFoundError } from '../shared/errors.js';
import { ANONYMOUS, STATUSES, VISIBILITIES, scopeOf } from './policy.js';

/** What a public visitor sees (the policy's answer for nobody signed in). */
export const PUBLIC_ACCESS: AccessScope = scopeOf(ANONYMOUS);
/** The operator at the command line, who runs the store, sees everything in it. */
export const OPERATOR_ACCESS: AccessScope = { visibilities: VISIBILITIES, statuses: STATUSES };

export interface ReviewSummary {
  id: string;
  title: string;
  type: string;
  nation: string | null;
  region: string | null;
  body: string | null;
  area: string | null;
  published: string | null;
  subject: string | null;
  visibility: string;
  status: string;
}

export interface ReviewPage {
  total: number;
  page: number;
  pageSize: number;
  results: ReviewSummary[];
}

export class ReviewService {
  private readonly repo: ReviewsRepository;

  constructor(db: Db) {
    this.repo = new ReviewsRepository(db.kysely);
  }

  async list(
    access: AccessScope,
    filter: ReviewFilter,
    page: number,
    pageSize: number,
    sort?: ReviewSort,
  ): Promise<ReviewPage> {
    const { total, rows } = await this.repo.list(
      access,
      filter,
      { offset: (page - 1) * pageSize, limit: pageSize },
      sort,
    );
    return {
      total,
      page,
      pageSize,
      results: rows.map((r) => ({
        id: r.id,
        title: r.title,
        type: r.review_type,
        nation: r.nation,
        region: r.region,
        body: r.publishing_body,
        area: r.area,
        published: r.published_on,
        subject: r.subject,
        visibility: r.visibility,
        status: r.status,
      })),
    };
  }

  /** A review the caller may see, or NotFound — the same answer whether it is missing or forbidden. */
  async get(id: string, access: AccessScope): Promise<ReviewDetail> {
    const detail = await this.repo.get(id, access);
    if (!detail) throw new NotFoundError(`No review with id ${id}`);
    return detail;
  }

  /** Readability of a review the caller may see (see `readabilityOf`). */
  async readability(id: string, access: AccessScope) {
    return readabilityOf(await this.get(id, access));
  }

  /** How a review the caller may see is framed (see `languageOf`). */
  async language(id: string, access: AccessScope) {
    return languageOf(await this.get(id, access));
  }

  /** Changes whenever any review is added or changed. */
  version(): Promise<string> {
    return this.repo.version();
  }

  /** A review's visibility, status and owner, or NotFound when `access` may not see it (or it does not exist). */
  async head(
    id: string,
    access: AccessScope,
  ): Promise<{
    visibility: string;
    status: string;
    partnershipId: string | null;
    originalWithheld: boolean;
  }> {
    const row = await this.repo.head(id, access);
    if (!row) throw new NotFoundError(`No review with id ${id}`);
    return {
      visibility: row.visibility,
      status: row.status,
      partnershipId: row.partnership_id,
      originalWithheld: row.original_withheld === 1,
    };
  }

  /** Which of these reviews are protected material, for the audit log (only callers who may see any ask). */
  protectedAmong(ids: readonly string[], access: AccessScope): Promise<string[]> {
    const mayBeShown =
      access.visibilities.includes('restricted') ||
      access.statuses.some((s) => s !== 'published') ||
      (access.partnerships?.length ?? 0) > 0;
    return mayBeShown ? this.repo.protectedAmong(ids) : Promise.resolve([]);
  }

  count(access: AccessScope): Promise<number> {
    return this.repo.count(access);
  }
}

/**
 * Readability of a review already read: for the whole text and for each section with text. A page
 * that has the review in hand calls this rather than reading it again.
 */
export function readabilityOf(detail: ReviewDetail): {
  review: Readability;
  sections: Array<Readability & { heading: string; kind: string }>;
} {
  const bySection = new Map<number | null, string[]>();
  for (const p of detail.passages)
    bySection.set(p.section_id, [...(bySection.get(p.section_id) ?? []), p.text]);
  return {
    review: readability(detail.passages.map((p) => p.text).join('\n\n')),
    sections: detail.sections
      .filter((s) => (bySection.get(s.id)?.length ?? 0) > 0)
      .map((s) => ({
        heading: s.heading,
        kind: s.kind,
        ...readability((bySection.get(s.id) ?? []).join('\n\n')),
      })),
  };
}

/**
 * How a review already read is framed: each sentence read as hindsight, blame, systems or neutral,
 * with the phrase that decided it and where it is; and the rates per 1,000 words.
 */
export function languageOf(detail: ReviewDetail) {
  const sectionOf = new Map(detail.sections.map((s) => [s.id, s.heading]));
  const { sentences, summary } = frameText(detail.passages.map((p) => p.text));
  return {
    summary,
    sentences: sentences
      .filter((s) => s.framing !== 'neutral')
      .map((s) => {
        const p = detail.passages[s.passage];
        return {
          text: s.text,
          framing: s.framing,
          cue: s.cue,
          section: p?.section_id == null ? null : (sectionOf.get(p.section_id) ?? null),
          paragraph: p?.paragraph ?? null,
          page: p?.page ?? null,
        };
      }),
  };
}
