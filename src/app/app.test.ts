import fs from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_MARKDOWN, tempDir } from '../../test/support/fixtures.js';
import { BACKENDS, testEnv } from '../../test/support/services.js';
import type { TestEnv } from '../../test/support/services.js';
import { createApp } from './create-app.js';

describe.each(BACKENDS)('HTTP API on %s', (backend) => {
  let t: TestEnv;
  let app: FastifyInstance;
  let dir: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await testEnv(backend);
    dir = await tempDir();
    const files: Array<[string, string, Record<string, unknown>]> = [
      ['q.md', SAMPLE_MARKDOWN, { published: '2022-03-12' }],
      [
        'adult.md',
        SAMPLE_MARKDOWN.replace(/Child Q/g, 'Mr T').replace('nine weeks old', 'seventy years old'),
        { type: 'sar', subject: 'adult', published: '2016-05', region: 'London' },
      ],
      [
        'secret.md',
        SAMPLE_MARKDOWN.replace(/Child Q/g, 'Child Z').replace('skull fracture', 'restricted-only phrase'),
        { visibility: 'restricted' },
      ],
      [
        'draft.md',
        SAMPLE_MARKDOWN.replace(/Child Q/g, 'Child D').replace('skull fracture', 'draft-only phrase'),
        { status: 'draft' },
      ],
    ];
    for (const [name, text, metadata] of files) {
      await fs.writeFile(path.join(dir, name), text);
      const out = await t.services.importer.importAll([{ path: path.join(dir, name), metadata }]);
      ids[name] = out.imported[0]?.id ?? '';
    }
    app = await createApp(t.services);
  });
  afterAll(async () => {
    await app.close();
    await t.cleanup();
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('reports health with the backend and version', async () => {
    const res = await app.inject('/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      status: 'ok',
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
      database: { backend, status: 'ok' },
    });
  });

  it('lists only published public reviews, with a total', async () => {
    const res = await app.inject('/api/v1/reviews');
    expect(res.statusCode).toBe(200);
    const body = res.json<{ total: number; results: Array<{ id: string }> }>();
    expect(body.total).toBe(2);
    expect(body.results.map((r) => r.id).sort()).toEqual([ids['q.md'], ids['adult.md']].sort());
    expect(res.body).not.toContain('Child Z');
    expect(res.body).not.toContain('Child D');
  });

  it('filters by type, region, subject and year, and pages', async () => {
    const byType = await app.inject('/api/v1/reviews?type=sar');
    expect(byType.json()).toMatchObject({
      total: 1,
      results: [{ id: ids['adult.md'], type: 'sar', region: 'London' }],
    });
    const byYear = await app.inject('/api/v1/reviews?from=2020&to=2025');
    expect(byYear.json()).toMatchObject({ total: 1, results: [{ id: ids['q.md'] }] });
    const both = await app.inject('/api/v1/reviews?type=sar&type=cspr&subject=adult');
    expect(both.json()).toMatchObject({ total: 1 });
    const paged = await app.inject('/api/v1/reviews?pageSize=1&page=2&sort=published-desc');
    expect(paged.json()).toMatchObject({
      total: 2,
      page: 2,
      pageSize: 1,
      results: [{ id: ids['adult.md'] }],
    });
  });

  it('rejects bad query parameters with the error shape', async () => {
    const res = await app.inject('/api/v1/reviews?type=inquest&pageSize=1000');
    expect(res.statusCode).toBe(400);
    const body = res.json<{ error: { code: string; message: string; details: object } }>();
    expect(body.error.code).toBe('invalid_request');
    expect(body.error.message).toContain('type');
    expect(body.error.message).toContain('pageSize');
    const unknown = await app.inject('/api/v1/reviews?colour=red');
    expect(unknown.statusCode).toBe(400);
    const reversed = await app.inject('/api/v1/reviews?from=2020&to=2010');
    expect(reversed.json<{ error: { message: string } }>().error.message).toContain(
      '"from" must not be after "to"',
    );
  });

  it('returns a review with sections, passages, recommendations and provenance', async () => {
    const res = await app.inject(`/api/v1/reviews/${ids['q.md']}`);
    expect(res.statusCode).toBe(200);
    const r = res.json<{
      title: string;
      sections: Array<{ kind: string }>;
      passages: Array<{ paragraph: string | null; section: string | null }>;
      recommendations: unknown[];
      provenance: object;
      documents: Array<Record<string, unknown>>;
    }>();
    expect(r.title).toBe('Child Safeguarding Practice Review: Child Q');
    expect(r.sections.map((s) => s.kind)).toContain('executive-summary');
    expect(r.passages.find((p) => p.paragraph === '2.1')?.section).toBe('Background');
    expect(r.recommendations).toHaveLength(3);
    expect(r.documents[0]).not.toHaveProperty('storageKey');
  });

  it('answers 404 alike for a missing review and for restricted or draft ones, revealing nothing', async () => {
    for (const id of ['zzzzzzzzzz', ids['secret.md'], ids['draft.md']]) {
      const res = await app.inject(`/api/v1/reviews/${id}`);
      expect(res.statusCode).toBe(404);
      expect(res.json()).toEqual({
        error: { code: 'not_found', message: `No review with id ${id}`, details: {} },
      });
    }
  });

  it('answers unknown routes and malformed ids with the error shape and no stack trace', async () => {
    const res = await app.inject('/api/v1/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('not_found');
    const bad = await app.inject('/api/v1/reviews/..%2F..%2Fetc');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).not.toMatch(/at .*\.ts:\d+/);
  });
});
