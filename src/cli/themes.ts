import fs from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import type { ThemeCode } from '../analysis/themes/types.js';
import { parseLabelled } from '../services/theme-service.js';
import { EXIT, UsageError, cliServices } from './context.js';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function printCodes(file: string, codes: ThemeCode[]): void {
  process.stdout.write(`${file}: ${codes.length ? '' : 'no themes found'}\n`);
  for (const c of codes) {
    process.stdout.write(`  ${c.label} (${c.slug}) ${Math.round(c.confidence * 100)}%\n`);
    for (const e of c.evidence) {
      const where = [e.section, e.paragraph ? `para ${e.paragraph}` : null, e.page ? `p. ${e.page}` : null]
        .filter(Boolean)
        .join(', ');
      process.stdout.write(
        `    “${e.text.length > 160 ? `${e.text.slice(0, 157)}…` : e.text}”${where ? ` (${where})` : ''} — ${e.reason}\n`,
      );
    }
  }
}

const pct = (x: number) => `${(x * 100).toFixed(1)}`.padStart(5);

export function registerThemes(program: Command): void {
  const themes = program
    .command('themes')
    .description('key themes: classify text, train the model, list the taxonomy');

  themes
    .command('classify')
    .description(
      'code text or files against the themes without storing anything ("-" reads plain text from stdin)',
    )
    .argument('<files...>', 'files (PDF, DOCX, HTML, Markdown, text) or - for stdin')
    .option(
      '--json',
      'one JSON line per input: {"file","themes":[{"slug","label","confidence","evidence":[...]}]}',
    )
    .action(async (files: string[], flags: { json?: boolean }) => {
      const services = await cliServices(true);
      let failed = false;
      try {
        for (const file of files) {
          try {
            const codes =
              file === '-'
                ? await services.themes.classifyText(await readStdin())
                : await services.themes.classifyFile(
                    await fs.readFile(file).catch(() => {
                      throw new UsageError(`${file}: no such file`);
                    }),
                    path.basename(file),
                  );
            if (flags.json) {
              const themes = codes.map((c) => ({
                slug: c.slug,
                label: c.label,
                confidence: c.confidence,
                evidence: c.evidence.map((e) => ({
                  text: e.text,
                  section: e.section,
                  paragraph: e.paragraph,
                  page: e.page,
                })),
              }));
              process.stdout.write(`${JSON.stringify({ file, themes })}\n`);
            } else printCodes(file, codes);
          } catch (err) {
            if (err instanceof UsageError) throw err;
            failed = true;
            const message = (err as Error).message;
            if (flags.json) process.stdout.write(`${JSON.stringify({ file, error: message })}\n`);
            else process.stderr.write(`slh: ${file}: ${message}\n`);
          }
        }
      } finally {
        await services.close();
      }
      if (failed) process.exitCode = EXIT.failed;
    });

  themes
    .command('train')
    .description("retrain the model from the labelled set's train split and analysts' decisions")
    .action(async () => {
      const services = await cliServices(true);
      try {
        const r = await services.themes.train();
        process.stdout.write(`trained on ${r.examples} examples: ${r.source}\n`);
      } finally {
        await services.close();
      }
    });

  themes
    .command('list')
    .description('the taxonomy: slug, label and group of each theme')
    .action(async () => {
      const services = await cliServices(true);
      try {
        for (const t of await services.themes.themes())
          process.stdout.write(`${t.slug.padEnd(28)} ${t.group.padEnd(11)} ${t.label}\n`);
      } finally {
        await services.close();
      }
    });

  program
    .command('eval')
    .description('measure automatic coding against labelled data')
    .command('themes')
    .description(
      'per-theme precision, recall and F1, and micro and macro averages, on lines of {"id","text","themes":[slugs]}',
    )
    .argument('<file>', 'a JSON Lines file')
    .option('--json', 'print the figures as JSON')
    .action(async (file: string, flags: { json?: boolean }) => {
      const content = await fs.readFile(file, 'utf8').catch(() => {
        throw new UsageError(`${file}: no such file`);
      });
      const services = await cliServices(true);
      try {
        const items = parseLabelled(content, path.basename(file), await services.themes.knownSlugs());
        const e = await services.themes.evaluate(items);
        if (flags.json) {
          process.stdout.write(`${JSON.stringify(e)}\n`);
          return;
        }
        process.stdout.write(`${e.items} items\n${'theme'.padEnd(28)}   n     P     R    F1\n`);
        for (const r of e.themes.filter((t) => t.support + t.fp > 0)) {
          process.stdout.write(
            `${r.slug.padEnd(28)} ${String(r.support).padStart(3)} ${pct(r.precision)} ${pct(r.recall)} ${pct(r.f1)}\n`,
          );
        }
        process.stdout.write(
          `${'micro average'.padEnd(28)}     ${pct(e.micro.precision)} ${pct(e.micro.recall)} ${pct(e.micro.f1)}\n`,
        );
        process.stdout.write(
          `${'macro average'.padEnd(28)}     ${pct(e.macro.precision)} ${pct(e.macro.recall)} ${pct(e.macro.f1)}\n`,
        );
      } finally {
        await services.close();
      }
    });
}
