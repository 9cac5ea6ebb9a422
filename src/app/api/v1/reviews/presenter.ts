import type { ReviewDetail } from '../../../../repositories/reviews-repository.js';

/** The public JSON form of a review: stable field names, no storage keys or hashes of text. */
export function presentReview(detail: ReviewDetail) {
  const r = detail.review;
  const sectionById = new Map(detail.sections.map((s) => [s.id, s]));
  return {
    id: r.id,
    title: r.title,
    type: r.review_type,
    nation: r.nation,
    region: r.region,
    body: r.publishing_body,
    area: r.area,
    published: r.published_on,
    incidentYear: r.incident_year,
    subject: r.subject,
    ageBand: r.age_band,
    status: r.status,
    visibility: r.visibility,
    /** when the full copy was withdrawn under the retention period (null: it is here) */
    copyWithdrawn: r.copy_withdrawn_at,
    pseudonym: r.pseudonym,
    wordCount: r.word_count,
    pages: r.page_count,
    agencies: detail.agencies,
    provenance: JSON.parse(r.provenance) as Record<string, string>,
    // A withheld original (published after the check) is not listed: its name may hold what was removed.
    documents: detail.documents
      .filter((d) => d.withdrawn_at === null && r.original_withheld !== 1)
      .map((d) => ({
        id: d.id,
        fileName: d.file_name,
        mediaType: d.media_type,
        sha256: d.sha256,
        sizeBytes: d.size_bytes,
        pages: d.pages,
      })),
    sections: detail.sections.map((s) => ({
      id: s.id,
      kind: s.kind,
      heading: s.heading,
      number: s.number,
      level: s.level,
      page: s.page,
    })),
    passages: detail.passages.map((p) => ({
      id: p.id,
      section: p.section_id ? (sectionById.get(p.section_id)?.heading ?? null) : null,
      sectionId: p.section_id,
      paragraph: p.paragraph,
      page: p.page,
      kind: p.kind,
      text: p.text,
    })),
    recommendations: detail.recommendations.map((x) => ({
      id: x.id,
      number: x.number,
      text: x.text,
      page: x.page,
      sectionId: x.section_id,
    })),
    related: detail.links.map((l) => ({
      id: l.id,
      title: l.title,
      kind: l.kind,
      score: l.score,
      detail: l.detail,
    })),
  };
}
