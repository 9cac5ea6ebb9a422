import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, testEnv } from '../../test/support/services.js';
import type { TestEnv } from '../../test/support/services.js';
import { FIGURES_VERSION } from '../analysis/language/figures.js';
import type { ReviewMetadataInput } from './review-metadata.js';
import type { Principal } from './policy.js';
import { OPERATOR_ACCESS, PUBLIC_ACCESS, languageOf, readabilityOf } from './review-service.js';

/** A short fictional review; `n` makes each one's text its own. */
function reviewText(n: number, extra = ''): string {
  return `# Learning review: Adult ${n}

FICTIONAL TEST DOCUMENT ${n}: invented for the figures tests.

## Findings

${n}.1 The social worker should have visited the home again in the spring, and this was a missed opportunity to see how Adult ${n} was living.

${n}.2 Practitioners told the review that caseloads were high and supervision was often cancelled, so the referral was not followed up for ${n + 2} weeks.

${n}.3 The records were kept in two electronic systems that did not share information with each other. ${extra}

## Recommendations

1. The partnership should make sure that supervision takes place every month.
`;
}

const rowOf = async (t: TestEnv, id: string) =>
  t.services.db.kysely
    .selectFrom('review_figures')
    .selectAll()
    .where('review_id', '=', id)
    .executeTakeFirst();

