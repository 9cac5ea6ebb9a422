import fs from 'node:fs/promises';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { z } from 'zod';
import { AppError } from '../shared/errors.js';
import { formatZodError, reviewMetadataSchema } from './review-metadata.js';
import type { ReviewMetadataInput } from './review-metadata.js';

export interface ManifestEntry {
  /** absolute path of the file the row describes */
  path: string;
  metadata: ReviewMetadataInput;
}

export class ManifestError extends AppError {
  constructor(message: string) {
    super('manifest_invalid', message, 400);
  }
}

/** Columns that describe the demo corpus but are not review metadata. */
const IGNORED = new Set(['id', 'source', 'pair', 'format', 'notes']);

const LIST_FIELDS = new Set(['agencies', 'themes']);

function fromCsvRow(row: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(row)) {
    const value = raw.trim();
    if (value === '') continue;
    out[key] = LIST_FIELDS.has(key)
      ? value
          .split(/[;|]/)
          .map((v) => v.trim())
          .filter(Boolean)
      : value;
  }
  return out;
}

/**
 * Reads a manifest: a JSON array of objects or a CSV with a header row; one row per file, `file`
 * naming it relative to the manifest. Every problem is reported with its row number.
 */
export async function readManifest(manifestPath: string): Promise<ManifestEntry[]> {
  let text: string;
  try {
    text = await fs.readFile(manifestPath, 'utf8');
  } catch {
    throw new ManifestError(`Manifest ${manifestPath} cannot be read.`);
  }
  let rows: Array<Record<string, unknown>>;
  if (manifestPath.toLowerCase().endsWith('.json')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (err) {
      throw new ManifestError(`Manifest ${manifestPath} is not valid JSON: ${(err as Error).message}`);
    }
    const array = z.array(z.record(z.string(), z.unknown())).safeParse(parsed);
    if (!array.success)
      throw new ManifestError(`Manifest ${manifestPath} must be a JSON array of objects, one per file.`);
    rows = array.data;
  } else if (manifestPath.toLowerCase().endsWith('.csv')) {
    try {
      rows = (
        parseCsv(text, { columns: true, skip_empty_lines: true, bom: true, trim: true }) as Array<
          Record<string, string>
        >
      ).map(fromCsvRow);
    } catch (err) {
      throw new ManifestError(`Manifest ${manifestPath} is not valid CSV: ${(err as Error).message}`);
    }
  } else {
    throw new ManifestError(`Manifest ${manifestPath} must be a .json or .csv file.`);
  }
  const base = path.dirname(path.resolve(manifestPath));
  const seen = new Set<string>();
  return rows.map((row, index) => {
    const where = `Manifest ${path.basename(manifestPath)} row ${index + 1}`;
    const file = row['file'];
    if (typeof file !== 'string' || !file.trim()) throw new ManifestError(`${where}: "file" is missing.`);
    const metadataFields = Object.fromEntries(
      Object.entries(row).filter(([k]) => k !== 'file' && !IGNORED.has(k)),
    );
    const parsed = reviewMetadataSchema.safeParse(metadataFields);
    if (!parsed.success) throw new ManifestError(`${where} (${file}): ${formatZodError(parsed.error)}`);
    const full = path.resolve(base, file);
    if (seen.has(full)) throw new ManifestError(`${where}: ${file} is listed twice.`);
    seen.add(full);
    return { path: full, metadata: parsed.data };
  });
}
