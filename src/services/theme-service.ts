import fs from 'node:fs/promises';
import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import { ThemeCoder } from '../analysis/themes/coder.js';
import type { LocatedPassage } from '../analysis/themes/coder.js';
import { evaluate } from '../analysis/themes/evaluate.js';
import type { Evaluation } from '../analysis/themes/evaluate.js';
import { SEED_INDICATORS } from '../analysis/themes/indicators.js';
import { trainModel } from '../analysis/themes/model.js';
import type { LabelledText, ThemeModel } from '../analysis/themes/model.js';
import { TAXONOMY_VERSION_1 } from '../analysis/themes/taxonomy.js';
import type { Applies, Theme, ThemeCode } from '../analysis/themes/types.js';
import type { Database } from '../db/types.js';
import { parseReview } from '../ingestion/parse-review.js';
import type { ParsedReview } from '../ingestion/parse-review.js';
import { ThemesRepository } from '../repositories/themes-repository.js';
import type { StoredCode } from '../repositories/themes-repository.js';
import { ValidationError } from '../shared/errors.js';

/** The labelled set we wrote: its train split is what a new library's model learns from. */
export const LABELLED_TRAIN = new URL('../../demo/themes/train.jsonl', import.meta.url);
export const LABELLED_TEST = new URL('../../demo/themes/test.jsonl', import.meta.url);

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

const REVIEW_TYPE_APPLIES: Record<string, Applies> = { sar: 'adult', dhr: 'domestic' };

/**
 * Theme coding as a service: the taxonomy the library keeps (seeded from the national reference),
 * the coder built from it and the latest trained model, coding of imported reviews, classification
 * of any text or file without storing it, training and evaluation.
 */
export class ThemeService {
  private readonly repo: ThemesRepository;
  private cached: { stamp: string; coder: ThemeCoder; themes: Theme[] } | null = null;

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
    await this.repo.seedIfEmpty(TAXONOMY_VERSION_1, SEED_INDICATORS);
    if (!(await this.repo.latestModel())) await this.train();
    const stamp = await this.repo.stamp();
    if (this.cached?.stamp === stamp) return this.cached;
    const themes = await this.repo.list();
    const stored = await this.repo.latestModel();
    const model = stored ? (JSON.parse(stored.model) as ThemeModel) : null;
    this.cached = { stamp, themes, coder: new ThemeCoder(themes, model) };
    return this.cached;
  }

  /** Codes plain text (paragraphs separated by blank lines); nothing is stored. */
  async classifyText(text: string): Promise<ThemeCode[]> {
    if (!text.trim()) throw new ValidationError('The text is empty: give the words to classify.');
    return (await this.current()).coder.codeText(text);
  }

  /** Reads a file (PDF, DOCX, HTML, Markdown, text) as an import would and codes it; nothing is stored. */
  async classifyFile(bytes: Uint8Array, fileName: string): Promise<ThemeCode[]> {
    const parsed = await this.parse(bytes, fileName);
    const sections = new Map(parsed.sections.map((s) => [s.seq, s]));
    const passages: LocatedPassage[] = parsed.passages.map((p) => {
      const section = sections.get(p.sectionSeq);
      return {
        text: p.text,
        section: section?.heading ?? null,
        sectionKind: section?.kind ?? null,
        paragraph: p.paragraph,
        page: p.page,
      };
    });
    return (await this.current()).coder.code(passages);
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
    const applies: Applies =
      REVIEW_TYPE_APPLIES[review.review_type] ?? (review.subject === 'adult' ? 'adult' : 'child');
    const codes = coder.code(
      rows.map((r) => ({
        text: r.text,
        section: r.heading,
        sectionKind: r.kind,
        paragraph: r.paragraph,
        page: r.page === null ? null : Number(r.page),
      })),
      applies,
    );
    await this.repo.storeSuggestions(db, reviewId, codes);
    return codes;
  }

  codesFor(reviewId: string): Promise<StoredCode[]> {
    return this.repo.codesFor(reviewId);
  }

  /**
   * Trains a new model from the labelled set's train split and analysts' decisions (the evidence
   * of confirmed and added codes as examples of their theme, of rejected ones as counter-examples).
   */
  async train(): Promise<{ examples: number; source: string }> {
    const known = new Set((await this.repo.list()).map((t) => t.slug));
    const labelled = parseLabelled(
      await fs.readFile(LABELLED_TRAIN, 'utf8'),
      'demo/themes/train.jsonl',
      known,
    );
    const examples: LabelledText[] = labelled.map((i) => ({ text: i.text, themes: i.themes }));
    const decisions = await this.repo.decisions();
    for (const d of decisions) {
      for (const e of d.evidence)
        examples.push({ text: e.text, themes: d.status === 'rejected' ? [] : [d.slug] });
    }
    const model = trainModel(examples, [...known]);
    const source = `labelled set train split (${labelled.length})${decisions.length ? ` + ${decisions.length} analyst decisions` : ''}`;
    await this.repo.saveModel(JSON.stringify(model), examples.length, source);
    return { examples: examples.length, source };
  }

  /** Per-theme precision, recall and F1 of the current coder on labelled items. */
  async evaluate(items: LabelledItem[]): Promise<Evaluation> {
    const { coder, themes } = await this.current();
    const predicted = items.map((i) => ({ themes: coder.codeText(i.text).map((c) => c.slug) }));
    return evaluate(
      items,
      predicted,
      themes.map((t) => t.slug),
    );
  }

  async knownSlugs(): Promise<Set<string>> {
    return new Set((await this.themes()).map((t) => t.slug));
  }
}