describe.each(BACKENDS)('stored readability and language figures on %s', (backend) => {
  let t: TestEnv;
  /** letter → review id */
  const ids: Record<string, string> = {};

  /** Each review's place, and the figures the median tests give it by hand. */
  const SET: Array<{ key: string; meta: ReviewMetadataInput; ease: number; hindsight: number }> = [
    { key: 'A', meta: { type: 'cspr', year: 2020 }, ease: 40, hindsight: 2 },
    { key: 'B', meta: { type: 'cspr', year: 2020 }, ease: 50, hindsight: 1 },
    { key: 'C', meta: { type: 'sar', year: 2020 }, ease: 70, hindsight: 4 },
    { key: 'D', meta: { type: 'cspr', year: 2022 }, ease: 30, hindsight: 0.5 },
    { key: 'E', meta: { type: 'sar', year: 2022 }, ease: 45, hindsight: 3 },
    { key: 'F', meta: { type: 'dhr' }, ease: 60, hindsight: 6 },
    { key: 'G', meta: { type: 'cspr', year: 2020, visibility: 'restricted' }, ease: 10, hindsight: 9 },
    { key: 'H', meta: { type: 'sar', year: 2022, status: 'draft' }, ease: 90, hindsight: 0 },
  ];

  beforeAll(async () => {
    t = await testEnv(backend);
    for (const [i, r] of SET.entries()) {
      const result = await t.services.importer.importBytes(
        Buffer.from(reviewText(i + 1, i === 0 ? 'With hindsight, the risk was obvious.' : '')),
        `adult-${r.key}.md`,
        r.meta,
      );
      if (result.kind !== 'imported') throw new Error(`${r.key} not imported`);
      ids[r.key] = result.id;
    }
  }, 120_000);
  afterAll(async () => {
    await t.cleanup();
  });

  it('stores each review’s figures on import, the same as the review page computes', async () => {
    const id = ids['A'] ?? '';
    const detail = await t.services.reviews.get(id, OPERATOR_ACCESS);
    const readability = readabilityOf(detail).review;
    const { summary } = languageOf(detail);
    const row = await rowOf(t, id);
    expect(row).toMatchObject({
      analyser_version: FIGURES_VERSION,
      words: readability.words,
      sentences: readability.sentences,
      flesch_reading_ease: readability.fleschReadingEase,
      flesch_kincaid_grade: readability.fleschKincaidGrade,
      average_sentence_length: readability.averageSentenceLength,
      long_sentence_share: readability.longSentenceShare,
      passive_share: readability.passiveShare,
      acronyms_per_1000_words: readability.acronymsPer1000Words,
      reading_minutes: readability.readingMinutes,
      hindsight_sentences: summary.counts.hindsight,
      blame_sentences: summary.counts.blame,
      systems_sentences: summary.counts.systems,
    });
    // The text has hindsight and systems sentences, so the rates are not trivially zero.
    expect(summary.counts.hindsight).toBeGreaterThanOrEqual(2);
    expect(summary.counts.systems).toBeGreaterThanOrEqual(1);
    const per1000 = (n: number) => Math.round((n / summary.words) * 10000) / 10;
    expect(row?.hindsight_per_1000_words).toBe(per1000(summary.counts.hindsight));
    expect(row?.systems_per_1000_words).toBe(summary.systemsPer1000Words);
    expect((row?.hindsight_per_1000_words ?? 0) + (row?.blame_per_1000_words ?? 0)).toBeCloseTo(
      summary.judgingPer1000Words,
      0,
    );
    for (const r of SET) expect(await rowOf(t, ids[r.key] ?? '')).toBeDefined();
  });

  describe('medians on a hand-checked set', () => {
    beforeAll(async () => {
      // Figures chosen by hand, so that each median below can be worked out on paper.
      for (const r of SET)
        await t.services.db.kysely
          .updateTable('review_figures')
          .set({ flesch_reading_ease: r.ease, hindsight_per_1000_words: r.hindsight })
          .where('review_id', '=', ids[r.key] ?? '')
          .execute();
    });

    it('gives medians and counts by year of publication, empty years included, undated reviews left out', async () => {
      const t1 = await t.services.figures.trends(PUBLIC_ACCESS, 'year');
      // Public: A, B, C (2020), D, E (2022); F has no year; G is restricted and H a draft.
      expect(t1.reviews).toBe(5);
      expect(t1.undated).toBe(1);
      expect(t1.groups.map((g) => [g.key, g.reviews])).toEqual([
        ['2020', 3],
        ['2021', 0],
        ['2022', 2],
      ]);
      const [y2020, y2021, y2022] = t1.groups;
      expect(y2020?.medians.fleschReadingEase).toBe(50); // 40, 50, 70
      expect(y2020?.medians.hindsightPer1000Words).toBe(2); // 1, 2, 4
      expect(y2021?.medians.fleschReadingEase).toBeNull();
      expect(y2022?.medians.fleschReadingEase).toBe(37.5); // (30 + 45) / 2
      expect(y2022?.medians.hindsightPer1000Words).toBe(1.75); // (0.5 + 3) / 2
      expect(t1.overall.medians.fleschReadingEase).toBe(45); // 30, 40, 45, 50, 70
    });

    it('gives medians by type of review, in the usual order of types', async () => {
      const t2 = await t.services.figures.trends(PUBLIC_ACCESS, 'type');
      expect(t2.groups.map((g) => [g.key, g.reviews, g.medians.fleschReadingEase])).toEqual([
        ['cspr', 3, 40], // 30, 40, 50
        ['sar', 2, 57.5], // (45 + 70) / 2
        ['dhr', 1, 60],
      ]);
      expect(t2.overall.reviews).toBe(6);
      expect(t2.overall.medians.fleschReadingEase).toBe(47.5); // 30 40 45 | 50 60 70
      expect(t2.overall.medians.hindsightPer1000Words).toBe(2.5); // 0.5 1 2 | 3 4 6
    });

    it('counts restricted and draft reviews only for those who may see them', async () => {
      const all = await t.services.figures.trends(OPERATOR_ACCESS, 'year');
      expect(all.reviews).toBe(7);
      expect(all.groups.find((g) => g.key === '2020')?.medians.fleschReadingEase).toBe(45); // 10 40 | 50 70
      expect(all.groups.find((g) => g.key === '2022')?.medians.fleschReadingEase).toBe(45); // 30 45 90
      const inspector = { visibilities: ['public', 'registered', 'restricted'], statuses: ['published'] };
      const seen = await t.services.figures.trends(inspector, 'type');
      expect(seen.groups.find((g) => g.key === 'cspr')?.reviews).toBe(4);
      expect(seen.groups.find((g) => g.key === 'sar')?.reviews).toBe(2);
    });

    it('filters by type, nation, region and years', async () => {
      const sar = await t.services.figures.trends(PUBLIC_ACCESS, 'year', { types: ['sar'] });
      expect(sar.groups.map((g) => [g.key, g.medians.fleschReadingEase])).toEqual([
        ['2020', 70],
        ['2021', null],
        ['2022', 45],
      ]);
      const recent = await t.services.figures.trends(PUBLIC_ACCESS, 'type', { yearFrom: 2021 });
      expect(recent.reviews).toBe(2);
      const wales = await t.services.figures.trends(PUBLIC_ACCESS, 'year', { nations: ['Wales'] });
      expect(wales).toMatchObject({ reviews: 0, groups: [] });
    });
  });

  it('fills in missing and outdated figures on start, and leaves a withdrawn copy’s figures alone', async () => {
    const db = t.services.db.kysely;
    await db
      .deleteFrom('review_figures')
      .where('review_id', '=', ids['A'] ?? '')
      .execute();
    await db
      .updateTable('review_figures')
      .set({ analyser_version: FIGURES_VERSION - 1, flesch_reading_ease: -1 })
      .where('review_id', '=', ids['B'] ?? '')
      .execute();
    // C's full copy was withdrawn under retention: what remains is not the report.
    await db
      .updateTable('reviews')
      .set({ copy_withdrawn_at: '2030-01-01T00:00:00.000Z' })
      .where('id', '=', ids['C'] ?? '')
      .execute();
    await db
      .updateTable('review_figures')
      .set({ analyser_version: FIGURES_VERSION - 1 })
      .where('review_id', '=', ids['C'] ?? '')
      .execute();

    expect(await t.services.figures.catchUp()).toBe(2);
    for (const key of ['A', 'B']) {
      const detail = await t.services.reviews.get(ids[key] ?? '', OPERATOR_ACCESS);
      const row = await rowOf(t, ids[key] ?? '');
      expect(row?.analyser_version).toBe(FIGURES_VERSION);
      expect(row?.flesch_reading_ease).toBe(readabilityOf(detail).review.fleschReadingEase);
    }
    expect((await rowOf(t, ids['C'] ?? ''))?.analyser_version).toBe(FIGURES_VERSION - 1);
    expect(await t.services.figures.catchUp()).toBe(0);
    expect(await t.services.figures.recomputeAll()).toBe(SET.length - 1);
  });

  it('removes a review’s figures with the review', async () => {
    const id = ids['F'] ?? '';
    await t.services.db.kysely.deleteFrom('reviews').where('id', '=', id).execute();
    expect(await rowOf(t, id)).toBeUndefined();
  });
});

