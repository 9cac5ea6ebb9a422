import fs from 'node:fs/promises';
import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import { ThemeCoder, locatedPassages } from '../analysis/themes/coder.js';
import type { LocatedPassage } from '../analysis/themes/coder.js';
import { evaluate } from '../analysis/themes/evaluate.js';
import type { Evaluation } from '../analysis/themes/evaluate.js';
import { SEED_INDICATORS } from '../analysis/themes/indicators.js';
import { MODEL_VERSION, trainModel } from '../analysis/themes/model.js';
import type { LabelledText, ThemeModel } from '../analysis/themes/model.js';
import { TAXONOMY_VERSION_1 } from '../analysis/themes/taxonomy.js';
import type { Applies, Evidence, Theme, ThemeCode } from '../analysis/themes/types.js';
import type { Database } from '../db/types.js';
import { reviewTypeNamed } from '../ingestion/metadata.js';
import { parseReview } from '../ingestion/parse-review.js';
import { sectionKindsOf } from '../ingestion/segment.js';
import type { SectionKind } from '../ingestion/segment.js';
import type { ParsedReview } from '../ingestion/parse-review.js';
import { ThemesRepository } from '../repositories/themes-repository.js';
import type { StoredCode } from '../repositories/themes-repository.js';
import { NotFoundError, ValidationError } from '../shared/errors.js';
import { visibleTo } from '../repositories/access.js';
import type { AccessScope } from '../repositories/access.js';
import { cooccurrence, poissonTrend } from '../analysis/themes/trends.js';
import { emergingTerms } from '../analysis/themes/emerging.js';
import type { EmergingResult, ReviewText } from '../analysis/themes/emerging.js';
import { BOILERPLATE_SECTION_KINDS } from '../analysis/themes/coder.js';
import { compileThemes, indicatorPattern } from '../analysis/themes/rules.js';
import { formatZodError } from './review-metadata.js';
import type { Trend, YearCount } from '../analysis/themes/trends.js';

/**
 * The labelled set we wrote. Every `train*.jsonl` in it is what a new library's model learns from;
 * `test.jsonl` and `holdout.jsonl` are only for measuring (never for training or tuning). Whole
 * reports: `reports-dev-*.jsonl` fit the document decision (scripts/tune-themes.ts --documents) and
 * are never trained on; `reports-holdout-*.jsonl` are only for measuring.
 */
export const LABELLED_DIR = new URL('../../demo/themes/', import.meta.url);
export const LABELLED_TEST = new URL('test.jsonl', LABELLED_DIR);
export const LABELLED_HOLDOUT = new URL('holdout.jsonl', LABELLED_DIR);
export const REPORTS_HOLDOUT = /^reports-holdout-.*\.jsonl$/;
const TRAIN_FILE = /^train.*\.jsonl$/;

const labelledLine = z
  .object({
    id: z.union([z.string(), z.number()]).transform(String),
    text: z.string().min(1, 'is empty'),
    themes: z.array(z.string()),
  })
  .strict();

export type LabelledItem = z.infer<typeof labelledLine>;

/** Reads `{"id","text","themes":[slugs]}` lines, naming the line and field of any mistake. */
export function parseLabelled(content: string, source: string, known?: Set<string>): LabelledItem[] {
  const items: LabelledItem[] = [];
  content.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      throw new ValidationError(`${source} line ${i + 1}: not valid JSON`);
    }
    const parsed = labelledLine.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ValidationError(
        `${source} line ${i + 1}: ${issue?.path.join('.') || 'line'} ${issue?.message ?? 'is not valid'}`,
      );
    }
    const unknown = known ? parsed.data.themes.find((s) => !known.has(s)) : undefined;
    if (unknown)
      throw new ValidationError(`${source} line ${i + 1}: "${unknown}" is not a theme in the taxonomy`);
    items.push(parsed.data);
  });
  if (items.length === 0) throw new ValidationError(`${source}: no labelled lines`);
  return items;
}

/** Every labelled training file (`demo/themes/train*.jsonl`, in name order), read and checked. */
export async function readLabelledTrain(
  known?: Set<string>,
): Promise<{ items: LabelledItem[]; files: string[] }> {
  const files = (await fs.readdir(LABELLED_DIR)).filter((f) => TRAIN_FILE.test(f)).sort();
  if (files.length === 0) throw new ValidationError('demo/themes: no train*.jsonl files');
  const items: LabelledItem[] = [];
  const seen = new Map<string, string>();
  for (const file of files) {
    const source = `demo/themes/${file}`;
    for (const item of parseLabelled(await fs.readFile(new URL(file, LABELLED_DIR), 'utf8'), source, known)) {
      // One passage must count once: an id used twice is a copy, or two writers' clash.
      const other = seen.get(item.id);
      if (other) throw new ValidationError(`${source}: id "${item.id}" is also in ${other}`);
      seen.set(item.id, source);
      items.push(item);
    }
  }
  return { items, files };
}

