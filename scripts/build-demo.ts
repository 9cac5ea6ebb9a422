/**
 * Builds the demo corpus: turns demo/source/*.md into the PDF and DOCX files that demo/manifest.json
 * names, and merges the writers' manifests (demo/manifest/*.json) into demo/manifest.json.
 * Run with `npm run demo:build`; the outputs are committed so `npm start` needs no build step.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { markdownToDocx, markdownToPdf } from './lib/render.js';

const root = path.resolve(import.meta.dirname, '..', 'demo');

interface Entry {
  id: string;
  file: string;
  source?: string;
  body?: string;
  [key: string]: unknown;
}

const parts = (await fs.readdir(path.join(root, 'manifest'))).filter((f) => f.endsWith('.json')).sort();
const entries: Entry[] = [];
for (const part of parts) {
  entries.push(...(JSON.parse(await fs.readFile(path.join(root, 'manifest', part), 'utf8')) as Entry[]));
}
entries.sort((a, b) => a.id.localeCompare(b.id));

let built = 0;
for (const [i, entry] of entries.entries()) {
  if (!entry.source) continue;
  const markdown = await fs.readFile(path.join(root, 'source', entry.source), 'utf8');
  const target = path.join(root, 'reviews', entry.file);
  // Vary the furniture as real reports vary: some have running heads, some plain page numbers.
  const footer = i % 3 === 0 ? 'number' : 'page-of';
  const runningHead = i % 2 === 0 ? `${entry.body ?? ''} — OFFICIAL` : `FICTIONAL DEMONSTRATION DOCUMENT`;
  const bytes = entry.file.endsWith('.pdf')
    ? await markdownToPdf(markdown, { runningHead, footer, hyphenate: i % 2 === 1 })
    : await markdownToDocx(markdown, { runningHead });
  await fs.writeFile(target, bytes);
  built++;
}
const manifest = entries.map((e) => ({
  ...Object.fromEntries(Object.entries(e).filter(([k]) => k !== 'source')),
  file: `reviews/${e.file}`,
}));
await fs.writeFile(path.join(root, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
process.stdout.write(`built ${built} PDF/DOCX files; manifest.json lists ${entries.length} reviews\n`);
