import fs from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { presentCodes } from '../analysis/themes/present.js';
import type { ThemeCode } from '../analysis/themes/types.js';
import { parseLabelled } from '../services/theme-service.js';
import { EXIT, UsageError, cliServices } from './context.js';
import { progressBar } from './progress.js';

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
              const themes = presentCodes(codes, { reasons: false });
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
    .description(
      "retrain the model from the labelled training files (demo/themes/train*.jsonl) and analysts' decisions",
    )
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

  const collectIndicator =
    (strength: 'strong' | 'weak') =>
    (value: string, previous: Array<{ match: 'regex'; text: string; strength: 'strong' | 'weak' }> = []) => [
      ...previous,
      { match: 'regex' as const, text: value, strength },
    ];
  const collect = (value: string, previous: string[] = []) => [...previous, value];
  type EditFlags = {
    label?: string;
    group?: string;
    applies?: string;
    definition?: string;
    strong?: Array<{ match: 'regex'; text: string; strength: 'strong' | 'weak' }>;
    weak?: Array<{ match: 'regex'; text: string; strength: 'strong' | 'weak' }>;
    remove?: string[];
    by?: string;
  };
  const themeFromFlags = (slug: string, flags: EditFlags) => ({
    slug,
    ...(flags.label ? { label: flags.label } : {}),
    ...(flags.group ? { group: flags.group } : {}),
    ...(flags.applies ? { applies: flags.applies.split(',').map((a) => a.trim()) } : {}),
    ...(flags.definition ? { definition: flags.definition } : {}),
    ...(flags.strong || flags.weak
      ? { addIndicators: [...(flags.strong ?? []), ...(flags.weak ?? [])] }
      : {}),
    ...(flags.remove ? { removeIndicators: flags.remove } : {}),
  });
  const withThemeOptions = (c: Command) =>
    c
      .option('--label <text>', 'what people read')
      .option('--group <group>', 'harm or protection')
      .option('--applies <list>', 'comma-separated: child, adult, domestic')
      .option('--definition <text>', 'what counts')
      .option(
        '--strong <regex>',
        'add a strong indicator (a regular expression; repeatable)',
        collectIndicator('strong'),
      )
      .option('--weak <regex>', 'add a weak indicator (repeatable)', collectIndicator('weak'))
      .option('--by <name>', 'who is making the change (kept in the history)');

  withThemeOptions(
    themes
      .command('add')
      .description('add a theme to the taxonomy')
      .argument('<slug>', 'a new slug, e.g. cost-of-living'),
  ).action(async (slug: string, flags: EditFlags) => {
    const services = await cliServices(true);
    try {
      const r = await services.themes.saveTheme(themeFromFlags(slug, flags), flags.by ?? '', 'add');
      process.stdout.write(
        `added ${r.slug} (version ${r.version}); run "slh themes recode" to code the library with it\n`,
      );
    } finally {
      await services.close();
    }
  });

  withThemeOptions(
    themes
      .command('edit')
      .description("change a theme's label, definition or indicators")
      .argument('<slug>', 'the theme'),
  )
    .option('--remove <text>', 'remove the indicator with this text (repeatable)', collect)
    .action(async (slug: string, flags: EditFlags) => {
      const services = await cliServices(true);
      try {
        const r = await services.themes.saveTheme(themeFromFlags(slug, flags), flags.by ?? '', 'edit');
        process.stdout.write(
          `${r.slug} is now version ${r.version}; run "slh themes recode" for the change to reach coded reviews\n`,
        );
      } finally {
        await services.close();
      }
    });

  themes
    .command('history')
    .description('every change to a theme: version, who, when, what')
    .argument('<slug>', 'the theme')
    .option('--json', 'print the changes as JSON')
    .action(async (slug: string, flags: { json?: boolean }) => {
      const services = await cliServices(true);
      try {
        const h = await services.themes.history(slug);
        if (flags.json) process.stdout.write(`${JSON.stringify(h)}\n`);
        else
          for (const c of h)
            process.stdout.write(`v${c.version} ${c.change} by ${c.changedBy} at ${c.changedAt}\n`);
      } finally {
        await services.close();
      }
    });

  themes
    .command('review')
    .description(
      "record an analyst's decision on a review's theme: confirm or reject a suggestion, or add a missed theme with its evidence",
    )
    .argument('<review-id>', 'the review')
    .argument('<slug>', 'the theme')
    .argument('<decision>', 'confirm, reject or add')
    .option('--evidence <sentence>', 'a sentence of the review that shows the theme (required for add)')
    .option('--by <name>', 'who is deciding')
    .action(
      async (reviewId: string, slug: string, decision: string, flags: { evidence?: string; by?: string }) => {
        if (!['confirm', 'reject', 'add'].includes(decision))
          throw new UsageError(`decision must be confirm, reject or add, not "${decision}"`);
        const services = await cliServices(true);
        try {
          await services.themes.decide(
            reviewId,
            slug,
            decision as 'confirm' | 'reject' | 'add',
            flags.by ?? '',
            flags.evidence,
          );
          const past = { confirm: 'confirmed', reject: 'rejected', add: 'added' }[
            decision as 'confirm' | 'reject' | 'add'
          ];
          process.stdout.write(`${reviewId} ${slug}: ${past} by ${flags.by}\n`);
        } finally {
          await services.close();
        }
      },
    );

  themes
    .command('agreement')
    .description('agreement between the coder and analysts, per theme')
    .option('--json', 'print the figures as JSON')
    .action(async (flags: { json?: boolean }) => {
      const services = await cliServices(true);
      try {
        const rows = await services.themes.agreement();
        if (flags.json) {
          process.stdout.write(`${JSON.stringify(rows)}\n`);
          return;
        }
        if (rows.length === 0) process.stdout.write('no analyst decisions yet\n');
        const show = (x: number | null) => (x === null ? '    –' : pct(x));
        for (const r of rows) {
          process.stdout.write(
            `${r.slug.padEnd(28)} confirmed ${r.confirmed}, rejected ${r.rejected}, added ${r.added}; precision ${show(r.precision)} recall ${show(r.recall)}\n`,
          );
        }
      } finally {
        await services.close();
      }
    });

  themes
    .command('recode')
    .description(
      're-code every review with the current taxonomy and model (a job several processes can share; --join helps a running one)',
    )
    .option('--join', 'work on the queued job without starting a new one')
    .action(async (flags: { join?: boolean }) => {
      const services = await cliServices(true);
      try {
        if (!flags.join) {
          const started = await services.themes.startRecode();
          process.stderr.write(`re-coding ${started.reviews} reviews\n`);
        }
        const bar = progressBar(true, 're-coding');
        const coded = await services.themes.workRecode(`pid-${process.pid}`, (done, total) =>
          bar.update(done, total, ''),
        );
        bar.stop();
        const p = await services.themes.recodeProgress();
        process.stdout.write(`re-coded ${coded} reviews in this process; ${p.done} of ${p.total} done\n`);
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
