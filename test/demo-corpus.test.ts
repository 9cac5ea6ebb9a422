import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseReview } from '../src/ingestion/parse-review.js';
import { ENGLISH_REGIONS } from '../src/ingestion/places.js';
import { demoManifestPath, loadDemoIfEmpty } from '../src/services/demo-service.js';
import { readManifest } from '../src/services/manifest.js';
import type { ManifestEntry } from '../src/services/manifest.js';
import { OPERATOR_ACCESS } from '../src/services/review-service.js';
import { testEnv } from './support/services.js';
import type { TestEnv } from './support/services.js';

/**
 * The fictional demo corpus is the demo data and a test corpus: it must load cleanly, cover the
 * field as the issue describes, and let us measure how well metadata is guessed from text alone.
 */
describe('the demo corpus', () => {
  let entries: ManifestEntry[];
  beforeAll(async () => {
    entries = await readManifest(demoManifestPath());
  });

  it('has at least 40 reviews across every nation, all nine English regions, 2008-2025, child and adult', () => {
    expect(entries.length).toBeGreaterThanOrEqual(40);
    const m = entries.map((e) => e.metadata);
    expect(new Set(m.map((x) => x.nation))).toEqual(new Set(['England', 'Wales', 'Scotland', 'Northern Ireland']));
    expect(new Set(m.map((x) => x.region).filter(Boolean))).toEqual(new Set(ENGLISH_REGIONS));
    const years = m.map((x) => Number(x.published?.slice(0, 4)));
    expect(Math.min(...years)).toBe(2008);
    expect(Math.max(...years)).toBe(2025);
    for (const type of ['scr', 'cspr', 'sar', 'dhr', 'cpr', 'susr', 'scotland-review', 'cmr', 'other']) {
      expect(m.some((x) => x.type === type), type).toBe(true);
    }
    expect(new Set(m.map((x) => x.subject))).toEqual(new Set(['child', 'adult']));
  });

  it('mixes formats as published reports do', () => {
    const formats = new Set(entries.map((e) => path.extname(e.path)));
    expect(formats).toEqual(new Set(['.pdf', '.docx', '.html', '.txt', '.md']));
  });

  it('labels reviews with themes for later evaluation, neglect and information sharing most common', () => {
    const counts = new Map<string, number>();
    for (const e of entries) for (const t of e.metadata.themes ?? []) counts.set(t, (counts.get(t) ?? 0) + 1);
    expect(entries.filter((e) => (e.metadata.themes ?? []).length > 0).length).toBeGreaterThanOrEqual(entries.length / 4);
    expect(counts.get('information-sharing') ?? 0).toBeGreaterThanOrEqual(entries.length / 2);
    expect(counts.get('neglect') ?? 0).toBeGreaterThanOrEqual(8);
    expect(counts.size).toBeGreaterThanOrEqual(25);
  });

  it('says in every file that it is fictional', async () => {
    for (const e of entries) {
      const parsed = await parseReview(fs.readFileSync(e.path), path.basename(e.path));
      const opening = parsed.passages.slice(0, 12).map((p) => p.text).join(' ');
      expect(opening, path.basename(e.path)).toMatch(/fiction/i);
    }
  });

  describe('loaded into an empty library', () => {
    let t: TestEnv;
    beforeAll(async () => {
      t = await testEnv('sqlite');
    });
    afterAll(async () => t.cleanup());

    it('imports every file, links the executive summary to its overview report, and loads only once', async () => {
      const outcome = await loadDemoIfEmpty(t.services.reviews, t.services.importer);
      expect(outcome?.failed).toEqual([]);
      expect(outcome?.imported).toHaveLength(entries.length);
      const linked = outcome?.imported.filter((i) => i.related?.length) ?? [];
      expect(linked.map((i) => path.basename(i.file))).toEqual(['D11.txt']);
      expect(await loadDemoIfEmpty(t.services.reviews, t.services.importer)).toBeNull();
      const page = await t.services.reviews.list(OPERATOR_ACCESS, {}, 1, 100);
      expect(page.total).toBe(entries.length);
    });
  });

  it('lets the importer guess type, nation, region and date from the text alone for nearly every review', async () => {
    let right = { type: 0, nation: 0, region: 0, published: 0, recommendations: 0 };
    for (const e of entries) {
      const parsed = await parseReview(fs.readFileSync(e.path), path.basename(e.path));
      const g = parsed.guessed;
      const m = e.metadata;
      right = {
        type: right.type + Number(g.reviewType?.value === m.type),
        nation: right.nation + Number(g.nation?.value === m.nation),
        region: right.region + Number((g.region?.value ?? null) === (m.region ?? null)),
        published: right.published + Number(g.publishedOn !== undefined && m.published?.startsWith(g.publishedOn.value.slice(0, 7)) === true),
        recommendations: right.recommendations + Number(parsed.recommendations.length > 0),
      };
    }
    const n = entries.length;
    expect(right.type / n).toBeGreaterThanOrEqual(0.9);
    expect(right.nation / n).toBeGreaterThanOrEqual(0.9);
    expect(right.region / n).toBeGreaterThanOrEqual(0.9);
    expect(right.published / n).toBeGreaterThanOrEqual(0.85);
    // Learning Together style reports have findings but no numbered recommendations.
    expect(right.recommendations / n).toBeGreaterThanOrEqual(0.85);
  });
});
