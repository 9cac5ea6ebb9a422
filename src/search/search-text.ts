import { normaliseSpellings } from './glossary.js';

/**
 * The form of a passage that goes into the index: accents folded (PostgreSQL's english configuration
 * keeps them, FTS5 removes them — fold here so both agree with the folded query) and British and
 * American spellings made one.
 */
export function searchText(text: string): string {
  return normaliseSpellings(text.normalize('NFKD').replace(/[\u0300-\u036f]/g, ''));
}
