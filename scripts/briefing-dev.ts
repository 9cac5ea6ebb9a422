/**
 * Looking at briefings while working on them (not a test): with a review id or theme:<slug>, prints
 * that briefing at a tier; with no argument, the reading ease of every demo review's briefing at
 * each tier, and their medians.
 *
 *   npx tsx scripts/briefing-dev.ts [<review id> | theme:<slug>] [tier] [discipline]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { spelledOut } from '../src/analysis/briefing/abbreviations.js';
import { TIERS } from '../src/analysis/briefing/types.js';
import type { Discipline, Tier } from '../src/analysis/briefing/types.js';
import { viewAt } from '../src/analysis/briefing/view.js';
import { loadConfig } from '../src/config.js';
import { loadDemoIfEmpty } from '../src/services/demo-service.js';
import { createServices } from '../src/services/index.js';
import { PUBLIC_ACCESS } from '../src/services/review-service.js';

const dataDir = path.join(os.tmpdir(), 'slh-briefing-dev');
fs.mkdirSync(dataDir, { recursive: true });
const s = await createServices({ ...loadConfig(), databaseUrl: undefined, dataDir, logLevel: 'silent' }, pino({ level: 'silent' }));
await loadDemoIfEmpty(s.reviews, s.importer);
const [which, tierArg, discipline] = process.argv.slice(2);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

if (!which) {
  const reviews = (await s.reviews.list(PUBLIC_ACCESS, {}, 1, 1000)).results;
  const ease: Record<Tier, number[]> = { universal: [], targeted: [], leadership: [] };
  for (const r of reviews) {
    const b = await s.briefings.forReview(r.id, PUBLIC_ACCESS);
    const row = TIERS.map((t) => {
      const v = viewAt(b, t, null);
      ease[t].push(v.readability.fleschReadingEase);
      return `${t} ${v.readability.fleschReadingEase.toFixed(0).padStart(3)} (${v.findings.length} findings, ${v.actions.reduce((n, g) => n + g.statements.length, 0)} actions)`;
    });
    process.stdout.write(`${r.id}  ${row.join('  ')}  ${r.title.slice(0, 50)}\n`);
  }
  for (const t of TIERS)
    process.stdout.write(`median ${t}: ${median(ease[t]).toFixed(1)}; at 60 or more: ${ease[t].filter((e) => e >= 60).length} of ${ease[t].length}\n`);
} else {
  const b = which.startsWith('theme:')
    ? await s.briefings.forTheme(which.slice(6), {}, PUBLIC_ACCESS)
    : await s.briefings.forReview(which, PUBLIC_ACCESS);
  const v = viewAt(b, (tierArg ?? 'universal') as Tier, (discipline as Discipline | undefined) ?? null);
  const seen = new Set<string>();
  const say = (x: { text: string; reason: string }) =>
    process.stdout.write(`  - ${spelledOut(x.text, b.abbreviations, seen)}\n      [${x.reason}]\n`);
  process.stdout.write(`${b.title} | ${b.scopeLine}\n`);
  for (const part of ['background', 'why', 'findings', 'questions'] as const) {
    process.stdout.write(`${part.toUpperCase()}\n`);
    v[part].forEach(say);
  }
  for (const g of v.actions) {
    process.stdout.write(`ACTIONS ${g.audience}\n`);
    g.statements.forEach(say);
  }
  process.stdout.write(`reading ease ${v.readability.fleschReadingEase.toFixed(1)}, ${v.readability.words} words\n`);
}
await s.close();
