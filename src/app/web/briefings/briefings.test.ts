import type { FastifyInstance } from 'fastify';
import mammoth from 'mammoth';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, signIn } from '../../../../test/support/auth.js';
import { BACKENDS, testEnv } from '../../../../test/support/services.js';
import type { TestEnv } from '../../../../test/support/services.js';
import { plainLanguage } from '../../../analysis/briefing/plain.js';
import type { Briefing } from '../../../analysis/briefing/types.js';
import { viewAt } from '../../../analysis/briefing/view.js';
import { loadDemoIfEmpty } from '../../../services/demo-service.js';
import { OPERATOR_ACCESS, PUBLIC_ACCESS } from '../../../services/review-service.js';
import { createApp } from '../../create-app.js';

describe.each(BACKENDS)('7-minute briefings on %s', (backend) => {
  let t: TestEnv;
  let app: FastifyInstance;
  let childJ: string;

  /** Every statement's source exists: its review, its passage, and the passage holds the quoted words. */
  async function expectCited(briefing: Briefing) {
    const statements = briefing.statements.filter((s) => s.origin === 'extracted');
    expect(statements.length).toBeGreaterThan(3);
    for (const s of briefing.statements) {
      if (!s.source) {
        expect(s.basis?.href, `statement ${s.id} has neither source nor basis`).toMatch(
          /^\/(themes|reviews)\//,
        );
        continue;
      }
      const detail = await t.services.reviews.get(s.source.reviewId, OPERATOR_ACCESS);
      if (s.origin !== 'extracted') continue;
      if (s.source.passageId === null) {
        // a recommendation the report did not also print as a paragraph: the recommendation is the source
        expect(
          detail.recommendations.map((r) => r.text.trim()),
          `statement ${s.id}`,
        ).toContain(s.source.quote);
      } else {
        const passage = detail.passages.find((p) => p.id === s.source!.passageId);
        expect(passage, `statement ${s.id} cites passage ${s.source.passageId}`).toBeDefined();
        expect(passage!.text).toContain(s.source.quote);
        expect(passage!.paragraph).toBe(s.source.paragraph);
      }
      // what is shown is the quote with the listed plain-language rewrites and nothing else
      expect(plainLanguage(s.source.quote).text).toBe(s.text);
    }
  }

  beforeAll(async () => {
    t = await testEnv(backend);
    const outcome = await loadDemoIfEmpty(t.services.reviews, t.services.importer);
    expect(outcome?.failed).toEqual([]);
    app = await createApp(t.services);
    const list = await t.services.reviews.list(PUBLIC_ACCESS, {}, 1, 100);
    childJ = list.results.find((r) => r.title === 'Serious Case Review: Child J')!.id;
  });
  afterAll(async () => {
    await app.close();
    await t.cleanup();
  });

  it('builds a review briefing whose every statement cites a passage of the review that holds its words', async () => {
    const briefing = await t.services.briefings.forReview(childJ, PUBLIC_ACCESS);
    await expectCited(briefing);
    const view = viewAt(briefing, 'universal', null);
    expect(view.findings.length).toBeGreaterThanOrEqual(3);
    expect(view.findings.length).toBeLessThanOrEqual(5);
    expect(view.background[0]!.text).toBe(
      'This serious case review was published by Gateshead Local Safeguarding Children Board in 2009.',
    );
    // key findings come from the analysis, not the chronology or the terms of reference
    const kinds = new Set(
      (await t.services.reviews.get(childJ, OPERATOR_ACCESS)).sections
        .filter((s) => view.findings.some((f) => f.source?.section === s.heading))
        .map((s) => s.kind),
    );
    for (const kind of kinds)
      expect([
        'findings',
        'learning',
        'conclusions',
        'executive-summary',
        'good-practice',
        'other',
      ]).toContain(kind);
    // a briefing does not repeat the report's hindsight: no "should have" among the findings
    for (const f of view.findings) expect(f.text).not.toMatch(/should have|could have/i);
  });

  it('shows each tier: practitioners’ actions for everyone, strategic ones for leaders, a discipline’s points first', async () => {
    const briefing = await t.services.briefings.forReview(childJ, PUBLIC_ACCESS);
    const universal = viewAt(briefing, 'universal', null);
    const leadership = viewAt(briefing, 'leadership', null);
    expect(universal.actions.map((g) => g.audience)).not.toContain('strategic');
    expect(leadership.actions.map((g) => g.audience)).toContain('strategic');
    expect(leadership.actions.map((g) => g.audience)).not.toContain('practitioner');
    const health = viewAt(briefing, 'targeted', 'health');
    const namesHealth = briefing.statements.filter(
      (s) => s.part === 'findings' && s.disciplines.includes('health'),
    );
    expect(namesHealth.length).toBeGreaterThan(0);
    expect(health.findings[0]!.disciplines).toContain('health');
    expect(health.questions.some((q) => q.disciplines.includes('health'))).toBe(true);
    expect(
      health.questions.some(
        (q) =>
          q.disciplines.length === 1 &&
          q.disciplines[0] === 'police' &&
          q.reason.startsWith('a finding that names'),
      ),
    ).toBe(false);
  });

  it('renders the page with citations linking to the passage, acronyms written out once and marked up', async () => {
    const res = await app.inject(`/reviews/${childJ}/briefing?tier=leadership`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('What the reviews found');
    expect(res.body).toMatch(new RegExp(`href="/reviews/${childJ}#passage-\\d+"`));
    // the cited anchor exists on the review page
    const anchor = /href="\/reviews\/[^#"]+#(passage-\d+)"/.exec(res.body)![1]!;
    const review = await app.inject(`/reviews/${childJ}`);
    expect(review.body).toContain(`id="${anchor}"`);
    expect(review.body).toContain(`href="/reviews/${childJ}/briefing"`);
    const abbr = /(\w[\w -]+) \(<abbr title="([^"]+)">([A-Z]+)<\/abbr>\)/.exec(res.body);
    expect(abbr, 'an acronym written out at first use').not.toBeNull();
    expect(abbr![1]!.toLowerCase()).toContain(abbr![2]!.toLowerCase().split(' ').pop()!);
    const acronym = abbr![3]!;
    const later = res.body.split(`(<abbr title="${abbr![2]}">${acronym}</abbr>)`).length - 1;
    expect(later).toBe(1);
  });

  it('downloads the briefing as a PDF and a Word document that open and say the same, and as print-ready HTML', async () => {
    const briefing = await t.services.briefings.forReview(childJ, PUBLIC_ACCESS);
    const finding = viewAt(briefing, 'universal', null).findings[0]!.text.slice(0, 40);
    const pdf = await app.inject(`/reviews/${childJ}/briefing?tier=universal&format=pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const doc = await getDocumentProxy(new Uint8Array(pdf.rawPayload));
    expect(doc.numPages).toBeLessThanOrEqual(3);
    const { text } = await extractText(doc, { mergePages: true });
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('7-minute briefing: Serious Case Review: Child J');
    expect(flat).toContain('What the reviews found');
    expect(flat).toContain('Source: Serious Case Review: Child J');
    expect(flat).toContain(finding.replace(/\s+/g, ' ').slice(0, 25));

    const docx = await app.inject(`/reviews/${childJ}/briefing?tier=leadership&format=docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-disposition']).toMatch(
      /attachment; filename="7-minute-briefing-.*-leadership\.docx"/,
    );
    const words = (await mammoth.extractRawText({ buffer: docx.rawPayload })).value;
    expect(words).toContain('7-minute briefing: Serious Case Review: Child J');
    expect(words).toContain('For strategic leads');

    const html = await app.inject(`/reviews/${childJ}/briefing?format=html`);
    expect(html.headers['content-type']).toContain('text/html');
    expect(html.body).toContain('@media print');
    expect(html.body).not.toContain('<script');
    const json = await app.inject(`/reviews/${childJ}/briefing?format=json&tier=targeted&discipline=health`);
    expect((json.json() as { view: { discipline: string } }).view.discipline).toBe('health');
  });

  it('builds a theme briefing across reviews, each point cited and the others that found the same named', async () => {
    const briefing = await t.services.briefings.forTheme('domestic-abuse', {}, PUBLIC_ACCESS);
    await expectCited(briefing);
    const findings = briefing.statements.filter((s) => s.part === 'findings');
    expect(new Set(findings.map((f) => f.source!.reviewId)).size).toBeGreaterThanOrEqual(3);
    const coded = await t.services.themes.detail(PUBLIC_ACCESS, 'domestic-abuse');
    expect(
      briefing.statements.find((s) => s.part === 'background' && s.text.includes(' reviews in the library'))!
        .text,
    ).toMatch(new RegExp(`^${coded.coded} of the 52 reviews`));
    const res = await app.inject('/themes/domestic-abuse/briefing?tier=leadership');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('For strategic leads');
    const north = await t.services.briefings.forTheme(
      'domestic-abuse',
      { region: 'North West' },
      PUBLIC_ACCESS,
    );
    for (const id of north.reviewIds)
      expect((await t.services.reviews.get(id, OPERATOR_ACCESS)).review.region).toBe('North West');
  });

  it('never builds a briefing from what the reader may not see, and logs a view of protected material', async () => {
    const briefing = await t.services.briefings.forTheme('domestic-abuse', {}, PUBLIC_ACCESS);
    const hidden = briefing.statements.find((s) => s.part === 'findings')!.source!.reviewId;
    await t.services.db.kysely
      .updateTable('reviews')
      .set({ visibility: 'restricted' })
      .where('id', '=', hidden)
      .execute();
    try {
      const after = await t.services.briefings.forTheme('domestic-abuse', {}, PUBLIC_ACCESS);
      expect(after.reviewIds).not.toContain(hidden);
      expect(JSON.stringify(after)).not.toContain(hidden);
      expect((await app.inject(`/reviews/${hidden}/briefing`)).statusCode).toBe(404);
      const admin = await signIn(app, t.services, { role: 'admin' });
      const res = await app.inject(as(admin, { url: `/reviews/${hidden}/briefing` }));
      expect(res.statusCode).toBe(200);
      const log = await t.services.audit.search({ action: 'review.view' }, 1, 50);
      expect(log.entries.some((e) => e.target_id === hidden && e.detail.includes('briefing'))).toBe(true);
    } finally {
      await t.services.db.kysely
        .updateTable('reviews')
        .set({ visibility: 'public' })
        .where('id', '=', hidden)
        .execute();
    }
  });

  it('lets an editor keep, edit and publish a briefing at a stable address, keeping every version', async () => {
    const editor = await signIn(app, t.services, { role: 'editor' });
    const kept = await app.inject(
      as(editor, { method: 'POST', url: '/briefings', payload: { reviewId: childJ } }),
    );
    expect(kept.statusCode).toBe(303);
    const id = /^\/briefings\/([^/]+)\/edit$/.exec(kept.headers.location as string)![1]!;
    // a draft is not public
    expect((await app.inject(`/briefings/${id}`)).statusCode).toBe(404);
    const form = await app.inject(as(editor, { url: `/briefings/${id}/edit` }));
    expect(form.statusCode).toBe(200);
    const first = await t.services.briefings.kept(id, { person: editor.person });
    const finding = first.briefing.statements.find((s) => s.part === 'findings')!;
    const dropped = first.briefing.statements.filter((s) => s.part === 'findings')[1]!;
    const saved = await app.inject(
      as(editor, {
        method: 'POST',
        url: `/briefings/${id}/edit`,
        payload: {
          basedOn: '1',
          title: 'Child J: what we learned',
          note: 'Plainer title; one finding reworded',
          [`text-${finding.id}`]: 'Nobody put the pieces together.',
          [`remove-${dropped.id}`]: 'yes',
          addPart: 'actions',
          addAudience: 'practitioner',
          addText: 'Ask what the children ate today.',
        },
      }),
    );
    expect(saved.statusCode).toBe(303);
    const after = await app.inject(as(editor, { url: saved.headers.location as string }));
    expect(after.body).toContain('Your changes are saved as a new version.');
    const second = await t.services.briefings.kept(id, { person: editor.person });
    expect(second.version).toBe(2);
    const edited = second.briefing.statements.find((s) => s.id === finding.id)!;
    expect(edited).toMatchObject({
      text: 'Nobody put the pieces together.',
      origin: 'edited',
      source: finding.source,
    });
    expect(second.briefing.statements.find((s) => s.id === dropped.id)).toBeUndefined();
    expect(second.briefing.statements.find((s) => s.origin === 'added')).toMatchObject({
      audience: 'practitioner',
      text: 'Ask what the children ate today.',
    });
    // saving on top of an old version is refused, and nothing is written
    const stale = await app.inject(
      as(editor, {
        method: 'POST',
        url: `/briefings/${id}/edit`,
        payload: { basedOn: '1', title: 'Another title', note: 'late edit' },
      }),
    );
    expect(stale.statusCode).toBe(400);
    expect(stale.body).toContain('Someone saved version 2');
    expect((await t.services.briefings.kept(id, { person: editor.person })).version).toBe(2);

    expect(
      (await app.inject(as(editor, { method: 'POST', url: `/briefings/${id}/publish` }))).statusCode,
    ).toBe(303);
    const page = await app.inject(`/briefings/${id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Child J: what we learned');
    expect(page.body).toContain('Nobody put the pieces together.');
    expect(page.body).toContain('(edited)');
    const list = await app.inject('/briefings');
    expect(list.body).toContain(`href="/briefings/${id}"`);
    const history = await app.inject(as(editor, { url: `/briefings/${id}/history` }));
    expect(history.body).toContain('Plainer title; one finding reworded');
    expect(history.body).toContain('Generated from the reviews');
    const v1 = await app.inject(as(editor, { url: `/briefings/${id}?version=1` }));
    expect(v1.body).not.toContain('Nobody put the pieces together.');
    const api = (await app.inject('/api/v1/briefings')).json() as {
      results: Array<{ id: string; status: string }>;
    };
    expect(api.results).toContainEqual(expect.objectContaining({ id, status: 'published' }));
    expect((await app.inject(`/api/v1/briefings/${id}`)).json()).toMatchObject({
      id,
      version: 2,
      title: 'Child J: what we learned',
    });
    // readers see the published version only
    expect((await app.inject(`/api/v1/briefings/${id}?version=1`)).statusCode).toBe(404);
    const pdf = await app.inject(`/briefings/${id}?format=pdf`);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    // a practitioner may read it but not change it
    const reader = await signIn(app, t.services, { role: 'practitioner' });
    expect(
      (await app.inject(as(reader, { method: 'POST', url: `/briefings/${id}/withdraw` }))).statusCode,
    ).toBe(403);
    expect(
      (await app.inject(as(editor, { method: 'POST', url: `/briefings/${id}/withdraw` }))).statusCode,
    ).toBe(303);
    expect((await app.inject(`/briefings/${id}`)).statusCode).toBe(404);
  });

  it('logs each view of a kept briefing that carries words of a protected review', async () => {
    const other = (await t.services.reviews.list(PUBLIC_ACCESS, {}, 1, 100)).results.find(
      (r) => r.id !== childJ,
    )!.id;
    await t.services.db.kysely
      .updateTable('reviews')
      .set({ visibility: 'restricted' })
      .where('id', '=', other)
      .execute();
    try {
      const admin = await signIn(app, t.services, { role: 'admin' });
      const kept = await t.services.briefings.keep({ person: admin.person }, { reviewId: other }, null);
      expect((await app.inject(as(admin, { url: `/briefings/${kept.id}` }))).statusCode).toBe(200);
      expect((await app.inject(as(admin, { url: `/api/v1/briefings/${kept.id}` }))).statusCode).toBe(200);
      const log = await t.services.audit.search({ action: 'review.search' }, 1, 50);
      const views = log.entries.filter(
        (e) => e.detail.includes('"in":"briefing"') && e.detail.includes(other),
      );
      expect(views).toHaveLength(2);
      // an editor of another partnership never sees it, as if it did not exist
      const stranger = await signIn(app, t.services, { role: 'editor' });
      expect((await app.inject(as(stranger, { url: `/briefings/${kept.id}` }))).statusCode).toBe(404);
    } finally {
      await t.services.db.kysely
        .updateTable('reviews')
        .set({ visibility: 'public' })
        .where('id', '=', other)
        .execute();
    }
  });

  it('will not publish a briefing that cites a review not open to everyone', async () => {
    const other = (await t.services.reviews.list(PUBLIC_ACCESS, {}, 1, 100)).results.filter(
      (r) => r.id !== childJ,
    )[1]!.id;
    await t.services.db.kysely
      .updateTable('reviews')
      .set({ status: 'draft' })
      .where('id', '=', other)
      .execute();
    try {
      const admin = await signIn(app, t.services, { role: 'admin' });
      const kept = await t.services.briefings.keep({ person: admin.person }, { reviewId: other }, null);
      const res = await app.inject(as(admin, { method: 'POST', url: `/briefings/${kept.id}/publish` }));
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('not published to everyone');
      expect((await t.services.briefings.kept(kept.id, { person: admin.person })).record.status).toBe(
        'draft',
      );
    } finally {
      await t.services.db.kysely
        .updateTable('reviews')
        .set({ status: 'published' })
        .where('id', '=', other)
        .execute();
    }
  });

  it('gives the same briefing through the API, with citations, and lists it in the OpenAPI description', async () => {
    const res = await app.inject(`/api/v1/reviews/${childJ}/briefing?tier=targeted&discipline=health`);
    expect(res.statusCode).toBe(200);
    const body = res.json() as {
      tier: string;
      discipline: string;
      parts: Array<{
        heading: string;
        groups: Array<{ items: Array<{ text: string; cite: { href: string } | null }> }>;
      }>;
      statements: unknown[];
    };
    expect(body).toMatchObject({ tier: 'targeted', discipline: 'health' });
    const findings = body.parts.find((p) => p.heading === 'What the reviews found')!.groups[0]!.items;
    expect(findings.length).toBeGreaterThanOrEqual(3);
    for (const f of findings) expect(f.cite?.href).toMatch(new RegExp(`/reviews/${childJ}#passage-\\d+$`));
    const theme = await app.inject('/api/v1/themes/neglect/briefing?from=2000&to=2030');
    expect(theme.statusCode).toBe(200);
    expect((await app.inject('/api/v1/themes/neglect/briefing?tier=top')).json()).toMatchObject({
      error: { code: 'invalid_request' },
    });
    const spec = (await app.inject('/api/v1/openapi.json')).json() as { paths: Record<string, unknown> };
    for (const p of [
      '/api/v1/reviews/{id}/briefing',
      '/api/v1/themes/{slug}/briefing',
      '/api/v1/briefings',
      '/api/v1/briefings/{id}',
    ])
      expect(spec.paths[p]).toBeDefined();
  });

  it('answers bad input with a clear message', async () => {
    const res = await app.inject(`/reviews/${childJ}/briefing?tier=everyone`);
    expect(res.statusCode).toBe(400);
    expect(res.body).toMatch(/tier/i);
    const years = await app.inject('/themes/neglect/briefing?from=2020&to=2010');
    expect(years.statusCode).toBe(400);
    expect(years.body).toContain('The first year must not be after the last');
    expect((await app.inject('/themes/no-such-theme/briefing')).statusCode).toBe(404);
  });
});
