import fs from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from 'pino';
import type { Db } from '../db/index.js';
import { IngestError } from '../ingestion/errors.js';
import { SUPPORTED_EXTENSIONS } from '../ingestion/extract/index.js';
import { sha256 } from '../ingestion/fingerprint.js';
import { parseReview } from '../ingestion/parse-review.js';
import type { ParsedReview } from '../ingestion/parse-review.js';
import { AccountsRepository } from '../repositories/accounts-repository.js';
import { ReviewsRepository } from '../repositories/reviews-repository.js';
import type { NewReviewGraph } from '../repositories/reviews-repository.js';
import { AppError } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import type { ThemeService } from './theme-service.js';
import { storeReviewFigures } from './figures-service.js';
import type { SearchIndex } from '../search/search-index.js';
import { storeReviewTerms } from '../search/similar.js';
import type { FileStore } from '../storage/file-store.js';
import type { ReviewMetadataInput } from './review-metadata.js';

export interface ImportItem {
  path: string;
  /** metadata from a manifest row */
  metadata?: ReviewMetadataInput;
}

export interface ImportOutcome {
  imported: Array<{
    file: string;
    id: string;
    title: string;
    related?: Array<{ id: string; score: number }>;
  }>;
  skipped: Array<{ file: string; reason: string }>;
  failed: Array<{ file: string; error: string; code: string }>;
}

export interface ImportOptions {
  /** applied to every file, over the manifest and the guesses */
  overrides?: ReviewMetadataInput;
  onProgress?: (event: { done: number; total: number; file: string }) => void;
  /** called at points inside the write transaction; tests use it to kill the process mid-import */
  onTransactionStep?: (step: string, fileIndex: number) => void;
  /** imports between refreshes of the index and the planner's statistics during a load (2,000) */
  optimizeEvery?: number;
}

/** Near-duplicate: share at least this many sampled five-word sequences... */
const MIN_SHARED_SHINGLES = 8;
/** ...making up at least this share of the shorter text's sample. */
const MIN_CONTAINMENT = 0.3;

/** imports of at least this many reviews are followed by an index optimisation */
const BULK_IMPORT = 20;
/** during a load, how many imports between refreshes of the index and the planner's statistics */
const OPTIMIZE_EVERY = 2_000;

export class ImportService {
  private readonly reviews: ReviewsRepository;

  constructor(
    private readonly db: Db,
    private readonly files: FileStore,
    private readonly maxFileBytes: number,
    private readonly logger: Logger,
    /** in-process by default; the server passes a worker-thread pool */
    private readonly parse: (bytes: Uint8Array, fileName: string) => Promise<ParsedReview> = parseReview,
    /** indexed in the same transaction, so a review is searchable the moment its import finishes */
    private readonly searchIndex: SearchIndex | null = null,
    /** suggests themes, with evidence, in the same transaction */
    private readonly themes: ThemeService | null = null,
  ) {
    this.reviews = new ReviewsRepository(db.kysely);
  }