const indicatorInput = z
  .object({
    match: z.enum(['any', 'all', 'exact', 'regex']),
    text: z.string().min(1).max(500),
    strength: z.enum(['strong', 'weak']),
  })
  .strict();
const themeInput = z
  .object({
    slug: z
      .string()
      .regex(/^[a-z][a-z0-9-]{1,59}$/, 'must be lower-case words joined by hyphens, e.g. cost-of-living'),
    label: z.string().trim().min(1).max(120).optional(),
    group: z.enum(['harm', 'protection']).optional(),
    applies: z
      .array(z.enum(['child', 'adult', 'domestic']))
      .min(1)
      .optional(),
    definition: z.string().trim().min(1).max(1000).optional(),
    addIndicators: z.array(indicatorInput).optional(),
    removeIndicators: z.array(z.string()).optional(),
  })
  .strict();

export interface PrevalenceFilter {
  regions?: string[];
  types?: string[];
}

type Prevalence = Awaited<ReturnType<ThemesRepository['prevalence']>>;

export interface ThemeOverview {
  /** reviews published in the years covered */
  reviews: number;
  years: number[];
  themes: Array<{ theme: Theme; coded: number; confirmed: number; series: YearCount[]; trend: Trend }>;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
}

function sumBy<T extends { n: number }, K>(rows: T[], key: (row: T) => K): Map<K, number> {
  const out = new Map<K, number>();
  for (const r of rows) out.set(key(r), (out.get(key(r)) ?? 0) + r.n);
  return out;
}

const REVIEW_TYPE_APPLIES: Record<string, Applies> = { sar: 'adult', dhr: 'domestic' };
/** Kinds of review that are always about a child (Scottish learning reviews and Welsh SUSRs may not be). */
const CHILD_REVIEW_TYPES = new Set(['scr', 'cspr', 'cpr', 'cmr', 'rapid-review']);
/** How much of a text's start is read for the kind of review it names: a title, not a passing mention. */
const OPENING_CHARS = 300;

/**
 * Which themes apply to a text that is not stored, from what it says of itself: the kind of review
 * (and subject) guessed from a file, or named at the start of plain text. Unknown when it does not
 * say: then every theme is open to it. A stored review uses its own type and subject.
 */
export function appliesOf(type: string | null | undefined, subject?: string | null): Applies | undefined {
  if (type && REVIEW_TYPE_APPLIES[type]) return REVIEW_TYPE_APPLIES[type];
  if (subject === 'adult' || subject === 'child') return subject;
  return type && CHILD_REVIEW_TYPES.has(type) ? 'child' : undefined;
}
export function appliesFromOpening(text: string): Applies | undefined {
  return appliesOf(reviewTypeNamed(text.slice(0, OPENING_CHARS)));
}

/**
 * Theme coding as a service: the taxonomy the library keeps (seeded from the national reference),
 * the coder built from it and the latest trained model, coding of imported reviews, classification
 * of any text or file without storing it, training and evaluation.
 */
/** a redaction mark left by publishing ("[name removed]") */
const REDACTED = /\[[^[\]]{1,40} removed\]/i;

export class ThemeService {
  private readonly repo: ThemesRepository;
  private cached: { stamp: string; coder: ThemeCoder; themes: Theme[] } | null = null;
  private emergingCache: { key: string; result: EmergingResult } | null = null;
  private prepared: Promise<void> | null = null;

  constructor(
    private readonly db: Kysely<Database>,
    /** in-process by default; the server passes its worker-thread pool, as for imports */
    private readonly parse: (bytes: Uint8Array, fileName: string) => Promise<ParsedReview> = parseReview,
  ) {
    this.repo = new ThemesRepository(db);
  }

  async themes(): Promise<Theme[]> {
    return (await this.current()).themes;
  }

