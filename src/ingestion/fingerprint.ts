import { createHash } from 'node:crypto';

export function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Lower-case words without punctuation: the form in which two copies of one text are equal. */
export function normaliseForComparison(text: string): string[] {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’‘]/g, "'")
    .split(/[^a-z0-9']+/)
    .filter(Boolean);
}

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0; // signed 32-bit, fits an INTEGER column on both backends
}

export const SHINGLE_WORDS = 5;
/** Keep one shingle in SAMPLE_MOD (by hash): both texts keep the same ones, so overlap survives sampling. */
export const SAMPLE_MOD = 8;

/**
 * A sample of the text's five-word sequences, hashed. Two reports that share passages word for
 * word (an executive summary and its overview report) share many of these.
 */
export function shingleSample(words: string[]): number[] {
  const out = new Set<number>();
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) {
    const h = fnv1a(words.slice(i, i + SHINGLE_WORDS).join(' '));
    if (((h % SAMPLE_MOD) + SAMPLE_MOD) % SAMPLE_MOD === 0) out.add(h);
  }
  return [...out];
}
