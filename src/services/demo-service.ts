import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ImportOutcome, ImportService } from './import-service.js';
import { readManifest } from './manifest.js';
import type { ReviewService } from './review-service.js';
import { OPERATOR_ACCESS } from './review-service.js';

/** The fictional demo corpus shipped in demo/ (found from this file, so it works from src/ and dist/). */
export function demoManifestPath(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  return path.resolve(here, '..', '..', 'demo', 'manifest.json');
}

/** Loads the demo corpus when the library is empty; returns null when there was nothing to do. */
export async function loadDemoIfEmpty(
  reviews: ReviewService,
  importer: ImportService,
  onProgress?: (event: { done: number; total: number; file: string }) => void,
): Promise<ImportOutcome | null> {
  if ((await reviews.count(OPERATOR_ACCESS)) > 0) return null;
  const entries = await readManifest(demoManifestPath());
  return importer.importAll(
    entries.map((e) => ({ path: e.path, metadata: e.metadata })),
    onProgress ? { onProgress } : {},
  );
}
