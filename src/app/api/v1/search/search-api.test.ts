import fs from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_MARKDOWN, tempDir } from '../../../../../test/support/fixtures.js';
import { BACKENDS, testEnv } from '../../../../../test/support/services.js';
import type { TestEnv } from '../../../../../test/support/services.js';
import { createApp } from '../../../create-app.js';

describe.each(BACKENDS)('GET /api/v1/search on %s', (backend) => {
  let t: TestEnv;
  let app: FastifyInstance;

  beforeAll(async () => {
    t = await testEnv(backend);
    const dir = await tempDir();
    await fs.writeFile(path.join(dir, 'q.md'), SAMPLE_MARKDOWN);
    await fs.writeFile(
      path.join(dir, 'secret.md'),
      SAMPLE_MARKDOWN.replace(/Child Q/g, 'Child S').replace(
        'skull fracture',
        'skull fracture near the quarry',
      ),
    );
    await t.services.importer.importAll([{ path: path.join(dir, 'q.md') }]);
    await t.services.importer.importAll([
      { path: path.join(dir, 'secret.md'), metadata: { visibility: 'restricted' } },
    ]);
    await fs.rm(dir, { recursive: true, force: true });
    app = await createApp(t.services);
  });
  afterAll(async () => {
    await app.close();
    await t.cleanup();
  });

  it('answers in the documented shape, with snippets that say where they come from', async () => {
    const res = await app.inject('/api/v1/search?q=bruising%20babies&view=reviews');
    expect(res.statusCode).toBe(200);
    const body = res.json<{
      total: number;
      results: Array<{ id: string; title: string; score: number; snippets: Array<Record<string, unknown>> }>;
      facets: Record<string, unknown>;
    }>();
    expect(body.total).toBe(1);
    expect(body.results[0]).toMatchObject({
      title: 'Child Safeguarding Practice Review: Child Q',
      score: expect.any(Number),
    });
    const snippets = body.results[0]?.snippets ?? [];
    expect(snippets[0]).toMatchObject({
      text: expect.stringContaining('bruising'),
      section: expect.any(String),
    });
    expect(snippets.find((x) => x.paragraph === '1.2')).toMatchObject({
      section: 'Executive summary',
      page: null,
    });
    expect(Object.keys(body.facets)).toEqual(expect.arrayContaining(['type', 'nation', 'region', 'subject']));
  });

  it('searches passages, filters, and keeps restricted text out', async () => {
    const passages = await app.inject('/api/v1/search?q=probation&view=passages&type=cspr');
    expect(passages.json<{ total: number }>().total).toBe(1);
    const restricted = await app.inject('/api/v1/search?q=quarry');
    expect(restricted.json()).toMatchObject({ total: 0, results: [] });
    expect(restricted.body).not.toContain('quarry near');
  });

  it('rejects bad parameters with the error shape', async () => {
    const res = await app.inject('/api/v1/search?q=x&view=everything');
    expect(res.statusCode).toBe(400);
    expect(res.json<{ error: { code: string; message: string } }>().error).toMatchObject({
      code: 'invalid_request',
      message: expect.stringContaining('view'),
    });
  });
});
