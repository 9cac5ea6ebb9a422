import { extract } from './extract/index.js';
import type { ExtractOptions } from './extract/index.js';
import { normaliseForComparison, sha256, shingleSample } from './fingerprint.js';
import { guessMetadata } from './metadata.js';
import type { GuessedMetadata } from './metadata.js';
import type { MediaType } from './model.js';
import { segment } from './segment.js';
import type { Segmented } from './segment.js';

/** Everything the library keeps from one file, worked out before anything is written. */
export interface ParsedReview extends Segmented {
  fileName: string;
  mediaType: MediaType;
  fileSha256: string;
  sizeBytes: number;
  pages: number | null;
  textSha256: string;
  wordCount: number;
  shingles: number[];
  guessed: GuessedMetadata;
}

export async function parseReview(bytes: Uint8Array, fileName: string, options: ExtractOptions = {}): Promise<ParsedReview> {
  const extracted = await extract(bytes, fileName, options);
  const segmented = segment(extracted.blocks);
  const words = normaliseForComparison(segmented.passages.map((p) => p.text).join('\n'));
  return {
    ...segmented,
    fileName,
    mediaType: extracted.mediaType,
    fileSha256: sha256(bytes),
    sizeBytes: bytes.length,
    pages: extracted.pages,
    textSha256: sha256(words.join(' ')),
    wordCount: words.length,
    shingles: shingleSample(words),
    guessed: guessMetadata(extracted.blocks),
  };
}
