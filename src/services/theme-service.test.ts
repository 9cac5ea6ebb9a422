import fs from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FINDING_HEADING_REPORT, SAMPLE_MARKDOWN, tempDir } from '../../test/support/fixtures.js';
import { slh } from '../../test/support/cli.js';
import { BACKENDS, testEnv } from '../../test/support/services.js';
import type { TestEnv } from '../../test/support/services.js';
import { createApp } from '../app/create-app.js';
import { OPERATOR_ACCESS } from './review-service.js';
import { MODEL_VERSION } from '../analysis/themes/model.js';
import { ThemesRepository } from '../repositories/themes-repository.js';
import { REPORTS_HOLDOUT, ThemeService, parseLabelled, readLabelledTrain } from './theme-service.js';
import { CODING } from '../analysis/themes/coder.js';

const FINDING =
  'FICTIONAL TEST TEXT.\n\nThe mother told the midwife that her partner had pushed her down the stairs and checked her phone every night. ' +
  'The midwife did not pass this on to the health visitor.\n\nThere was no evidence that either parent misused drugs or alcohol.';

describe.each(BACKENDS)('themes on %s', (backend) => {
  let t: TestEnv;
  let app: FastifyInstance;
  let dir: string;
  let reviewId = '';

  beforeAll(async () => {
    t = await testEnv(backend);
    dir = await tempDir();
    await fs.writeFile(path.join(dir, 'q.md'), SAMPLE_MARKDOWN);
    const out = await t.services.importer.importAll([{ path: path.join(dir, 'q.md') }]);
    reviewId = out.imported[0]?.id ?? '';
    app = await createApp(t.services);
  });
  afterAll(async () => {
    await app.close();
    await t.cleanup();
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('seeds the taxonomy once, keeping the seed in the history', async () => {
    expect(await t.services.themes.themes()).toHaveLength(32);
    const history = await t.services.db.kysely
      .selectFrom('theme_changes')
      .select(['slug', 'change', 'changed_by'])
      .execute();
    expect(history).toHaveLength(32);
    expect(history.every((h) => h.change === 'seeded' && h.changed_by === 'seed')).toBe(true);
  });

  it('suggests themes for a review the moment it is imported, each with evidence that is in the review', async () => {
    const codes = await t.services.themes.codesFor(reviewId);
    expect(codes.length).toBeGreaterThan(0);
    const review = await t.services.reviews.get(reviewId, OPERATOR_ACCESS);
    const texts = review.passages.map((p) => p.text);
    for (const c of codes) {
      expect(c.status).toBe('suggested');
      expect(c.evidence.length).toBeGreaterThan(0);
      for (const e of c.evidence) {
        expect(
          texts.some((p) => p.includes(e.text)),
          `${c.slug}: "${e.text}"`,
        ).toBe(true);
        const passage = review.passages.find((p) => p.text.includes(e.text));
        expect(e.paragraph).toBe(passage?.paragraph ?? null);
        expect(e.page).toBe(passage?.page ?? null);
      }
    }
  });

  it('classifies text without storing it, leaving out what is ruled out', async () => {
    const before = await t.services.db.kysely.selectFrom('review_themes').select('slug').execute();
    const codes = await t.services.themes.classifyText(FINDING);
    const slugs = codes.map((c) => c.slug);
    expect(slugs).toContain('domestic-abuse');
    expect(slugs).not.toContain('substance-misuse');
    expect(await t.services.db.kysely.selectFrom('review_themes').select('slug').execute()).toHaveLength(
      before.length,
    );
  });

  it('codes only the themes that apply to the kind of review a text names in its title', async () => {
    const body =
      '\n\nFICTIONAL TEST TEXT. He had been excluded from school twice and was then taken off the school roll for elective home education; ' +
      'nobody checked whether he was receiving any education at all, and the school attendance officer closed the case.\n\n' +
      'Staff at the care home were too few at night, residents were left in wet pads for hours, and managers did not act on the complaints ' +
      'that families made about the poor quality of care in the home.';
    const slugs = async (title: string) =>
      (await t.services.themes.classifyText(title + body)).map((c) => c.slug);
    const untitled = await slugs('Learning from practice');
    expect(untitled).toEqual(expect.arrayContaining(['education', 'organisational-abuse']));
    const child = await slugs('Child Safeguarding Practice Review: Child M');
    expect(child).toContain('education');
    expect(child).not.toContain('organisational-abuse');
    const adult = await slugs('Safeguarding Adults Review: Mr D');
    expect(adult).toContain('organisational-abuse');
    expect(adult).not.toContain('education');
    // A kind of review named in passing, past the title, does not narrow anything.
    expect(
      await slugs(
        `Learning from practice. ${'A note. '.repeat(40)}A serious case review in 2015 found the same.`,
      ),
    ).toEqual(expect.arrayContaining(['education', 'organisational-abuse']));
  });

  it('shows the suggested themes and their evidence on the review page', async () => {
    const codes = await t.services.themes.codesFor(reviewId);
    const page = await app.inject(`/reviews/${reviewId}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('id="themes"');
    const first = (await t.services.themes.themes()).find((x) => x.slug === codes[0]?.slug);
    expect(page.body).toContain(first?.label.replace(/&/g, '&amp;') ?? 'missing');
    expect(page.body).toContain('Suggested');
  });

  it("shows an analyst's decision on the review page at once, though the page is cached", async () => {
    const codes = await t.services.themes.codesFor(reviewId);
    const before = await app.inject(`/reviews/${reviewId}`);
    expect(before.body).not.toContain('Confirmed');
    await t.services.themes.decide(reviewId, codes[0]?.slug ?? '', 'confirm', 'Analyst A');
    const after = await app.inject(`/reviews/${reviewId}`);
    expect(after.body).toContain('Confirmed');
    await t.services.db.kysely
      .updateTable('review_themes')
      .set({ status: 'suggested', reviewed_by: null, reviewed_at: null })
      .where('review_id', '=', reviewId)
      .execute();
  });

  it('POST /api/v1/classify codes JSON text and a file, and names what is wrong with bad input', async () => {
    const text = await app.inject({ method: 'POST', url: '/api/v1/classify', payload: { text: FINDING } });
    expect(text.statusCode).toBe(200);
    const body = text.json() as { themes: Array<{ slug: string; evidence: Array<{ text: string }> }> };
    expect(body.themes.map((x) => x.slug)).toContain('domestic-abuse');
    expect(body.themes.every((x) => x.evidence.length > 0)).toBe(true);

    const boundary = 'slhboundary';
    const multipart = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="q.md"\r\nContent-Type: text/markdown\r\n\r\n${SAMPLE_MARKDOWN}\r\n--${boundary}--\r\n`;
    const file = await app.inject({
      method: 'POST',
      url: '/api/v1/classify',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: multipart,
    });
    expect(file.statusCode).toBe(200);
    expect((file.json() as { themes: unknown[] }).themes.length).toBeGreaterThan(0);

    const empty = await app.inject({ method: 'POST', url: '/api/v1/classify', payload: { text: '  ' } });
    expect(empty.statusCode).toBe(400);
    expect((empty.json() as { error: { message: string } }).error.message).toMatch(/empty/);
    const wrong = await app.inject({ method: 'POST', url: '/api/v1/classify', payload: { words: 'x' } });
    expect(wrong.statusCode).toBe(400);
    expect((wrong.json() as { error: { message: string } }).error.message).toMatch(/text/);
  });

  it('slh themes classify prints one JSON line per input, reading "-" from stdin', async () => {
    const file = path.join(dir, 'q.md');
    const run = slh(['themes', 'classify', file, '-', '--json'], t.env, FINDING);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const lines = run.stdout
      .trim()
      .split('\n')
      .map(
        (l) =>
          JSON.parse(l) as {
            file: string;
            themes: Array<{
              slug: string;
              label: string;
              confidence: number;
              evidence: Array<Record<string, unknown>>;
            }>;
          },
      );
    expect(lines.map((l) => l.file)).toEqual([file, '-']);
    expect(lines[1]?.themes.map((x) => x.slug)).toContain('domestic-abuse');
    expect(Object.keys(lines[1]?.themes[0]?.evidence[0] ?? {}).sort()).toEqual([
      'page',
      'paragraph',
      'section',
      'text',
    ]);
    const missing = slh(['themes', 'classify', path.join(dir, 'nope.pdf')], t.env);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no such file');
  });

  it('keeps the mark on evidence that is the heading of a finding, in the API and in slh themes classify --json', async () => {
    const report = FINDING_HEADING_REPORT;
    type Shown = { slug: string; evidence: Array<Record<string, unknown>> };
    const headingOf = (themes: Shown[]) =>
      themes.find((x) => x.slug === 'information-sharing')?.evidence.find((e) => 'heading' in e);
    const expected = {
      text: "Nobody shared the school's concerns with the GP or the health visitor.",
      paragraph: null,
      heading: true,
    };

    const api = await app.inject({ method: 'POST', url: '/api/v1/classify', payload: { text: report } });
    expect(api.statusCode).toBe(200);
    const apiThemes = (api.json() as { themes: Shown[] }).themes;
    expect(headingOf(apiThemes)).toMatchObject(expected);
    const sentences = apiThemes.flatMap((x) => x.evidence).filter((e) => !('heading' in e));
    expect(sentences.length).toBeGreaterThan(0);
    expect(sentences.every((e) => typeof e.reason === 'string')).toBe(true);

    const file = path.join(dir, 'child-w.md');
    await fs.writeFile(file, report);
    const run = slh(['themes', 'classify', file, '--json'], t.env);
    expect(run.code).toBe(0);
    const line = JSON.parse(run.stdout) as { themes: Shown[] };
    expect(headingOf(line.themes)).toMatchObject(expected);
  });

  it('slh glossary sets, lists and removes an acronym, and refuses a change without a name', () => {
    const set = slh(
      ['glossary', 'set', 'VAWG', 'violence against women and girls', '--by', 'Analyst A'],
      t.env,
    );
    expect(set.code).toBe(0);
    const list = slh(['glossary', 'list', '--json'], t.env);
    const rows = JSON.parse(list.stdout) as Array<{ acronym: string; expansions: string[]; source: string }>;
    expect(rows.find((r) => r.acronym === 'VAWG')).toMatchObject({
      expansions: ['violence against women and girls'],
      source: 'Analyst A',
    });
    const nameless = slh(['glossary', 'set', 'VAWG', 'something else'], t.env);
    expect(nameless.code).toBe(1);
    expect(nameless.stderr).toContain('--by');
    expect(slh(['glossary', 'remove', 'VAWG'], t.env).code).toBe(0);
    const again = slh(['glossary', 'remove', 'VAWG'], t.env);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('not in the glossary');
  });

  it('slh eval themes prints per-theme figures and averages, and names a bad line', async () => {
    const file = path.join(dir, 'eval.jsonl');
    await fs.writeFile(
      file,
      `${JSON.stringify({ id: 1, text: FINDING, themes: ['domestic-abuse', 'information-sharing'] })}\n${JSON.stringify({ id: 2, text: 'The panel met four times.', themes: [] })}\n`,
    );
    const run = slh(['eval', 'themes', file, '--json'], t.env);
    expect(run.code).toBe(0);
    const e = JSON.parse(run.stdout) as {
      items: number;
      micro: { f1: number };
      themes: Array<{ slug: string; tp: number }>;
    };
    expect(e.items).toBe(2);
    expect(e.themes.find((x) => x.slug === 'domestic-abuse')?.tp).toBe(1);
    const text = slh(['eval', 'themes', file], t.env);
    expect(text.stdout).toMatch(/micro average/);
    await fs.writeFile(file, '{"id":1,"text":"x","themes":["not-a-theme"]}\n');
    const bad = slh(['eval', 'themes', file], t.env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('line 1: "not-a-theme" is not a theme');
  });
});

describe.each(BACKENDS)('analysts and the taxonomy on %s', (backend) => {
  let t: TestEnv;
  let dir: string;
  let reviewId = '';

  beforeAll(async () => {
    t = await testEnv(backend);
    dir = await tempDir();
    await fs.writeFile(path.join(dir, 'q.md'), SAMPLE_MARKDOWN);
    const out = await t.services.importer.importAll([{ path: path.join(dir, 'q.md') }]);
    reviewId = out.imported[0]?.id ?? '';
  });
  afterAll(async () => {
    await t.cleanup();
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('records confirm, reject and add with who and where, keeps them through re-coding, and reports agreement', async () => {
    const codes = await t.services.themes.codesFor(reviewId);
    expect(codes.length).toBeGreaterThanOrEqual(2);
    const [first, second] = codes;
    await t.services.themes.decide(reviewId, first?.slug ?? '', 'confirm', 'Analyst A');
    await t.services.themes.decide(reviewId, second?.slug ?? '', 'reject', 'Analyst A');
    const missing =
      (await t.services.themes.themes()).find((x) => !codes.some((c) => c.slug === x.slug))?.slug ?? '';
    await expect(
      t.services.themes.decide(
        reviewId,
        missing,
        'add',
        'Analyst A',
        'Words that are nowhere in this review at all.',
      ),
    ).rejects.toThrow(/not in the review/);
    await expect(t.services.themes.decide(reviewId, missing, 'confirm', 'Analyst A')).rejects.toThrow(
      /no ".*" code to confirm/,
    );
    await expect(t.services.themes.decide(reviewId, 'not-a-theme', 'confirm', 'Analyst A')).rejects.toThrow(
      /not a theme/,
    );
    const review = await t.services.reviews.get(reviewId, OPERATOR_ACCESS);
    const sentence =
      (review.passages.find((p) => p.text.length > 40)?.text ?? '').split(/(?<=\.)\s/)[0] ?? '';
    await t.services.themes.decide(reviewId, missing, 'add', 'Analyst B', sentence);

    const after = await t.services.themes.codesFor(reviewId);
    expect(after.find((c) => c.slug === first?.slug)).toMatchObject({
      status: 'confirmed',
      reviewedBy: 'Analyst A',
    });
    expect(after.find((c) => c.slug === second?.slug)?.status).toBe('rejected');
    const added = after.find((c) => c.slug === missing);
    expect(added).toMatchObject({ status: 'added', codedBy: 'Analyst B' });
    expect(added?.evidence[0]?.text).toBe(sentence);

    // re-coding replaces suggestions but never an analyst's decision
    await t.services.themes.startRecode();
    await t.services.themes.workRecode('test');
    const recoded = await t.services.themes.codesFor(reviewId);
    expect(recoded.find((c) => c.slug === first?.slug)?.status).toBe('confirmed');
    expect(recoded.find((c) => c.slug === second?.slug)?.status).toBe('rejected');
    expect(recoded.find((c) => c.slug === missing)?.status).toBe('added');

    const agreement = await t.services.themes.agreement();
    expect(agreement.find((a) => a.slug === first?.slug)).toMatchObject({
      confirmed: 1,
      rejected: 0,
      precision: 1,
    });
    expect(agreement.find((a) => a.slug === second?.slug)).toMatchObject({ rejected: 1, precision: 0 });
    expect(agreement.find((a) => a.slug === missing)).toMatchObject({ added: 1, recall: 0 });
  });

  it('retrains from every labelled training file and the decisions, naming both as the source', async () => {
    const { items } = await readLabelledTrain();
    const r = await t.services.themes.train();
    expect(r.source).toBe(`labelled training files (${items.length}) + 3 analyst decisions`);
    expect(r.examples).toBeGreaterThanOrEqual(items.length + 3);
  });

  it('versions every change to a theme with who and when, and refuses a bad one naming the problem', async () => {
    const before = await t.services.themes.history('neglect');
    expect(before).toHaveLength(1);
    const r = await t.services.themes.saveTheme(
      { slug: 'neglect', addIndicators: [{ match: 'exact', text: 'empty fridge', strength: 'strong' }] },
      'Analyst A',
      'edit',
    );
    expect(r.version).toBe(2);
    const history = await t.services.themes.history('neglect');
    expect(history.map((h) => [h.version, h.change, h.changedBy])).toEqual([
      [1, 'seeded', 'seed'],
      [2, 'edited', 'Analyst A'],
    ]);
    expect(JSON.stringify(history[1]?.after)).toContain('empty fridge');
    await expect(
      t.services.themes.saveTheme(
        { slug: 'neglect', addIndicators: [{ match: 'regex', text: '(unclosed', strength: 'weak' }] },
        'A',
        'edit',
      ),
    ).rejects.toThrow(/not a valid pattern/);
    await expect(
      t.services.themes.saveTheme({ slug: 'neglect', label: 'Again' }, 'A', 'add'),
    ).rejects.toThrow(/never reused/);
    await expect(t.services.themes.saveTheme({ slug: 'neglect', label: 'X' }, ' ', 'edit')).rejects.toThrow(
      /who/,
    );
    expect(await t.services.themes.history('neglect')).toHaveLength(2);
  });

  it('adds a theme, and re-coding shared by two workers codes every review once with it', async () => {
    await t.services.themes.saveTheme(
      {
        slug: 'skull-fracture-test',
        label: 'Skull fractures (test theme)',
        group: 'harm',
        applies: ['child'],
        definition: 'a test theme',
        addIndicators: [{ match: 'exact', text: 'skull fracture', strength: 'strong' }],
      },
      'Analyst A',
      'add',
    );
    const job = await t.services.themes.startRecode();
    expect(job.reviews).toBe(1);
    const [a, b] = await Promise.all([
      t.services.themes.workRecode('worker-a'),
      t.services.themes.workRecode('worker-b'),
    ]);
    expect(a + b).toBe(1);
    expect(await t.services.themes.recodeProgress()).toMatchObject({ total: 1, done: 1 });
    expect((await t.services.themes.codesFor(reviewId)).map((c) => c.slug)).toContain('skull-fracture-test');
  });
});

describe.each(BACKENDS)('re-coding a review imported under older rules on %s', (backend) => {
  let t: TestEnv;
  beforeAll(async () => {
    t = await testEnv(backend);
  });
  afterAll(async () => {
    await t.cleanup();
  });

  it('brings its section kinds up to date first, so a section that sets matters aside gives no theme', async () => {
    const report = [
      '# Child Safeguarding Practice Review: Child T',
      'FICTIONAL TEST DOCUMENT: invented for the re-coding tests.',
      '## Findings',
      '5.1 The school nurse saw Child T twice and each time recorded that he was well and attending.',
      '5.2 The GP practice had no record of the family moving into the area.',
      '## Other matters considered',
      '6.1 His friends told the panel that older boys had groomed Child T to carry drugs to other towns; he went missing four times and cash was found in his room.',
      '## About Child T',
      '7.1 Child T is remembered by his teachers as a funny boy who loved football.',
      '### Early life',
      '7.2 He lived with his grandmother until he was six.',
      '## Recommendations',
      '1. The partnership should ask schools to share attendance concerns with the GP practice.',
      '### Summary of matters considered',
      '8.1 The panel considered the school nurse and GP records together.',
      '## Actions agreed',
      '9.1 The school nurse service will audit its records of missing episodes by June.',
    ].join('\n\n');
    const result = await t.services.importer.importBytes(Buffer.from(report), 'child-t.md', {});
    if (result.kind !== 'imported') throw new Error('not imported');
    const fromSetAside = async () =>
      (await t.services.themes.codesFor(result.id)).filter((c) =>
        c.evidence.some((e) => e.section === 'Other matters considered'),
      );
    expect(await fromSetAside()).toEqual([]);

    // as the review was stored before "Other matters considered" was known for what it is
    const sections = () => t.services.db.kysely.updateTable('sections').where('review_id', '=', result.id);
    await sections().set({ kind: 'findings' }).where('heading', '=', 'Other matters considered').execute();
    // a stale kind under the recommendations, which the current rules read as recommendations
    await sections()
      .set({ kind: 'ruled-out' })
      .where('heading', '=', 'Summary of matters considered')
      .execute();
    // two kinds are kept, and the sections under them follow: a heading redacted on publishing, and
    // a section read as recommendations when it was imported (its recommendations are tracked since)
    await sections()
      .set({ heading: 'About [Name removed]' })
      .where('heading', '=', 'About Child T')
      .execute();
    await sections().set({ kind: 'recommendations' }).where('heading', '=', 'Actions agreed').execute();
    const kindsBefore = await t.services.db.kysely
      .selectFrom('sections')
      .select(['heading', 'kind'])
      .where('review_id', '=', result.id)
      .execute();
    expect(kindsBefore.find((k) => k.heading === 'About [Name removed]')?.kind).toBe('background');
    expect(kindsBefore.find((k) => k.heading === 'Early life')?.kind).toBe('background');
    const coder = await t.services.themes.coder();
    await t.services.db.kysely
      .transaction()
      .execute((trx) => t.services.themes.codeReview(trx, result.id, coder));
    expect((await fromSetAside()).map((c) => c.slug)).toContain('exploitation');

    await t.services.themes.startRecode();
    await t.services.themes.workRecode('test');
    const kinds = await t.services.db.kysely
      .selectFrom('sections')
      .select(['heading', 'kind'])
      .where('review_id', '=', result.id)
      .orderBy('seq')
      .execute();
    expect(kinds.find((k) => k.heading === 'Other matters considered')?.kind).toBe('ruled-out');
    expect(kinds.find((k) => k.heading === 'Findings')?.kind).toBe('findings');
    expect(kinds.find((k) => k.heading === 'About [Name removed]')?.kind).toBe('background');
    expect(kinds.find((k) => k.heading === 'Early life')?.kind).toBe('background');
    expect(kinds.find((k) => k.heading === 'Summary of matters considered')?.kind).toBe('recommendations');
    expect(kinds.find((k) => k.heading === 'Actions agreed')?.kind).toBe('recommendations');
    expect(await fromSetAside()).toEqual([]);
  });
});

describe.each(BACKENDS)('training a new library on %s', (backend) => {
  let t: TestEnv;
  beforeAll(async () => {
    t = await testEnv(backend);
  });
  afterAll(async () => {
    await t.cleanup();
  });

  it('trains before anything else has run, seeding the taxonomy the labels name', async () => {
    const { items } = await readLabelledTrain();
    const r = await t.services.themes.train();
    expect(r).toEqual({ examples: items.length, source: `labelled training files (${items.length})` });
    expect(await t.services.themes.themes()).toHaveLength(32);
    expect(await t.services.themes.classifyText(FINDING)).not.toHaveLength(0);
  });

  it('retrains at start when the stored model is from older code, and keeps a current one', async () => {
    const repo = new ThemesRepository(t.services.db.kysely);
    const old = {
      version: MODEL_VERSION - 1,
      trainedAt: '2026-01-01',
      examples: 1,
      vocabulary: [],
      weights: {},
    };
    await repo.saveModel(JSON.stringify(old), 1, 'older code');
    await new ThemeService(t.services.db.kysely).classifyText(FINDING);
    const latest = await repo.latestModel();
    expect(latest?.source).toMatch(/^labelled training files/);
    expect((JSON.parse(latest?.model ?? '{}') as { version: number }).version).toBe(MODEL_VERSION);
    const models = async () =>
      (await t.services.db.kysely.selectFrom('theme_models').select('id').execute()).length;
    const before = await models();
    await new ThemeService(t.services.db.kysely).classifyText(FINDING);
    expect(await models()).toBe(before);
  });
});

describe('labelled files', () => {
  it('names the line and the field of each mistake', () => {
    expect(() => parseLabelled('{"id":1,"text":"a","themes":[]}\nnot json\n', 'f.jsonl')).toThrow(
      'f.jsonl line 2: not valid JSON',
    );
    expect(() => parseLabelled('{"id":1,"themes":[]}\n', 'f.jsonl')).toThrow(/f.jsonl line 1: text/);
    expect(() => parseLabelled('\n', 'f.jsonl')).toThrow('f.jsonl: no labelled lines');
  });

  it('the labelled set we ship covers every theme in training files, a test split and a holdout set, no item in two', async () => {
    const read = async (name: string) =>
      parseLabelled(
        await fs.readFile(path.resolve(import.meta.dirname, `../../demo/themes/${name}.jsonl`), 'utf8'),
        name,
      );
    const { items: train, files } = await readLabelledTrain();
    expect(files).toContain('train.jsonl');
    expect(files.length).toBeGreaterThan(1);
    const test = await read('test');
    const holdout = await read('holdout');
    // Whole reports: development ones fit the document decision, holdout ones only measure it.
    const reportFiles = (await fs.readdir(path.resolve(import.meta.dirname, '../../demo/themes')))
      .filter((f) => /^reports-(dev|holdout)-.*\.jsonl$/.test(f))
      .map((f) => f.replace(/\.jsonl$/, ''));
    expect(reportFiles.filter((f) => f.startsWith('reports-dev-')).length).toBeGreaterThan(0);
    expect(reportFiles.filter((f) => REPORTS_HOLDOUT.test(`${f}.jsonl`)).length).toBeGreaterThan(0);
    const reports = (await Promise.all(reportFiles.map(read))).flat();
    for (const r of reports) {
      expect(r.text.slice(0, 1500), r.id).toMatch(/fiction/i);
      expect(r.text.split(/\n\s*\n/).length, r.id).toBeGreaterThanOrEqual(CODING.document.minPassages);
    }
    const all = [...train, ...test, ...holdout, ...reports];
    expect(train.length + test.length).toBeGreaterThanOrEqual(300);
    expect(new Set(all.map((i) => i.id)).size).toBe(all.length);
    expect(new Set(all.map((i) => i.text)).size).toBe(all.length);
    for (const measured of [test, holdout]) {
      expect(new Set(measured.flatMap((i) => i.themes)).size).toBe(32);
      expect(measured.filter((i) => i.themes.length === 0).length).toBeGreaterThan(10);
    }
    expect(new Set(train.flatMap((i) => i.themes)).size).toBe(32);
  });
});
