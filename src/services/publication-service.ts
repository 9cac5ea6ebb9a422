import type { Kysely, Transaction } from 'kysely';
import { findPersonalData } from '../analysis/anonymisation/detect.js';
import type { FindingKind } from '../analysis/anonymisation/types.js';
import type { Database } from '../db/types.js';
import type { SearchIndex } from '../search/search-index.js';
import { storeReviewTerms } from '../search/similar.js';
import { AppError, NotFoundError, ValidationError } from '../shared/errors.js';
import type { AuditService } from './audit-service.js';
import { can } from './policy.js';
import type { Person, Principal } from './policy.js';
import type { ThemeService } from './theme-service.js';
import { storeReviewFigures } from './figures-service.js';

export type Decision = 'open' | 'redact' | 'dismiss';

export interface CheckFinding {
  id: number;
  kind: FindingKind;
  text: string;
  reason: string;
  confidence: number;
  decision: Decision;
  note: string | null;
  decidedBy: string | null;
  /** where it is: the title, a section's heading, or a passage's section, paragraph number and page */
  place: {
    title: boolean;
    heading: boolean;
    section: string | null;
    paragraph: string | null;
    page: number | null;
  };
  /** the words around it, for the editor to judge */
  before: string;
  after: string;
}

export interface CheckState {
  reviewId: string;
  title: string;
  status: string;
  visibility: string;
  checkedAt: string | null;
  findings: CheckFinding[];
  open: number;
  /** publishing is possible: checked, nothing left open, still a draft */
  ready: boolean;
}

const LABEL: Record<FindingKind, string> = {
  name: 'name',
  date: 'date',
  postcode: 'postcode',
  address: 'address',
  street: 'street name',
  school: 'school name',
  phone: 'phone number',
  email: 'email address',
  nhs: 'NHS number',
  ni: 'National Insurance number',
};

/** What replaces a redacted finding in the published copy. */
export function redactionMark(kind: string): string {
  return `[${LABEL[kind as FindingKind] ?? 'detail'} removed]`;
}