const DRAFT = `# Safeguarding Adults Review: Adult P

FICTIONAL TEST DOCUMENT: invented for the figures tests.

## Background

2.1 Adult P lived with her son, Bartholomew Quenington-Smythe, who cared for her. Bartholomew Quenington-Smythe told the GP that he could not cope.

## Findings

3.1 The GP should have referred the family to adult social care, and the carer's assessment was a missed opportunity.
`;

describe.each(BACKENDS)('figures after publication on %s', (backend) => {
  let t: TestEnv;
  beforeAll(async () => {
    t = await testEnv(backend);
  }, 60_000);
  afterAll(async () => {
    await t.cleanup();
  });

  it('recomputes the figures from the redacted text when a draft is published', async () => {
    const result = await t.services.importer.importBytes(Buffer.from(DRAFT), 'adult-p.md', {
      status: 'draft',
    });
    if (result.kind !== 'imported') throw new Error('draft not imported');
    const before = await rowOf(t, result.id);
    const admin: Principal = {
      person: {
        id: 'figures-admin',
        email: 'admin@example.org',
        name: 'Admin',
        role: 'admin',
        partnerships: [],
      },
    };
    const state = await t.services.publication.check(admin, result.id, null);
    const names = state.findings.filter((f) => f.text.includes('Quenington'));
    expect(names.length).toBeGreaterThan(0);
    for (const f of state.findings)
      await t.services.publication.decide(admin, result.id, f.id, 'redact', undefined, null);
    await t.services.publication.publish(admin, result.id, null);

    const detail = await t.services.reviews.get(result.id, PUBLIC_ACCESS);
    expect(detail.passages.map((p) => p.text).join(' ')).not.toContain('Quenington');
    const after = await rowOf(t, result.id);
    const readability = readabilityOf(detail).review;
    // "Bartholomew Quenington-Smythe" (two words) became "[name removed]" (two words), so compare
    // the syllable-driven figures, which the long name pushed down.
    expect(after?.flesch_reading_ease).toBe(readability.fleschReadingEase);
    expect(after?.words).toBe(readability.words);
    expect(after?.flesch_reading_ease).not.toBe(before?.flesch_reading_ease);
    expect(after?.computed_at.localeCompare(before?.computed_at ?? '')).toBeGreaterThan(0);
  });
});