  /** The coder for the current taxonomy and model, trained from the labelled set on first use. */
  private async current(): Promise<{ coder: ThemeCoder; themes: Theme[] }> {
    // Seeding and the first training happen once; after that only the cheap change stamp is read.
    this.prepared ??= this.prepare();
    await this.prepared;
    const stamp = await this.repo.stamp();
    if (this.cached?.stamp === stamp) return this.cached;
    const themes = await this.repo.list();
    const stored = await this.repo.latestModel();
    const model = stored ? (JSON.parse(stored.model) as ThemeModel) : null;
    this.cached = { stamp, themes, coder: new ThemeCoder(themes, model) };
    return this.cached;
  }

  private async prepare(): Promise<void> {
    try {
      await this.repo.seedIfEmpty(TAXONOMY_VERSION_1, SEED_INDICATORS);
      // A model from older code is retrained: the coder's settings were chosen for the current one.
      const stored = await this.repo.latestModel();
      if (!stored || (JSON.parse(stored.model) as ThemeModel).version !== MODEL_VERSION) await this.train();
    } catch (err) {
      this.prepared = null; // try again on the next call rather than remember a failure
      throw err;
    }
  }

  /** Codes plain text, read as a text file would be (see passagesOfText); nothing is stored. */
  async classifyText(text: string): Promise<ThemeCode[]> {
    if (!text.trim()) throw new ValidationError('The text is empty: give the words to classify.');
    return (await this.current()).coder.codeText(text, appliesFromOpening(text));
  }

  /** Reads a file (PDF, DOCX, HTML, Markdown, text) as an import would and codes it; nothing is stored. */
  async classifyFile(bytes: Uint8Array, fileName: string): Promise<ThemeCode[]> {
    const parsed = await this.parse(bytes, fileName);
    return (await this.current()).coder.code(
      locatedPassages(parsed),
      appliesOf(parsed.guessed.reviewType?.value, parsed.guessed.subject?.value),
    );
  }

  /** The current coder: fetch it before opening a transaction that will use it. */
  async coder(): Promise<ThemeCoder> {
    return (await this.current()).coder;
  }

  /**
   * Codes a stored review and keeps the suggestions, inside the caller's transaction when given.
   * Pass the coder when inside a transaction: on SQLite a second connection would wait for ever.
   */
  async codeReview(
    db: Kysely<Database> | Transaction<Database>,
    reviewId: string,
    given?: ThemeCoder,
  ): Promise<ThemeCode[]> {
    const coder = given ?? (await this.coder());
    const { passages, applies } = await this.storedPassages(db, reviewId);
    const codes = coder.code(passages, applies);
    await this.repo.storeSuggestions(db, reviewId, codes);
    return codes;
  }

  /** A stored review's passages as the coder reads them, and the themes' kind of review it is. */
  async storedPassages(
    db: Kysely<Database> | Transaction<Database>,
    reviewId: string,
  ): Promise<{ passages: LocatedPassage[]; applies: Applies }> {
    const review = await db
      .selectFrom('reviews')
      .select(['review_type', 'subject'])
      .where('id', '=', reviewId)
      .executeTakeFirstOrThrow();
    const rows = await db
      .selectFrom('passages as p')
      .leftJoin('sections as s', 's.id', 'p.section_id')
      .select(['p.text', 'p.paragraph', 'p.page', 's.heading', 's.kind'])
      .where('p.review_id', '=', reviewId)
      .orderBy('p.seq')
      .execute();
    return {
      passages: rows.map((r) => ({
        text: r.text,
        section: r.heading,
        sectionKind: r.kind,
        paragraph: r.paragraph,
        page: r.page === null ? null : Number(r.page),
      })),
      applies: appliesOf(review.review_type, review.subject) ?? 'child',
    };
  }

  codesFor(reviewId: string): Promise<StoredCode[]> {
    return this.repo.codesFor(reviewId);
  }

  /**
   * Trains a new model from the labelled training files and analysts' decisions (the evidence of
   * confirmed and added codes as examples of their theme, of rejected ones as counter-examples).
   */
  async train(): Promise<{ examples: number; source: string }> {
    // `slh themes train` may be the first thing a new library does: the labels need the taxonomy.
    await this.repo.seedIfEmpty(TAXONOMY_VERSION_1, SEED_INDICATORS);
    const known = new Set((await this.repo.list()).map((t) => t.slug));
    const { items: labelled } = await readLabelledTrain(known);
    const examples: LabelledText[] = labelled.map((i) => ({ text: i.text, themes: i.themes }));
    const decisions = await this.repo.decisions();
    for (const d of decisions) {
      for (const e of d.evidence)
        examples.push({ text: e.text, themes: d.status === 'rejected' ? [] : [d.slug] });
    }
    const model = trainModel(examples, [...known]);
    const source = `labelled training files (${labelled.length})${decisions.length ? ` + ${decisions.length} analyst decisions` : ''}`;
    await this.repo.saveModel(JSON.stringify(model), examples.length, source);
    return { examples: examples.length, source };
  }