/** Applies redactions (offsets in `text`) from the end backwards, so earlier offsets stay right. */
export function redact(text: string, spans: Array<{ start: number; end: number; kind: string }>): string {
  // Overlapping spans (from checks run with different rules) are merged, so nothing is left behind.
  const merged: Array<{ start: number; end: number; kind: string }> = [];
  const valid = spans.filter((x) => x.start >= 0 && x.end <= text.length && x.start < x.end);
  for (const s of valid.sort((a, b) => a.start - b.start)) {
    const last = merged[merged.length - 1];
    if (last && s.start < last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  let out = text;
  for (const s of merged.reverse()) out = out.slice(0, s.start) + redactionMark(s.kind) + out.slice(s.end);
  return out;
}

type Executor = Kysely<Database> | Transaction<Database>;

/**
 * Draft → anonymisation check → published (or withdrawn). The check lists likely personal data
 * with its place; an editor redacts or dismisses (with a reason) each finding; publishing applies
 * the redactions to the stored text, re-indexes and re-codes it from the redacted text, and
 * withholds the original file, so readers only ever get the redacted copy.
 */
export class PublicationService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly index: SearchIndex | null,
    private readonly themes: ThemeService | null,
    private readonly audit: AuditService,
  ) {}

  /** The review, if this person may manage it; a plain 404 otherwise (they may not know it exists). */
  private async managed(principal: Principal, reviewId: string) {
    const review = await this.db
      .selectFrom('reviews')
      .select(['id', 'title', 'status', 'visibility', 'partnership_id', 'checked_at'])
      .where('id', '=', reviewId)
      .executeTakeFirst();
    if (!review || !can(principal, 'manageReview', { partnershipId: review.partnership_id }))
      throw new NotFoundError(`No review with id ${reviewId}`);
    return { review, person: principal.person as Person };
  }

  async state(principal: Principal, reviewId: string): Promise<CheckState> {
    const { review } = await this.managed(principal, reviewId);
    const rows = await this.db
      .selectFrom('anonymisation_findings as f')
      .leftJoin('passages as p', 'p.id', 'f.passage_id')
      .leftJoin('sections as s', (join) =>
        join.on((eb) =>
          eb.or([eb('s.id', '=', eb.ref('p.section_id')), eb('s.id', '=', eb.ref('f.section_id'))]),
        ),
      )
      .select([
        'f.id',
        'f.passage_id',
        'f.section_id',
        'f.start_offset',
        'f.end_offset',
        'f.kind',
        'f.text',
        'f.reason',
        'f.confidence',
        'f.decision',
        'f.note',
        'f.decided_by',
        'p.text as passage',
        'p.paragraph',
        'p.page',
        's.heading',
      ])
      .where('f.review_id', '=', reviewId)
      .orderBy('p.seq')
      .orderBy('f.start_offset')
      .execute();
    const findings = rows.map((r) => {
      const inHeading = r.passage_id === null && r.section_id !== null;
      const source = inHeading ? (r.heading ?? '') : r.passage_id === null ? review.title : (r.passage ?? '');
      return {
        id: Number(r.id),
        kind: r.kind as FindingKind,
        text: r.text,
        reason: r.reason,
        confidence: Number(r.confidence),
        decision: r.decision as Decision,
        note: r.note,
        decidedBy: r.decided_by,
        place: {
          title: r.passage_id === null && !inHeading,
          heading: inHeading,
          section: r.heading ?? null,
          paragraph: r.paragraph ?? null,
          page: r.page === null || r.page === undefined ? null : Number(r.page),
        },
        before: source.slice(Math.max(0, r.start_offset - 80), r.start_offset).replace(/^\S*\s/, '…'),
        after: source.slice(r.end_offset, r.end_offset + 80).replace(/\s\S*$/, '…'),
      };
    });
    const open = findings.filter((f) => f.decision === 'open').length;
    return {
      reviewId,
      title: review.title,
      status: review.status,
      visibility: review.visibility,
      checkedAt: review.checked_at,
      findings,
      open,
      ready: review.status === 'draft' && review.checked_at !== null && open === 0,
    };
  }

  /**
   * Runs the check on a draft's title and passages. Decisions already made on the same words in the
   * same place are kept; everything else starts open.
   */
  async check(principal: Principal, reviewId: string, from: string | null): Promise<CheckState> {
    const { review, person } = await this.managed(principal, reviewId);
    if (review.status !== 'draft')
      throw new AppError('not_draft', 'Only a draft can be checked before publication', 409);
    const passages = await this.db
      .selectFrom('passages')
      .select(['id', 'text'])
      .where('review_id', '=', reviewId)
      .orderBy('seq')
      .execute();
    const headings = await this.db
      .selectFrom('sections')
      .select(['id', 'heading'])
      .where('review_id', '=', reviewId)
      .orderBy('seq')
      .execute();
    const now = new Date().toISOString();
    const found = [
      ...findPersonalData(review.title).map((f) => ({
        ...f,
        passageId: null as number | null,
        sectionId: null as number | null,
      })),
      ...headings.flatMap((h) =>
        findPersonalData(h.heading).map((f) => ({
          ...f,
          passageId: null as number | null,
          sectionId: Number(h.id),
        })),
      ),
      ...passages.flatMap((p) =>
        findPersonalData(p.text).map((f) => ({
          ...f,
          passageId: Number(p.id),
          sectionId: null as number | null,
        })),
      ),
    ];
    await this.db.transaction().execute(async (trx) => {
      const decided = await trx
        .selectFrom('anonymisation_findings')
        .select(['passage_id', 'section_id', 'start_offset', 'text'])
        .where('review_id', '=', reviewId)
        .where('decision', '<>', 'open')
        .execute();
      const kept = new Set(decided.map((d) => `${d.passage_id}:${d.section_id}:${d.start_offset}:${d.text}`));
      await trx
        .deleteFrom('anonymisation_findings')
        .where('review_id', '=', reviewId)
        .where('decision', '=', 'open')
        .execute();
      const fresh = found.filter((f) => !kept.has(`${f.passageId}:${f.sectionId}:${f.start}:${f.text}`));
      for (let i = 0; i < fresh.length; i += 200) {
        await trx
          .insertInto('anonymisation_findings')
          .values(
            fresh.slice(i, i + 200).map((f) => ({
              review_id: reviewId,
              passage_id: f.passageId,
              section_id: f.sectionId,
              start_offset: f.start,
              end_offset: f.end,
              kind: f.kind,
              text: f.text,
              reason: f.reason,
              confidence: f.confidence,
              decision: 'open',
              created_at: now,
            })),
          )
          .execute();
      }
      await trx.updateTable('reviews').set({ checked_at: now }).where('id', '=', reviewId).execute();
    });
    await this.audit.record(
      { person },
      {
        action: 'review.check',
        target: { type: 'review', id: reviewId },
        detail: { findings: found.length },
        from,
      },
    );
    return this.state(principal, reviewId);
  }

  /** Redact or dismiss one finding (dismissing needs a reason), or open it again. */
  async decide(
    principal: Principal,
    reviewId: string,
    findingId: number,
    decision: Decision,
    note: string | undefined,
    from: string | null,
  ): Promise<void> {
    const { review, person } = await this.managed(principal, reviewId);
    if (review.status !== 'draft')
      throw new AppError('not_draft', 'This review has already been published', 409);
    const reason = note?.trim() ?? '';
    if (decision === 'dismiss' && reason.length < 3)
      throw new ValidationError(
        'Give a reason for keeping this text, for example "a pseudonym chosen by the family"',
      );
    const updated = await this.db
      .updateTable('anonymisation_findings')
      .set({
        decision,
        note: decision === 'dismiss' ? reason.slice(0, 500) : null,
        decided_by: decision === 'open' ? null : person.email,
        decided_at: decision === 'open' ? null : new Date().toISOString(),
      })
      .where('id', '=', findingId)
      .where('review_id', '=', reviewId)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0)
      throw new NotFoundError(`No finding ${findingId} on this review`);
    // The finding's words (and a reason, which may quote them) are personal data: the log keeps only
    // the finding's id and the decision.
    await this.audit.record(
      { person },
      {
        action: 'review.change',
        target: { type: 'review', id: reviewId },
        detail: {
          finding: findingId,
          decision,
        },
        from,
      },
    );
  }

  /** Publishes a checked draft with nothing left open: the stored text becomes the redacted copy. */
  async publish(principal: Principal, reviewId: string, from: string | null): Promise<void> {
    const state = await this.state(principal, reviewId);
    const person = principal.person as Person;
    if (state.status !== 'draft') throw new AppError('not_draft', 'This review is not a draft', 409);
    if (state.checkedAt === null)
      throw new AppError('not_checked', 'Run the anonymisation check before publishing', 409);
    if (state.open > 0)
      throw new AppError(
        'findings_open',
        `Redact or dismiss every finding first: ${state.open} still open`,
        409,
      );
    const redactions = await this.db
      .selectFrom('anonymisation_findings')
      .select(['passage_id', 'section_id', 'start_offset as start', 'end_offset as end', 'kind', 'text'])
      .where('review_id', '=', reviewId)
      .where('decision', '=', 'redact')
      .execute();
    const coder = this.themes ? await this.themes.coder() : null;
    await this.db.transaction().execute(async (trx) => {
      // Claimed first: a second "Publish" pressed at the same moment finds no draft and changes nothing.
      const claimed = await trx
        .updateTable('reviews')
        .set({ status: 'published' })
        .where('id', '=', reviewId)
        .where('status', '=', 'draft')
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) === 0)
        throw new AppError('not_draft', 'This review is not a draft', 409);
      await this.applyRedactions(trx, reviewId, redactions);
      if (redactions.length) {
        await storeReviewTerms(trx, reviewId);
        if (this.index) await this.index.indexReview(trx, reviewId);
        if (this.themes && coder) await this.themes.codeReview(trx, reviewId, coder);
        // "[name removed]" counts as words and sentences: the figures follow the published text.
        await storeReviewFigures(trx, reviewId);
        await this.redactEvidence(trx, reviewId, redactions);
      }
      await trx
        .updateTable('reviews')
        // The original file may hold what the check cannot see (properties, comments, headers): readers
        // get the checked copy only.
        .set({ original_withheld: 1, updated_at: new Date().toISOString() })
        .where('id', '=', reviewId)
        .execute();
    });
    await this.audit.record(
      { person },
      {
        action: 'review.publish',
        target: { type: 'review', id: reviewId },
        detail: { redactions: redactions.length, visibility: state.visibility },
        from,
      },
    );
  }

  /**
   * Codes an analyst decided while the review was a draft keep their own quoted sentences: the
   * removed words are replaced there too.
   */
  private async redactEvidence(
    trx: Executor,
    reviewId: string,
    redactions: Array<{ kind: string; text: string }>,
  ): Promise<void> {
    const rows = await trx
      .selectFrom('review_themes')
      .select(['slug', 'evidence'])
      .where('review_id', '=', reviewId)
      .execute();
    const longestFirst = [...redactions].sort((a, b) => b.text.length - a.text.length);
    for (const row of rows) {
      let evidence = row.evidence;
      for (const r of longestFirst) evidence = evidence.split(r.text).join(redactionMark(r.kind));
      if (evidence !== row.evidence)
        await trx
          .updateTable('review_themes')
          .set({ evidence })
          .where('review_id', '=', reviewId)
          .where('slug', '=', row.slug)
          .execute();
    }
  }

  private async applyRedactions(
    trx: Executor,
    reviewId: string,
    all: Array<{
      passage_id: number | null;
      section_id: number | null;
      start: number;
      end: number;
      kind: string;
    }>,
  ): Promise<void> {
    const bySection = new Map<number, typeof all>();
    for (const r of all.filter((x) => x.passage_id === null && x.section_id !== null))
      bySection.set(Number(r.section_id), [...(bySection.get(Number(r.section_id)) ?? []), r]);
    for (const [sectionId, spans] of bySection) {
      const section = await trx
        .selectFrom('sections')
        .select('heading')
        .where('id', '=', sectionId)
        .where('review_id', '=', reviewId)
        .executeTakeFirst();
      if (section)
        await trx
          .updateTable('sections')
          .set({ heading: redact(section.heading, spans) })
          .where('id', '=', sectionId)
          .execute();
    }
    const redactions = all.filter((x) => x.section_id === null);
    const byPassage = new Map<number | null, typeof redactions>();
    for (const r of redactions) byPassage.set(r.passage_id, [...(byPassage.get(r.passage_id) ?? []), r]);
    for (const [passageId, spans] of byPassage) {
      if (passageId === null) {
        const review = await trx
          .selectFrom('reviews')
          .select('title')
          .where('id', '=', reviewId)
          .executeTakeFirstOrThrow();
        await trx
          .updateTable('reviews')
          .set({ title: redact(review.title, spans) })
          .where('id', '=', reviewId)
          .execute();
        continue;
      }
      const passage = await trx
        .selectFrom('passages')
        .select('text')
        .where('id', '=', passageId)
        .where('review_id', '=', reviewId)
        .executeTakeFirst();
      if (!passage) continue;
      const redacted = redact(passage.text, spans);
      await trx.updateTable('passages').set({ text: redacted }).where('id', '=', passageId).execute();
      // A recommendation keeps its own copy of the passage's words, perhaps without a "Recommendation 3:"
      // lead-in: the spans move to where its text sits in the passage.
      const recommendations = await trx
        .selectFrom('recommendations')
        .select(['id', 'text'])
        .where('review_id', '=', reviewId)
        .execute();
      for (const rec of recommendations) {
        const at = rec.text ? passage.text.indexOf(rec.text) : -1;
        if (at < 0) continue;
        const inside = spans
          .filter((x) => x.start < at + rec.text.length && x.end > at)
          .map((x) => ({
            ...x,
            start: Math.max(0, x.start - at),
            end: Math.min(rec.text.length, x.end - at),
          }));
        if (inside.length)
          await trx
            .updateTable('recommendations')
            .set({ text: redact(rec.text, inside) })
            .where('id', '=', rec.id)
            .execute();
      }
    }
  }

  /** Takes a published review out of the library's public view; its record stays. */
  async withdraw(principal: Principal, reviewId: string, from: string | null): Promise<void> {
    const { review, person } = await this.managed(principal, reviewId);
    if (review.status !== 'published')
      throw new AppError('not_published', 'Only a published review can be withdrawn', 409);
    await this.db
      .updateTable('reviews')
      .set({ status: 'withdrawn', updated_at: new Date().toISOString() })
      .where('id', '=', reviewId)
      .execute();
    await this.audit.record(
      { person },
      { action: 'review.withdraw', target: { type: 'review', id: reviewId }, from },
    );
  }
}