  /**
   * Lists the files to import: files as given, folders walked for supported types (others in a
   * folder are reported as skipped, not failed; hidden files are left alone).
   */
  async expand(
    paths: string[],
  ): Promise<{ items: ImportItem[]; skipped: ImportOutcome['skipped']; missing: string[] }> {
    const items: ImportItem[] = [];
    const skipped: ImportOutcome['skipped'] = [];
    const missing: string[] = [];
    const walk = async (dir: string) => {
      const entries = (await fs.readdir(dir, { withFileTypes: true })).sort((a, b) =>
        a.name.localeCompare(b.name),
      );
      for (const entry of entries) {
        if (entry.name.startsWith('.')) continue;
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) await walk(full);
        else if (entry.isFile()) {
          if (SUPPORTED_EXTENSIONS.includes(path.extname(entry.name).toLowerCase()))
            items.push({ path: full });
          else
            skipped.push({
              file: full,
              reason: `not a supported type (${path.extname(entry.name) || 'no extension'})`,
            });
        }
      }
    };
    for (const p of paths) {
      const full = path.resolve(p);
      const stat = await fs.stat(full).catch(() => null);
      if (!stat) missing.push(p);
      else if (stat.isDirectory()) await walk(full);
      else items.push({ path: full });
    }
    return { items, skipped, missing };
  }

  async importAll(items: ImportItem[], options: ImportOptions = {}): Promise<ImportOutcome> {
    const outcome: ImportOutcome = { imported: [], skipped: [], failed: [] };
    let index = 0;
    let optimizedAt = 0;
    for (const item of items) {
      const fileIndex = index++;
      const file = item.path;
      try {
        const result = await this.importOne(item, options, fileIndex);
        if (result.kind === 'imported')
          outcome.imported.push({
            file,
            id: result.id,
            title: result.title,
            ...(result.related.length ? { related: result.related } : {}),
          });
        else outcome.skipped.push({ file, reason: result.reason });
      } catch (err) {
        const known = err instanceof AppError;
        if (!known) this.logger.error({ err, file: path.basename(file) }, 'import failed unexpectedly');
        outcome.failed.push({
          file,
          code: known ? err.code : 'import_failed',
          error: known
            ? err.message
            : `${path.basename(file)} could not be imported: an unexpected error occurred (${(err as Error).name}).`,
        });
      }
      options.onProgress?.({ done: index, total: items.length, file });
      // A long load also refreshes the planner's statistics on the way. Where autovacuum is off,
      // PostgreSQL otherwise keeps the plans it made for a nearly empty library: each foreign-key
      // check reads every review (the search benchmark's fresh build ran at 22 reviews/s, not 70).
      if (
        outcome.imported.length - optimizedAt >= (options.optimizeEvery ?? OPTIMIZE_EVERY) &&
        index < items.length
      ) {
        optimizedAt = outcome.imported.length;
        await this.searchIndex?.optimize();
      }
    }
    // A bulk load leaves the index in many small segments; merging them keeps searches fast.
    if (outcome.imported.length >= BULK_IMPORT) await this.searchIndex?.optimize();
    return outcome;
  }

  private async readFile(filePath: string): Promise<Uint8Array> {
    const name = path.basename(filePath);
    const stat = await fs.stat(filePath).catch(() => null);
    if (!stat || !stat.isFile())
      throw new IngestError('file_unreadable', `${name} cannot be read: no such file.`);
    if (stat.size > this.maxFileBytes) {
      const mb = (n: number) => `${(n / 1048576).toFixed(1)} MB`;
      throw new IngestError(
        'file_too_large',
        `${name} is ${mb(stat.size)}; the largest file accepted is ${mb(this.maxFileBytes)} (SLH_MAX_FILE_MB).`,
      );
    }
    try {
      return await fs.readFile(filePath);
    } catch (err) {
      throw new IngestError(
        'file_unreadable',
        `${name} cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'}).`,
      );
    }
  }

  async importOne(
    item: ImportItem,
    options: ImportOptions = {},
    fileIndex = 0,
  ): Promise<
    | { kind: 'imported'; id: string; title: string; related: Array<{ id: string; score: number }> }
    | { kind: 'skipped'; reason: string; existingId?: string }
  > {
    const name = path.basename(item.path);
    const bytes = await this.readFile(item.path);
    return this.importBytes(bytes, name, { ...item.metadata, ...options.overrides }, (step) =>
      options.onTransactionStep?.(step, fileIndex),
    );
  }

  /** Reads, checks and stores one file; nothing is written unless all of it can be. */
  async importBytes(
    bytes: Uint8Array,
    name: string,
    metadata: ReviewMetadataInput,
    onStep?: (step: string) => void,
  ): Promise<
    | { kind: 'imported'; id: string; title: string; related: Array<{ id: string; score: number }> }
    | { kind: 'skipped'; reason: string; existingId?: string }
  > {
    const parsedName = path.basename(name);
    if (bytes.length > this.maxFileBytes) {
      throw new IngestError(
        'file_too_large',
        `${parsedName} is larger than the ${(this.maxFileBytes / 1048576).toFixed(0)} MB limit.`,
      );
    }
    const existing = await this.reviews.findDocumentBySha(sha256(bytes));
    if (existing)
      return {
        kind: 'skipped',
        reason: `already imported as review ${existing.reviewId} ("${existing.title}")`,
        existingId: existing.reviewId,
      };

    const parsed = await this.parse(bytes, parsedName);
    const sameText = await this.reviews.findByTextSha(parsed.textSha256);
    if (sameText)
      return {
        kind: 'skipped',
        reason: `same text as review ${sameText.id} ("${sameText.title}")`,
        existingId: sameText.id,
      };

    const id = newId();
    const related = await this.nearDuplicates(parsed);
    const graph = this.buildGraph(id, parsed, metadata, related);
    graph.review.partnership_id = await this.owner(metadata, graph.review.publishing_body ?? null);
    graph.document.storage_key = await this.files.put(parsed.fileSha256, bytes);
    try {
      const index = this.searchIndex;
      const themes = this.themes;
      const coder = themes ? await themes.coder() : null;
      await this.reviews.insertGraph(graph, onStep, async (trx, reviewId) => {
        await storeReviewTerms(trx, reviewId);
        if (index) await index.indexReview(trx, reviewId);
        if (themes && coder) await themes.codeReview(trx, reviewId, coder);
        await storeReviewFigures(trx, reviewId);
      });
    } catch (err) {
      // Another process imported the same file or text between our check and our write.
      const again =
        (await this.reviews.findDocumentBySha(parsed.fileSha256)) ??
        (await this.reviews.findByTextSha(parsed.textSha256));
      if (again) return { kind: 'skipped', reason: 'imported by another process at the same time' };
      throw err;
    }
    this.logger.info(
      { reviewId: id, passages: parsed.passages.length, mediaType: parsed.mediaType },
      'review imported',
    );
    return {
      kind: 'imported',
      id,
      title: graph.review.title,
      related: related.map((r) => ({ id: r.relatedId, score: r.score })),
    };
  }

  /** The partnership that owns a review: the one given, or the one named as its publishing body. */
  private async owner(metadata: ReviewMetadataInput, publishingBody: string | null): Promise<string | null> {
    const partnerships = new AccountsRepository(this.db.kysely);
    if (metadata.partnership) {
      if ((await partnerships.partnershipsExisting([metadata.partnership])).length === 0)
        throw new IngestError(
          'unknown_partnership',
          `There is no partnership with id ${metadata.partnership}.`,
        );
      return metadata.partnership;
    }
    return publishingBody ? partnerships.ensurePartnership(publishingBody, new Date().toISOString()) : null;
  }

  private async nearDuplicates(parsed: ParsedReview): Promise<NewReviewGraph['links']> {
    const candidates = await this.reviews.sharedShingles(parsed.shingles, MIN_SHARED_SHINGLES);
    const links: NewReviewGraph['links'] = [];
    for (const c of candidates) {
      const shorter = Math.min(parsed.shingles.length, c.total);
      const containment = shorter ? c.shared / shorter : 0;
      if (containment >= MIN_CONTAINMENT) {
        links.push({
          relatedId: c.reviewId,
          kind: 'near-duplicate',
          score: Math.round(containment * 1000) / 1000,
          detail: `${c.shared} of ${shorter} sampled five-word passages of the shorter text also appear in the other`,
        });
      }
    }
    return links;
  }

  private buildGraph(
    id: string,
    parsed: ParsedReview,
    given: ReviewMetadataInput,
    links: NewReviewGraph['links'],
  ): NewReviewGraph {
    const g = parsed.guessed;
    const provenance: Record<string, string> = {};
    const pick = <T>(
      field: string,
      value: T | undefined,
      guess: { value: T; reason: string } | undefined,
      fallback: T,
      fallbackReason: string,
    ): T => {
      if (value !== undefined) {
        provenance[field] = 'given';
        return value;
      }
      if (guess) {
        provenance[field] = `guessed: ${guess.reason}`;
        return guess.value;
      }
      provenance[field] = fallbackReason;
      return fallback;
    };
    const stem = path.basename(parsed.fileName, path.extname(parsed.fileName));
    const title = pick('title', given.title, g.title, stem, 'no title found: the file name');
    const reviewType = pick('type', given.type, g.reviewType, 'other', 'no review type found in the text');
    const publishedGiven = given.published ?? (given.year !== undefined ? String(given.year) : undefined);
    const publishedOn = pick<string | null>(
      'published',
      publishedGiven,
      g.publishedOn,
      null,
      'no publication date found',
    );
    const region = pick<string | null>('region', given.region, g.region, null, 'no region found');
    const nation = pick<string | null>(
      'nation',
      given.nation,
      g.nation,
      region ? 'England' : null,
      region ? 'from the region' : 'no nation found',
    );
    const now = new Date().toISOString();
    return {
      review: {
        id,
        title,
        review_type: reviewType,
        nation,
        region,
        publishing_body: pick<string | null>(
          'body',
          given.body,
          g.publishingBody,
          null,
          'no publishing body found',
        ),
        area: pick<string | null>('area', given.area, g.area, null, 'no area found'),
        published_on: publishedOn,
        published_year: publishedOn ? Number(publishedOn.slice(0, 4)) : null,
        incident_year: given.incident_year ?? null,
        subject: pick<string | null>('subject', given.subject, g.subject, null, 'not known'),
        age_band: given.age_band ?? null,
        status: given.status ?? 'published',
        visibility: given.visibility ?? 'public',
        pseudonym: given.pseudonym ?? null,
        text_sha256: parsed.textSha256,
        word_count: parsed.wordCount,
        page_count: parsed.pages,
        provenance: JSON.stringify(provenance),
        created_at: now,
        updated_at: now,
      },
      agencies: given.agencies ?? [],
      document: {
        id: newId(),
        file_name: parsed.fileName,
        media_type: parsed.mediaType,
        sha256: parsed.fileSha256,
        size_bytes: parsed.sizeBytes,
        pages: parsed.pages,
        storage_key: '',
        created_at: now,
        withdrawn_at: null,
      },
      sections: parsed.sections.map((s) => ({
        seq: s.seq,
        kind: s.kind,
        heading: s.heading,
        number: s.number,
        level: s.level,
        page: s.page,
      })),
      passages: parsed.passages.map((p) => ({
        seq: p.seq,
        sectionSeq: p.sectionSeq,
        paragraph: p.paragraph,
        page: p.page,
        kind: p.kind,
        text: p.text,
      })),
      recommendations: parsed.recommendations.map((r) => ({
        seq: r.seq,
        sectionSeq: r.sectionSeq,
        number: r.number,
        text: r.text,
        page: r.page,
      })),
      shingles: parsed.shingles,
      links,
    };
  }
}
