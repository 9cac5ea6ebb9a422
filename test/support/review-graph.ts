import { sha256 } from '../../src/ingestion/fingerprint.js';
import type { NewReview } from '../../src/db/types.js';
import type { NewReviewGraph } from '../../src/repositories/reviews-repository.js';

/**
 * A stored review with no file behind it: a published, public child review in England unless
 * `review` says otherwise, one document, the given section headings and paragraphs. For the search
 * benchmark's generated corpus and for tests that need a review under an id they choose.
 */
export function generatedReview(
  id: string,
  content: {
    title: string;
    review?: Partial<NewReview>;
    headings: string[];
    passages: Array<{ text: string; paragraph: string | null; page: number; sectionSeq: number }>;
    pages: number;
    words: number;
    createdAt?: string;
  },
): NewReviewGraph {
  const now = content.createdAt ?? new Date().toISOString();
  return {
    review: {
      id,
      title: content.title,
      review_type: 'cspr',
      nation: 'England',
      region: null,
      publishing_body: null,
      area: null,
      published_on: null,
      published_year: null,
      incident_year: null,
      subject: 'child',
      age_band: null,
      status: 'published',
      visibility: 'public',
      pseudonym: null,
      text_sha256: sha256(id),
      word_count: content.words,
      page_count: content.pages,
      provenance: '{}',
      created_at: now,
      updated_at: now,
      ...content.review,
    },
    agencies: [],
    document: {
      id: `d${id}`,
      file_name: `${id}.pdf`,
      withdrawn_at: null,
      media_type: 'application/pdf',
      sha256: sha256(`doc${id}`),
      size_bytes: 1,
      pages: content.pages,
      storage_key: 'none',
      created_at: now,
    },
    sections: content.headings.map((heading, k) => ({
      seq: k + 1,
      kind: 'findings',
      heading,
      number: null,
      level: 1,
      page: k + 1,
    })),
    passages: content.passages.map((p, k) => ({ seq: k + 1, kind: 'paragraph', ...p })),
    recommendations: [],
    shingles: [],
    links: [],
  };
}
