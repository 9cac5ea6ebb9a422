import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_MARKDOWN, encryptedPdf } from '../../../test/support/fixtures.js';
import { as, signIn } from '../../../test/support/auth.js';
import type { TestSession } from '../../../test/support/auth.js';
import { multipart } from '../../../test/support/multipart.js';
import { BACKENDS, testEnv } from '../../../test/support/services.js';
import type { TestEnv } from '../../../test/support/services.js';
import { createApp } from '../create-app.js';
import { PostgresTsvectorIndex } from '../../search/postgres-tsvector.js';
import { SearchService } from '../../services/search-service.js';

const ADULT = SAMPLE_MARKDOWN.replace(/Child Q/g, 'Mr T')
  .replace('Rotherham Safeguarding Children Partnership', 'Cornwall Safeguarding Adults Board')
  .replace('Child Safeguarding Practice Review', 'Safeguarding Adults Review');

describe.each(BACKENDS)('web pages on %s', (backend) => {
  let t: TestEnv;
  let app: FastifyInstance;
  let childId: string;
  let editor: TestSession;

  beforeAll(async () => {
    t = await testEnv(backend, { uploadRatePerMinute: 1000 });
    app = await createApp(t.services);
    editor = await signIn(app, t.services);
    // A published review, as the operator's bulk import adds them (uploads stay drafts until checked).
    const imported = await t.services.importer.importBytes(Buffer.from(SAMPLE_MARKDOWN), 'child-q.md', {});
    if (imported.kind !== 'imported') throw new Error('fixture not imported');
    childId = imported.id;
  });
  afterAll(async () => {
    await app.close();
    await t.cleanup();
  });

  it('serves the home page with a search box, recent reviews and a strict CSP', async () => {
    const res = await app.inject('/');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<label class="govuk-label govuk-label--m" for="q">');
    // the home search box searches the text of every review
    expect(res.body).toContain('<form action="/search" method="get" role="search"');
    expect(res.body).toContain(`href="/reviews/${childId}"`);
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    expect(csp).toContain("frame-ancestors 'none'");
    const inline = res.body.match(/<script(?![^>]*\bsrc=)[^>]*>/g) ?? [];
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(inline.length).toBeGreaterThan(0);
    expect(inline.every((tag) => tag.includes(`nonce="${nonce}"`))).toBe(true);
    expect(res.body).not.toMatch(/ style="/);
  });

  it('keeps the list filters in the URL and ticks them in the form', async () => {
    const res = await app.inject('/reviews?type=cspr&region=Yorkshire+and+the+Humber');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('1 review');
    expect(res.body).toMatch(/value="cspr" checked/);
    expect(res.body).toContain('Remove filter');
    const none = await app.inject('/reviews?type=sar');
    expect(none.body).toContain('No reviews match these filters.');
  });

  it('shows a bad year in the error summary, linked to its field, and still lists reviews', async () => {
    const res = await app.inject('/reviews?from=last+year');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<title>Error: Reviews – Safeguarding Learning Hub</title>');
    expect(res.body).toContain('href="#from"');
    expect(res.body).toContain('From year must be a year between 1900 and 2100');
    expect(res.body).toContain('value="last year"');
    expect(res.body).toContain(`href="/reviews/${childId}"`);
  });

  it('shows a review with the executive summary first, numbered paragraphs and its recommendations', async () => {
    const res = await app.inject(`/reviews/${childId}`);
    expect(res.statusCode).toBe(200);
    const body = res.body;
    expect(body.indexOf('Executive summary</h2>')).toBeGreaterThan(0);
    expect(body.indexOf('Executive summary</h2>')).toBeLessThan(body.indexOf('Background</h2>'));
    // a paragraph is anchored by its number, and by its passage id for citations (briefings)
    expect(body).toMatch(
      /<p class="govuk-body" id="para-1\.2"><span id="passage-\d+"><\/span><span class="slh-paragraph-number">1\.2<\/span>/,
    );
    expect(body).toMatch(/<a class="govuk-link" href="#recommendations">Recommendations \(3\)<\/a>/);
    expect(body).toContain('<section id="recommendations"');
    expect(body).toContain('Download child-q.md');
  });

  it('searches on the web page with highlighted, escaped snippets and facet counts in the filters', async () => {
    const res = await app.inject('/search?q=bruising+babies');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('1 review found for “bruising babies”');
    expect(res.body).toMatch(/<mark>bruising<\/mark>/i);
    expect(res.body).toContain('Child safeguarding practice review (1)');
    expect(res.body).toContain(`href="/reviews/${childId}#para-1.2"`);
    const hostile = await app.inject('/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E');
    expect(hostile.statusCode).toBe(200);
    expect(hostile.body).not.toContain('<script>alert(1)</script>');
    const empty = await app.inject('/search');
    expect(empty.body).toContain('Search the text of every review');
  });

  it.runIf(backend === 'postgres')(
    'says when counts are estimates, and keeps a chosen filter on the list when the sample has none of it',
    async () => {
      const db = t.services.db.kysely;
      const exact = t.services.search;
      // The whole library as the sample, estimating from one match: the page shows the estimate.
      t.services.search = new SearchService(
        db,
        new PostgresTsvectorIndex(db, { estimateFrom: 1, sample: 'all' }),
      );
      try {
        const res = await app.inject('/search?q=bruising+babies');
        expect(res.body).toContain('About 1 review found for “bruising babies”');
        expect(res.body).toContain('are estimates, from one review in every sixteen');
        expect(res.body).toContain('Child safeguarding practice review (about 1)');
        const chosen = await app.inject('/search?q=bruising+babies&nation=Wales');
        expect(chosen.body).toMatch(/value="Wales" checked/);
        // nothing in Wales matches; the sample cannot say so for certain
        expect(chosen.body).toContain('Wales (fewer than 50)');
        expect(chosen.body).toContain('Nothing found for “bruising babies”');
      } finally {
        t.services.search = exact;
      }
      const plain = await app.inject('/search?q=bruising+babies');
      expect(plain.body).not.toContain('are estimates');
    },
  );

  it('serves a review page from memory with a fresh nonce each time, and renders it again when the library changes', async () => {
    const first = await app.inject(`/reviews/${childId}`);
    const second = await app.inject(`/reviews/${childId}`);
    const nonce = (res: typeof first) =>
      /'nonce-([^']+)'/.exec(String(res.headers['content-security-policy']))?.[1] ?? '';
    expect(nonce(first)).not.toBe(nonce(second));
    expect(second.body).toContain(`nonce="${nonce(second)}"`);
    expect(second.body).not.toContain('slh-nonce-slot');
    expect(second.body.replaceAll(nonce(second), 'N')).toBe(first.body.replaceAll(nonce(first), 'N'));
    const before = first.body.includes('Reviews like this one');
    const added = await t.services.importer.importBytes(
      Buffer.from(SAMPLE_MARKDOWN.replace(/Child Q/g, 'Child W').replace('nine weeks', 'ten weeks')),
      'twin.md',
      {},
    );
    expect(added.kind).toBe('imported');
    const after = await app.inject(`/reviews/${childId}`);
    expect(before).toBe(false);
    expect(after.body).toContain('Reviews like this one');
  });

  it('shows how readable a review is, overall and by section, on the page and in the API', async () => {
    const api = await app.inject(`/api/v1/reviews/${childId}/readability`);
    expect(api.statusCode).toBe(200);
    const r = api.json<{
      review: { words: number; sentences: number; fleschReadingEase: number; passiveShare: number };
      sections: Array<{ heading: string; words: number }>;
    }>();
    expect(r.review.words).toBeGreaterThan(150);
    expect(r.review.sentences).toBeGreaterThan(5);
    expect(r.sections.map((s) => s.heading)).toEqual(
      expect.arrayContaining(['Executive summary', 'Background', 'Findings']),
    );
    expect(r.sections.reduce((n, s) => n + s.words, 0)).toBe(r.review.words);
    const page = await app.inject(`/reviews/${childId}`);
    expect(page.body).toContain('id="readability-title">How readable the report is</h2>');
    expect(page.body).toContain(`Flesch reading ease <strong>${r.review.fleschReadingEase}</strong>`);
    expect((await app.inject('/api/v1/reviews/zzzzzzzzzz/readability')).statusCode).toBe(404);
  });

  it('shows how the review is framed, with each flagged sentence and its phrase, on the page and in the API', async () => {
    const api = await app.inject(`/api/v1/reviews/${childId}/language`);
    expect(api.statusCode).toBe(200);
    const l = api.json<{
      summary: { words: number; counts: Record<string, number> };
      sentences: Array<{ text: string; framing: string; cue: string; section: string | null }>;
    }>();
    expect(l.summary.words).toBeGreaterThan(150);
    // "never shared with the health visitor" is not flagged, but "Electronic systems did not talk to each other" is.
    const systems = l.sentences.find((s) => s.text.includes('Electronic systems did not talk to each other'));
    expect(systems).toMatchObject({ framing: 'systems', section: 'Findings' });
    expect(l.sentences.every((s) => s.framing !== 'neutral' && s.cue.length > 0)).toBe(true);
    const page = await app.inject(`/reviews/${childId}`);
    expect(page.body).toContain('id="language-title">How the report is framed</h2>');
    expect((await app.inject('/api/v1/reviews/zzzzzzzzzz/language')).statusCode).toBe(404);
  });

  it('answers 404 with the GOV.UK page for unknown reviews and routes', async () => {
    for (const url of ['/reviews/doesnotexist', '/no/such/page', '/reviews/..%2F..%2Fetc%2Fpasswd']) {
      const res = await app.inject(url);
      expect(res.statusCode).toBe(404);
      expect(res.body).toContain('<h1 class="govuk-heading-l">Page not found</h1>');
    }
  });

  it('serves an uploaded HTML file with script only as a download, never as a page', async () => {
    const html =
      '<!doctype html><html><body><main><h1>Safeguarding Adults Review: Ms H</h1><p>FICTIONAL test page.</p><p>4.1 The care home did not record the falls of Ms H over the winter months.</p><script>alert(1)</script><img src=x onerror="alert(2)"></main></body></html>';
    const up = await app.inject({
      method: 'POST',
      url: '/api/v1/reviews',
      ...as(editor, multipart({}, { name: 'ms-h.html', bytes: html, type: 'text/html' })),
    });
    expect(up.statusCode).toBe(201);
    const id = up.json<{ upload: { reviewId: string } }>().upload.reviewId;
    // A draft: its partnership's editor reads it.
    const review = await app.inject(as(editor, { url: `/reviews/${id}` }));
    expect(review.body).not.toContain('<script>alert(1)</script>');
    expect(review.body).not.toContain('onerror=');
    const documentId = /\/documents\/([a-z0-9]+)"/.exec(review.body)?.[1];
    const download = await app.inject(as(editor, { url: `/reviews/${id}/documents/${documentId}` }));
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/octet-stream');
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="ms-h.html"; filename*=UTF-8''ms-h.html`,
    );
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['content-security-policy']).toContain('sandbox');
  });

  describe('upload form', () => {
    it('shows the error summary and inline message when no file is chosen, and refills the form', async () => {
      const res = await app.inject({
        method: 'POST',
        url: '/upload',
        ...as(editor, multipart({ title: 'A title kept', year: 'twenty' })),
      });
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('There is a problem');
      expect(res.body).toContain('<a href="#file">Select a review file to upload</a>');
      expect(res.body).toContain('<a href="#year">Year published must be a year, like 2021</a>');
      expect(res.body).toContain('value="A title kept"');
      expect(res.body).toMatch(/govuk-error-message[\s\S]*Select a review file to upload/);
    });

    it('refuses a file of an unsupported type before storing anything', async () => {
      const res = await app.inject({
        method: 'POST',
        url: '/upload',
        ...as(editor, multipart({}, { name: 'minutes.xlsx', bytes: 'PK..' })),
      });
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain(
        'The selected file must be a PDF, Word (.docx), HTML, Markdown or text file',
      );
    });

    it('reports a file that cannot be read on the status page, storing nothing', async () => {
      const before = await t.services.reviews.count({
        visibilities: ['public', 'registered', 'restricted'],
        statuses: ['draft', 'published', 'withdrawn'],
      });
      const res = await app.inject({
        method: 'POST',
        url: '/upload',
        ...as(editor, multipart({}, { name: 'locked.pdf', bytes: await encryptedPdf() })),
      });
      expect(res.statusCode).toBe(303);
      const status = await app.inject(as(editor, { url: String(res.headers.location) }));
      expect(status.body).toContain('Your file could not be added');
      expect(status.body).toContain('locked.pdf is a password-protected (encrypted) PDF');
      const after = await t.services.reviews.count({
        visibilities: ['public', 'registered', 'restricted'],
        statuses: ['draft', 'published', 'withdrawn'],
      });
      expect(after).toBe(before);
    });

    it('says a review is already in the library when the same file comes again', async () => {
      const res = await app.inject({
        method: 'POST',
        url: '/upload',
        ...as(editor, multipart({}, { name: 'again.md', bytes: SAMPLE_MARKDOWN })),
      });
      const status = await app.inject(as(editor, { url: String(res.headers.location) }));
      expect(status.body).toContain('This review is already in the library');
      expect(status.body).toContain(`href="/reviews/${childId}"`);
    });

    it('uses the details given with the upload over what the report says', async () => {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/reviews',
        ...as(
          editor,
          multipart(
            { type: 'sar', region: 'South West', visibility: 'restricted' },
            { name: 'mr-t.md', bytes: ADULT },
          ),
        ),
      });
      expect(res.statusCode).toBe(201);
      const id = res.json<{ upload: { reviewId: string } }>().upload.reviewId;
      expect((await app.inject(`/reviews/${id}`)).statusCode).toBe(404);
      const detail = await t.services.reviews.get(id, {
        visibilities: ['restricted'],
        statuses: ['draft'],
      });
      expect(detail.review).toMatchObject({
        review_type: 'sar',
        region: 'South West',
        visibility: 'restricted',
      });
    });
  });

  describe('API upload', () => {
    it('answers 422 with the reason for a file that cannot be read', async () => {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/reviews',
        ...as(editor, multipart({}, { name: 'fake.pdf', bytes: 'not a pdf at all' })),
      });
      expect(res.statusCode).toBe(422);
      expect(res.json()).toMatchObject({
        error: {
          code: 'type_mismatch',
          message: 'fake.pdf is named .pdf but is not a PDF: its content looks like plain text.',
        },
      });
    });

    it('answers 400 for a request without a file and names the field', async () => {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/reviews',
        ...as(editor, multipart({ title: 'x' })),
      });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({
        error: { code: 'invalid_request', details: { fields: { file: 'Select a review file to upload' } } },
      });
    });
  });

  it('describes the API in OpenAPI and on a readable page', async () => {
    const doc = (await app.inject('/api/v1/openapi.json')).json<{
      openapi: string;
      paths: Record<string, object>;
    }>();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/reviews', '/api/v1/reviews/{id}', '/api/v1/uploads/{id}']),
    );
    const page = await app.inject('/api/v1/docs');
    expect(page.body).toContain('<code>POST /api/v1/reviews</code>');
  });
});

describe('limits and switches', () => {
  it('rate-limits uploads per client', async () => {
    const t = await testEnv('sqlite', { uploadRatePerMinute: 2 });
    const app = await createApp(t.services);
    const editor = await signIn(app, t.services);
    try {
      const codes: number[] = [];
      for (let i = 0; i < 3; i++)
        codes.push(
          (await app.inject({ method: 'POST', url: '/upload', ...as(editor, multipart({ title: 'x' })) }))
            .statusCode,
        );
      expect(codes).toEqual([400, 400, 429]);
      const api = await app.inject({ method: 'POST', url: '/api/v1/reviews', ...as(editor, multipart({})) });
      expect(api.statusCode).toBe(400);
    } finally {
      await app.close();
      await t.cleanup();
    }
  });

  it('refuses a file over the size limit with a clear message', async () => {
    const t = await testEnv('sqlite', { maxFileBytes: 1024 });
    const app = await createApp(t.services);
    const editor = await signIn(app, t.services);
    try {
      const form = await app.inject({
        method: 'POST',
        url: '/upload',
        ...as(editor, multipart({}, { name: 'big.md', bytes: SAMPLE_MARKDOWN })),
      });
      expect(form.statusCode).toBe(400);
      expect(form.body).toContain('The selected file must be smaller than 0 MB');
      const api = await app.inject({
        method: 'POST',
        url: '/api/v1/reviews',
        ...as(editor, multipart({}, { name: 'big.md', bytes: SAMPLE_MARKDOWN })),
      });
      expect(api.statusCode).toBe(413);
    } finally {
      await app.close();
      await t.cleanup();
    }
  });

  it('has no upload pages or endpoint when uploads are switched off', async () => {
    const t = await testEnv('sqlite', { uploadsEnabled: false });
    const app = await createApp(t.services);
    const editor = await signIn(app, t.services);
    try {
      expect((await app.inject('/upload')).statusCode).toBe(404);
      expect(
        (await app.inject({ method: 'POST', url: '/api/v1/reviews', ...as(editor, multipart({})) }))
          .statusCode,
      ).toBe(404);
      expect((await app.inject('/')).body).not.toContain('href="/upload"');
    } finally {
      await app.close();
      await t.cleanup();
    }
  });

  it('shows the GOV.UK problem page and health 503, with no internal detail, when the database is gone', async () => {
    const t = await testEnv('sqlite');
    const app = await createApp(t.services);
    try {
      await t.services.db.close();
      const page = await app.inject('/reviews');
      expect([500, 503]).toContain(page.statusCode);
      expect(page.body).toMatch(/Sorry, (there is a problem with the service|the service is unavailable)/);
      expect(page.body).not.toMatch(/at .*\.(ts|js):\d+|sqlite|kysely|Error:/i);
      const api = await app.inject('/api/v1/reviews');
      expect(api.json<{ error: { code: string } }>().error.code).toMatch(
        /internal_error|service_unavailable/,
      );
      const health = await app.inject('/health');
      expect(health.statusCode).toBe(503);
    } finally {
      await app.close();
      await t.cleanup().catch(() => undefined);
    }
  });
});

describe.each(BACKENDS)('Atom feeds on %s', (backend) => {
  it('follows a search with a valid Atom feed of matching public reviews, newest first', async () => {
    const t = await testEnv(backend);
    const app = await createApp(t.services);
    try {
      for (const [name, text, metadata] of [
        ['q.md', SAMPLE_MARKDOWN, {}],
        ['adult.md', ADULT, {}],
        ['secret.md', SAMPLE_MARKDOWN.replace(/Child Q/g, 'Child Zed & <Co>'), { visibility: 'restricted' }],
      ] as const) {
        await t.services.importer.importBytes(Buffer.from(text), name, metadata);
      }
      const res = await app.inject({
        url: '/feeds/reviews.atom?q=bruising',
        headers: { host: 'hub.example' },
      });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
      const entries = res.body.match(/<entry>/g) ?? [];
      expect(entries).toHaveLength(2);
      expect(res.body).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
      expect(res.body).toContain('<link rel="alternate" type="text/html" href="http://hub.example/reviews/');
      expect(res.body.indexOf('Mr T')).toBeLessThan(res.body.indexOf('Child Q'));
      expect(res.body).not.toContain('Zed');
      const hostile = await app.inject('/feeds/reviews.atom?q=%3Cbruising%3E%20%26');
      expect(hostile.body).toContain(
        '<title>New reviews: “&lt;bruising&gt; &amp;” – Safeguarding Learning Hub</title>',
      );
      const byType = await app.inject('/feeds/reviews.atom?type=sar');
      expect(byType.body.match(/<entry>/g)).toHaveLength(1);
      expect((await app.inject('/feeds/reviews.atom?type=inquest')).statusCode).toBe(400);
      const page = await app.inject('/search?q=bruising');
      expect(page.body).toContain(
        '<link rel="alternate" type="application/atom+xml" title="New reviews for this search" href="/feeds/reviews.atom?q=bruising">',
      );
    } finally {
      await app.close();
      await t.cleanup();
    }
  });
});
