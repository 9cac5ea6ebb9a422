import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, signIn } from '../../test/support/auth.js';
import type { TestSession } from '../../test/support/auth.js';
import { BACKENDS, testEnv } from '../../test/support/services.js';
import type { TestEnv } from '../../test/support/services.js';
import { createApp } from '../app/create-app.js';
import type { Principal } from './policy.js';
import { redact } from './publication-service.js';
import { OPERATOR_ACCESS, PUBLIC_ACCESS } from './review-service.js';

/** A fictional draft that still holds personal details, as an author might forget them. */
const DRAFT = `# Child Safeguarding Practice Review: Child M

FICTIONAL TEST DOCUMENT: invented for the publication tests.

Published by the Northshire Safeguarding Children Partnership, June 2025

## Background

2.1 Child M lived with her mother, Kerry-Ann Pemberton, at 14 Aldergate Road, Northtown NE6 2QP. Child M was born on 3 June 2021.

2.2 The health visitor, who visited the family in the spring, noted that the home was cold and the mother was low in mood.

### Kerry-Ann Pemberton's account

2.3 The family's account is set out in full in the appendix.

## Findings

3.1 The mother told the health visitor that her partner hit her and checked her phone, and this was not shared with children's social care.

## Recommendations

1. The partnership should make sure that disclosures of domestic abuse to health visitors are shared with children's social care.

Recommendation 2: The health visiting service should review how it followed up the missed appointments of Kerry-Ann Pemberton.
`;

const tokenIn = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
const form = (fields: Record<string, string>) => ({
  payload: new URLSearchParams(fields).toString(),
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
});

