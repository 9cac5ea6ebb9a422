/**
 * The demo corpus imported into a throwaway embedded store (its files read as `npm start` reads
 * them: PDF, Word, HTML, text), with each review's passages as the theme coder reads them and the
 * themes its writer gave it in demo/manifest.json. For the themes benchmark and the fit of the
 * document decision (scripts/tune-themes.ts --documents).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import type { LocatedPassage } from '../../src/analysis/themes/coder.js';
import type { Applies } from '../../src/analysis/themes/types.js';
import { loadConfig } from '../../src/config.js';
import { loadDemoIfEmpty } from '../../src/services/demo-service.js';
import { createServices } from '../../src/services/index.js';
import type { Services } from '../../src/services/index.js';
import { OPERATOR_ACCESS } from '../../src/services/review-service.js';

export interface DemoDocument {
  reviewId: string;
  title: string;
  /** the writer's themes (demo/manifest.json), or null where it gives none */
  themes: string[] | null;
  applies: Applies;
  passages: LocatedPassage[];
}

export async function openDemoStore(): Promise<{
  services: Services;
  documents: DemoDocument[];
  close: () => Promise<void>;
}> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'slh-demo-store-'));
  const services = await createServices(
    { ...loadConfig(), databaseUrl: undefined, dataDir, logLevel: 'silent' },
    pino({ level: 'silent' }),
  );
  await loadDemoIfEmpty(services.reviews, services.importer);
  const manifest = JSON.parse(
    fs.readFileSync(new URL('../../demo/manifest.json', import.meta.url), 'utf8'),
  ) as Array<{ title: string; themes?: string[] }>;
  const documents: DemoDocument[] = [];
  for (const r of (await services.reviews.list(OPERATOR_ACCESS, {}, 1, 1000)).results) {
    const { passages, applies } = await services.themes.storedPassages(services.db.kysely, r.id);
    const themes = manifest.find((m) => m.title === r.title)?.themes ?? null;
    documents.push({ reviewId: r.id, title: r.title, themes, applies, passages });
  }
  return {
    services,
    documents,
    close: async () => {
      await services.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
