import path from 'node:path';
import type { Command } from 'commander';
import type { ImportItem, ImportOutcome } from '../services/import-service.js';
import { readManifest } from '../services/manifest.js';
import type { ManifestEntry } from '../services/manifest.js';
import { formatZodError, reviewMetadataSchema } from '../services/review-metadata.js';
import type { ReviewMetadataInput } from '../services/review-metadata.js';
import { AppError } from '../shared/errors.js';
import { EXIT, UsageError, cliServices } from './context.js';
import { progressBar } from './progress.js';

interface ImportFlags {
  type?: string;
  nation?: string;
  region?: string;
  body?: string;
  year?: string;
  restricted?: boolean;
  partnership?: string;
  manifest?: string;
  json?: boolean;
}

function overridesFrom(flags: ImportFlags): ReviewMetadataInput {
  const raw: Record<string, unknown> = {};
  if (flags.type !== undefined) raw['type'] = flags.type;
  if (flags.nation !== undefined) raw['nation'] = flags.nation;
  if (flags.region !== undefined) raw['region'] = flags.region;
  if (flags.body !== undefined) raw['body'] = flags.body;
  if (flags.year !== undefined) raw['year'] = flags.year;
  if (flags.restricted) raw['visibility'] = 'restricted';
  if (flags.partnership !== undefined) raw['partnership'] = flags.partnership;
  const parsed = reviewMetadataSchema.safeParse(raw);
  if (!parsed.success) throw new UsageError(formatZodError(parsed.error).replace(/^(\w+):/, '--$1:'));
  return parsed.data;
}

/**
 * Test-only fault injection: SLH_TEST_KILL_AT="<file index>:<step>" kills this process with
 * SIGKILL inside the write transaction, so tests can prove an interrupted import leaves nothing half-written.
 */
function killHook(): ((step: string, index: number) => void) | undefined {
  const spec = process.env['SLH_TEST_KILL_AT'];
  if (!spec) return undefined;
  const [index, step] = spec.split(':');
  return (s, i) => {
    if (String(i) === index && s === step) process.kill(process.pid, 'SIGKILL');
  };
}

function relative(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel.startsWith('..') ? file : rel;
}

function printHuman(outcome: ImportOutcome): void {
  for (const i of outcome.imported)
    process.stdout.write(`imported  ${relative(i.file)} → ${i.id} "${i.title}"\n`);
  for (const s of outcome.skipped) process.stdout.write(`skipped   ${relative(s.file)}: ${s.reason}\n`);
  for (const f of outcome.failed) process.stderr.write(`failed    ${relative(f.file)}: ${f.error}\n`);
  process.stdout.write(
    `${outcome.imported.length} imported, ${outcome.skipped.length} skipped, ${outcome.failed.length} failed\n`,
  );
}

export function registerImport(program: Command): void {
  program
    .command('import')
    .description('import review files (PDF, DOCX, HTML, Markdown, text) or folders of them')
    .argument('[paths...]', 'files or folders; with --manifest, defaults to the files it lists')
    .option(
      '--type <type>',
      'review type for every file (scr, cspr, sar, dhr, cpr, susr, scotland-review, cmr, rapid-review, other)',
    )
    .option('--nation <nation>', 'nation for every file')
    .option('--region <region>', 'English region for every file')
    .option('--body <body>', 'publishing body for every file')
    .option('--year <year>', 'publication year for every file')
    .option('--restricted', 'store the files as restricted material')
    .option('--partnership <id>', 'the partnership that owns the files (default: the publishing body)')
    .option('--manifest <file>', 'CSV or JSON with one row of metadata per file')
    .option('--json', 'print one JSON object with the outcome instead of text')
    .action(async (paths: string[], flags: ImportFlags) => {
      const overrides = overridesFrom(flags);
      let manifest: ManifestEntry[] = [];
      if (flags.manifest) {
        try {
          manifest = await readManifest(flags.manifest);
        } catch (err) {
          throw new UsageError(err instanceof AppError ? err.message : String(err));
        }
      }
      if (paths.length === 0 && manifest.length === 0)
        throw new UsageError('name at least one file or folder to import, or a --manifest');
      const services = await cliServices(true);
      try {
        let items: ImportItem[];
        const outcome: ImportOutcome = { imported: [], skipped: [], failed: [] };
        if (paths.length > 0) {
          const expanded = await services.importer.expand(paths);
          const byPath = new Map(manifest.map((m) => [m.path, m.metadata]));
          items = expanded.items.map((i) => {
            const metadata = byPath.get(i.path);
            return metadata ? { ...i, metadata } : i;
          });
          outcome.skipped.push(...expanded.skipped);
          for (const m of expanded.missing)
            outcome.failed.push({ file: m, code: 'file_unreadable', error: `${m}: no such file or folder` });
        } else {
          items = manifest.map((m) => ({ path: m.path, metadata: m.metadata }));
        }
        const bar = progressBar(!flags.json, 'Importing');
        const hook = killHook();
        const result = await services.importer.importAll(items, {
          overrides,
          onProgress: (e) => bar.update(e.done, e.total, e.file),
          ...(hook ? { onTransactionStep: hook } : {}),
        });
        bar.stop();
        outcome.imported.push(...result.imported);
        outcome.skipped.push(...result.skipped);
        outcome.failed.push(...result.failed);
        if (flags.json) {
          process.stdout.write(
            `${JSON.stringify({
              imported: outcome.imported.map((i) => ({
                file: i.file,
                id: i.id,
                title: i.title,
                ...(i.related ? { related: i.related } : {}),
              })),
              skipped: outcome.skipped,
              failed: outcome.failed.map((f) => ({ file: f.file, error: f.error, code: f.code })),
            })}\n`,
          );
        } else {
          printHuman(outcome);
        }
        process.exitCode = outcome.failed.length > 0 ? EXIT.failed : EXIT.ok;
      } finally {
        await services.close();
      }
    });
}