describe.each(BACKENDS)('draft → anonymisation check → published, on %s', (backend) => {
  let t: TestEnv;
  let app: FastifyInstance;
  let editor: TestSession;
  let stranger: TestSession;
  let id: string;
  let as_editor: Principal;
  let north: string;

  beforeAll(async () => {
    t = await testEnv(backend);
    app = await createApp(t.services);
    north = await t.services.accounts.ensurePartnership('Northshire Safeguarding Children Partnership');
    const south = await t.services.accounts.ensurePartnership('Southshire Safeguarding Children Partnership');
    editor = await signIn(app, t.services, { partnerships: [north] });
    stranger = await signIn(app, t.services, { partnerships: [south] });
    as_editor = { person: editor.person };
    const result = await t.services.importer.importBytes(Buffer.from(DRAFT), 'child-m.md', {
      status: 'draft',
      partnership: north,
    });
    if (result.kind !== 'imported') throw new Error('draft not imported');
    id = result.id;
  }, 60_000);
  afterAll(async () => {
    await app.close();
    await t.cleanup();
  });

  it('replaces spans from the end so that earlier offsets stay right', () => {
    expect(
      redact('Kerry met Jo on 3 June 2021.', [
        { start: 0, end: 5, kind: 'name' },
        { start: 10, end: 12, kind: 'name' },
        { start: 16, end: 27, kind: 'date' },
      ]),
    ).toBe('[name removed] met [name removed] on [date removed].');
  });

  it('lets only the owning partnership’s editors near the draft, and refuses to publish it unchecked', async () => {
    await expect(t.services.publication.state({ person: stranger.person }, id)).rejects.toThrow(
      `No review with id ${id}`,
    );
    await expect(t.services.publication.check({ person: null }, id, null)).rejects.toThrow(
      `No review with id ${id}`,
    );
    expect((await app.inject(as(stranger, { url: `/reviews/${id}/publication` }))).statusCode).toBe(404);
    await expect(t.services.publication.publish(as_editor, id, null)).rejects.toThrow(
      'Run the anonymisation check before publishing',
    );
  });

  it('finds the planted details with their place, and will not publish while any is undecided', async () => {
    const state = await t.services.publication.check(as_editor, id, '127.0.0.1');
    const found = state.findings.map((f) => [f.kind, f.text]);
    expect(found).toEqual(
      expect.arrayContaining([
        ['name', 'Kerry-Ann Pemberton'],
        ['address', '14 Aldergate Road'],
        ['postcode', 'NE6 2QP'],
        ['date', '3 June 2021'],
      ]),
    );
    expect(state.findings.some((f) => f.place.heading && f.text === 'Kerry-Ann Pemberton')).toBe(true);
    const postcode = state.findings.find((f) => f.kind === 'postcode');
    expect(postcode?.place).toMatchObject({ title: false, section: 'Background', paragraph: '2.1' });
    expect(state.ready).toBe(false);
    await expect(t.services.publication.publish(as_editor, id, null)).rejects.toThrow(
      'Redact or dismiss every finding first',
    );
  });

  it('needs a reason to keep a finding, and keeps decisions when the check runs again', async () => {
    const state = await t.services.publication.state(as_editor, id);
    const first = state.findings[0];
    if (!first) throw new Error('no findings');
    await expect(
      t.services.publication.decide(as_editor, id, first.id, 'dismiss', ' ', null),
    ).rejects.toThrow('Give a reason for keeping this text');
    for (const f of state.findings)
      await t.services.publication.decide(as_editor, id, f.id, 'redact', undefined, null);
    // An analyst's code added while it was a draft quotes the name: publishing must reach it too.
    await t.services.themes.decide(
      id,
      'neglect',
      'add',
      'analyst@example.org',
      'Child M lived with her mother, Kerry-Ann Pemberton, at 14 Aldergate Road',
    );
    const again = await t.services.publication.check(as_editor, id, null);
    expect(again.open).toBe(0);
    expect(again.findings.every((f) => f.decision === 'redact')).toBe(true);
    expect(again.ready).toBe(true);
  });

  it('publishes the redacted copy: the page, search, themes and snippets no longer hold the details, and the original is withheld', async () => {
    // Through the web page, as the editor would.
    const page = await app.inject(as(editor, { url: `/reviews/${id}/publication` }));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Publish the review');
    // Pressed twice at once: one publishes, the other finds no draft; the removals are applied once.
    const press = () =>
      app.inject(
        as(editor, {
          method: 'POST',
          url: `/reviews/${id}/publication/publish`,
          ...form({ _csrf: tokenIn(page.body) }),
        }),
      );
    const [published, twice] = await Promise.all([press(), press()]);
    expect([published.statusCode, twice.statusCode].sort()).toEqual([303, 409]);
    const detail = await t.services.reviews.get(id, PUBLIC_ACCESS);
    expect(detail.review.status).toBe('published');
    const text = detail.passages.map((p) => p.text).join('\n');
    expect(text).toContain(
      'Child M lived with her mother, [name removed], at [address removed], Northtown [postcode removed].',
    );
    for (const secret of ['Pemberton', 'Aldergate', 'NE6 2QP', '3 June 2021']) {
      expect(text).not.toContain(secret);
      const body = (await app.inject(`/reviews/${id}`)).body;
      expect(body).not.toContain(secret);
    }
    expect((await app.inject('/api/v1/search?q=Pemberton')).json<{ total: number }>().total).toBe(0);
    expect((await app.inject('/api/v1/search?q=cold+home')).json<{ total: number }>().total).toBe(1);
    const evidence = await t.services.db.kysely
      .selectFrom('review_themes')
      .select('evidence')
      .where('review_id', '=', id)
      .execute();
    expect(evidence.length).toBeGreaterThan(0);
    expect(evidence.map((e) => e.evidence).join(' ')).not.toContain('Pemberton');
    expect(evidence.map((e) => e.evidence).join(' ')).toContain('[name removed]');
    expect(detail.sections.map((x) => x.heading)).toContain("[name removed]'s account");
    const recommendations = detail.recommendations.map((r) => r.text).join('\n');
    expect(recommendations).toContain('missed appointments of [name removed]');
    expect(JSON.stringify((await app.inject(`/api/v1/reviews/${id}`)).json())).not.toContain('Pemberton');
    const documentId = detail.documents[0]?.id ?? '';
    expect((await app.inject(`/reviews/${id}/documents/${documentId}`)).statusCode).toBe(404);
    expect((await app.inject(as(editor, { url: `/reviews/${id}/documents/${documentId}` }))).statusCode).toBe(
      200,
    );
    const actions = (await t.services.audit.search({ targetId: id }, 1, 100)).entries.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['review.check', 'review.change', 'review.publish']));
    // The log keeps the decision, never the words it was about.
    expect(JSON.stringify((await t.services.audit.search({ targetId: id }, 1, 100)).entries)).not.toContain(
      'Pemberton',
    );
  });

  it('withdraws a published review from everyone but its editors', async () => {
    const page = await app.inject(as(editor, { url: `/reviews/${id}/publication` }));
    await app.inject(
      as(editor, {
        method: 'POST',
        url: `/reviews/${id}/publication/withdraw`,
        ...form({ _csrf: tokenIn(page.body) }),
      }),
    );
    expect((await app.inject(`/reviews/${id}`)).statusCode).toBe(404);
    expect((await app.inject(as(editor, { url: `/reviews/${id}` }))).statusCode).toBe(200);
    expect((await t.services.reviews.get(id, OPERATOR_ACCESS)).review.status).toBe('withdrawn');
    // Search counts it no more for the public, in either view, and still finds it for its editors.
    expect((await app.inject('/api/v1/search?q=cold+home')).json<{ total: number }>().total).toBe(0);
    expect(
      (await app.inject('/api/v1/search?q=cold+home&view=passages')).json<{ total: number }>().total,
    ).toBe(0);
    const editors = { visibilities: [], statuses: [], partnerships: [north] };
    const own = await t.services.search.search(
      { q: 'cold home', filter: {}, view: 'reviews', sort: 'relevance', page: 1, pageSize: 20 },
      editors,
    );
    expect(own.results.map((r) => r.id)).toEqual([id]);
  });
});