  /** Per-theme precision, recall and F1 of the current coder on labelled items. */
  async evaluate(items: LabelledItem[]): Promise<Evaluation> {
    const { coder, themes } = await this.current();
    const predicted = items.map((i) => ({
      themes: coder.codeText(i.text, appliesFromOpening(i.text)).map((c) => c.slug),
    }));
    return evaluate(
      items,
      predicted,
      themes.map((t) => t.slug),
    );
  }

  /**
   * Each theme's prevalence by year (reviews coded, out of reviews published) with its trend test,
   * over the reviews the caller may see, optionally for some regions or review types.
   */
  async overview(access: AccessScope, filter: PrevalenceFilter = {}): Promise<ThemeOverview> {
    return this.overviewOf(await this.themes(), await this.repo.prevalence(access, filter));
  }

  private overviewOf(themes: Theme[], { totals, coded }: Prevalence): ThemeOverview {
    const years = [...new Set(totals.map((t) => t.year))].sort((a, b) => a - b);
    const span = years.length ? range(years[0] ?? 0, years[years.length - 1] ?? 0) : [];
    const totalByYear = sumBy(totals, (t) => t.year);
    const rows = themes.map((theme) => {
      const mine = coded.filter((c) => c.slug === theme.slug);
      const byYear = sumBy(mine, (c) => c.year);
      const series = span.map((year) => ({
        year,
        count: byYear.get(year) ?? 0,
        total: totalByYear.get(year) ?? 0,
      }));
      return {
        theme,
        coded: mine.reduce((n, c) => n + c.n, 0),
        confirmed: mine.reduce((n, c) => n + c.confirmed, 0),
        series,
        trend: poissonTrend(series),
      };
    });
    return { reviews: totals.reduce((n, t) => n + t.n, 0), years: span, themes: rows };
  }

  /** One theme: its trend, its regions, the reviews and passages that carry it, and the themes it goes with. */
  async detail(access: AccessScope, slug: string, filter: PrevalenceFilter = {}) {
    const prevalence = await this.repo.prevalence(access, filter);
    const overview = this.overviewOf(await this.themes(), prevalence);
    const row = overview.themes.find((t) => t.theme.slug === slug);
    if (!row) throw new NotFoundError(`No theme "${slug}"`);
    const { totals, coded } = prevalence;
    const totalByRegion = sumBy(totals, (t) => t.region ?? '');
    const codedByRegion = sumBy(
      coded.filter((c) => c.slug === slug),
      (c) => c.region ?? '',
    );
    const regions = [...totalByRegion]
      .map(([region, reviews]) => ({
        region: region || 'Outside England or not known',
        reviews,
        coded: codedByRegion.get(region) ?? 0,
      }))
      .map((r) => ({ ...r, share: r.reviews ? r.coded / r.reviews : 0 }))
      .sort((a, b) => b.share - a.share || a.region.localeCompare(b.region));
    const labels = new Map(overview.themes.map((t) => [t.theme.slug, t.theme.label]));
    const related = cooccurrence(await this.repo.themesByReview(access))
      .filter((p) => p.a === slug || p.b === slug)
      .map((p) => {
        const other = p.a === slug ? p.b : p.a;
        return { slug: other, label: labels.get(other) ?? other, both: p.both, lift: p.lift };
      })
      .sort((a, b) => b.lift - a.lift || b.both - a.both)
      .slice(0, 8);
    const reviews = await this.repo.reviewsWith(access, slug, 50);
    return { ...row, years: overview.years, regions, related, reviews };
  }

