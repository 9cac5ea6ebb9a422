import { randomBytes } from 'node:crypto';

const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

/** A random, URL-safe, unambiguous identifier (10 characters, about 50 bits). */
export function newId(): string {
  let id = '';
  for (const b of randomBytes(10)) id += ALPHABET[b % ALPHABET.length];
  return id;
}

/** A stable, readable identifier for a partnership: its name in lower case with hyphens. */
export function partnershipSlug(name: string): string {
  return (
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/&/g, ' and ')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'partnership'
  );
}
