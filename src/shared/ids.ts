import { randomBytes } from 'node:crypto';

const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

/** A random, URL-safe, unambiguous identifier (10 characters, about 50 bits). */
export function newId(): string {
  let id = '';
  for (const b of randomBytes(10)) id += ALPHABET[b % ALPHABET.length];
  return id;
}