  /**
   * Terms rising sharply in recent reviews that no theme explains (candidates for new themes), over
   * the reviews the caller may see. Worked out from the passages on demand and kept until the library
   * or the taxonomy changes.
   */
  async emerging(access: AccessScope): Promise<EmergingResult> {
    const version = await this.db
      .selectFrom('reviews')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('updated_at').as('at')])
      .executeTakeFirstOrThrow();
    const key = `${JSON.stringify(access)}|${Number(version.n)}|${String(version.at)}|${await this.repo.stamp()}`;
    if (this.emergingCache?.key === key) return this.emergingCache.result;
    const rows = await this.db
      .selectFrom('passages as p')
      .innerJoin('reviews as r', 'r.id', 'p.review_id')
      .leftJoin('sections as s', 's.id', 'p.section_id')
      .select(['r.id', 'r.published_year', 'p.text', 's.kind'])
      .where(visibleTo(access, 'r'))
      .where('r.published_year', 'is not', null)
      .orderBy('r.id')
      .orderBy('p.seq')
      .execute();
    const byReview = new Map<string, ReviewText>();
    for (const row of rows) {
      if (BOILERPLATE_SECTION_KINDS.has(row.kind ?? '')) continue;
      const review = byReview.get(row.id) ?? { id: row.id, year: Number(row.published_year), passages: [] };
      review.passages.push(row.text);
      byReview.set(row.id, review);
    }
    const compiled = compileThemes(await this.themes());
    const explainedBy = (term: string) =>
      compiled.find((c) => c.patterns.some(({ re }) => new RegExp(re.source, 'i').test(term)))?.theme.label ??
      null;
    const result = byReview.size
      ? emergingTerms([...byReview.values()], explainedBy)
      : { recentFrom: 0, recentTo: 0, recentTotal: 0, earlierTotal: 0, terms: [], explained: [] };
    this.emergingCache = { key, result };
    return result;
  }

  /** The history of a theme's definition and indicators: who changed what, when. */
  async history(slug: string) {
    await this.current();
    const h = await this.repo.history(slug);
    if (h.length === 0) throw new NotFoundError(`No theme "${slug}"`);
    return h;
  }

  /**
   * Changes a theme (label, definition, indicators) or adds one, keeping the change in its history.
   * Indicators are checked before anything is stored. Re-code afterwards (`recode`) for the change
   * to reach reviews already coded.
   */
  async saveTheme(
    input: unknown,
    by: string,
    mode: 'add' | 'edit',
  ): Promise<{ slug: string; version: number }> {
    if (!by.trim()) throw new ValidationError('Say who is making the change (--by).');
    const parsed = themeInput.safeParse(input);
    if (!parsed.success) throw new ValidationError(formatZodError(parsed.error));
    const existing = (await this.themes()).find((t) => t.slug === parsed.data.slug);
    if (mode === 'add' && existing)
      throw new ValidationError(`A theme "${parsed.data.slug}" exists already; slugs are never reused.`);
    if (mode === 'edit' && !existing) throw new NotFoundError(`No theme "${parsed.data.slug}"`);
    const merged: Theme = {
      slug: parsed.data.slug,
      label: parsed.data.label ?? existing?.label ?? '',
      group: parsed.data.group ?? existing?.group ?? 'harm',
      applies: parsed.data.applies ?? existing?.applies ?? ['child', 'adult', 'domestic'],
      definition: parsed.data.definition ?? existing?.definition ?? '',
      indicators: [
        ...(existing?.indicators ?? []).filter((i) => !(parsed.data.removeIndicators ?? []).includes(i.text)),
        ...(parsed.data.addIndicators ?? []),
      ],
    };
    if (!merged.label || !merged.definition)
      throw new ValidationError('A theme needs a label and a definition.');
    if (merged.indicators.length === 0)
      throw new ValidationError('A theme needs at least one indicator, or it can never be found.');
    for (const i of merged.indicators) {
      try {
        indicatorPattern(i);
      } catch (err) {
        throw new ValidationError(`Indicator "${i.text}" is not a valid pattern: ${(err as Error).message}`);
      }
    }
    const version = await this.repo.saveTheme(merged, by.trim(), mode === 'add' ? 'added' : 'edited');
    return { slug: merged.slug, version };
  }

  /**
   * An analyst's decision on one review's theme. "confirm" and "reject" act on a suggestion; "add"
   * records a theme the coder missed, with evidence that must be a sentence of the review.
   */
  async decide(
    reviewId: string,
    slug: string,
    decision: 'confirm' | 'reject' | 'add',
    by: string,
    evidenceText?: string,
  ): Promise<void> {
    if (!by.trim()) throw new ValidationError('Say who is deciding (--by).');
    if (!(await this.knownSlugs()).has(slug))
      throw new ValidationError(`"${slug}" is not a theme in the taxonomy.`);
    const codes = await this.repo.codesFor(reviewId);
    const code = codes.find((c) => c.slug === slug);
    if (decision !== 'add' && !code)
      throw new ValidationError(
        `Review ${reviewId} has no "${slug}" code to ${decision}; use "add" with the evidence.`,
      );
    let evidence: Evidence[] | undefined;
    if (evidenceText !== undefined || decision === 'add') {
      const wanted = (evidenceText ?? '').replace(/\s+/g, ' ').trim();
      if (wanted.length < 10)
        throw new ValidationError('Give the evidence: a sentence of the review (--evidence "...").');
      const found = await this.db
        .selectFrom('passages as p')
        .leftJoin('sections as s', 's.id', 'p.section_id')
        .select(['p.text', 'p.paragraph', 'p.page', 's.heading'])
        .where('p.review_id', '=', reviewId)
        .execute();
      if (found.length === 0) throw new NotFoundError(`No review with id ${reviewId}`);
      const passage = found.find((p) => p.text.replace(/\s+/g, ' ').includes(wanted));
      if (!passage)
        throw new ValidationError('The evidence is not in the review: quote a sentence of it exactly.');
      evidence = [
        {
          text: wanted,
          section: passage.heading,
          paragraph: passage.paragraph,
          page: passage.page === null ? null : Number(passage.page),
          reason: `added by ${by.trim()}`,
        },
      ];
    }
    const status = decision === 'confirm' ? 'confirmed' : decision === 'reject' ? 'rejected' : 'added';
    await this.repo.decide(reviewId, slug, status, by.trim(), evidence);
  }

  /** Agreement between the coder and analysts per theme, from their decisions. */
  async agreement() {
    return (await this.repo.agreement()).map((a) => ({
      ...a,
      // of the coder's suggestions analysts looked at, the share they confirmed
      precision: a.confirmed + a.rejected ? a.confirmed / (a.confirmed + a.rejected) : null,
      // of the themes analysts hold present, the share the coder had suggested
      recall: a.confirmed + a.added ? a.confirmed / (a.confirmed + a.added) : null,
    }));
  }

  /** Queues every review for re-coding; returns the job id and how many reviews it holds. */
  async startRecode(): Promise<{ job: string; reviews: number }> {
    const job = new Date().toISOString();
    return { job, reviews: await this.repo.enqueueRecode(job) };
  }

  /**
   * Works through the re-coding queue with the current taxonomy and model until it is empty. Several
   * processes may run this at once: each claims its own batch. Analysts' decisions are kept.
   */
  async workRecode(worker: string, onProgress?: (done: number, total: number) => void): Promise<number> {
    const coder = await this.coder();
    let coded = 0;
    for (;;) {
      const batch = await this.repo.claimRecode(worker, 20);
      if (batch.length === 0) break;
      for (const id of batch) {
        await this.db.transaction().execute(async (trx) => {
          await this.refreshSectionKinds(trx, id);
          await this.codeReview(trx, id, coder);
          await this.repo.finishRecode(trx, id);
        });
        coded++;
      }
      const p = await this.repo.recodeProgress();
      onProgress?.(p.done, p.total);
    }
    return coded;
  }

  recodeProgress() {
    return this.repo.recodeProgress();
  }

  /**
   * Brings a stored review's section kinds up to date with the current rules (from its headings and
   * levels), so a review imported under older rules is read as a new import would be: a section
   * now known to set matters aside, for one, no longer gives themes. Two kinds are kept as stored: a
   * heading with words redacted on publishing no longer says what it said at import, and the
   * recommendations were taken from their sections at import and are tracked since. Returns how
   * many changed.
   */
  async refreshSectionKinds(db: Kysely<Database> | Transaction<Database>, reviewId: string): Promise<number> {
    const sections = await db
      .selectFrom('sections')
      .select(['id', 'heading', 'level', 'kind'])
      .where('review_id', '=', reviewId)
      .orderBy('seq')
      .execute();
    const rows = sections.map((s) => ({ ...s, level: Number(s.level), kind: s.kind as SectionKind }));
    const kinds = sectionKindsOf(rows, (s) => REDACTED.test(s.heading) || s.kind === 'recommendations');
    let changed = 0;
    for (const [i, s] of rows.entries()) {
      const kind = kinds[i];
      if (kind === undefined || kind === s.kind) continue;
      await db.updateTable('sections').set({ kind }).where('id', '=', s.id).execute();
      changed++;
    }
    return changed;
  }

  async knownSlugs(): Promise<Set<string>> {
    return new Set((await this.themes()).map((t) => t.slug));
  }
}
