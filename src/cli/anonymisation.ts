import fs from 'node:fs/promises';
import type { Command } from 'commander';
import { z } from 'zod';
import { evaluate } from '../analysis/anonymisation/evaluate.js';
import type { EvaluationItem } from '../analysis/anonymisation/evaluate.js';
import { FINDING_KINDS } from '../analysis/anonymisation/types.js';
import type { FindingKind } from '../analysis/anonymisation/types.js';
import { UsageError } from './context.js';

const lineSchema = z
  .object({
    id: z.string().min(1),
    text: z.string(),
    findings: z.array(
      z.object({
        kind: z.enum(FINDING_KINDS as [FindingKind, ...FindingKind[]]),
        text: z.string().min(1),
      }),
    ),
  })
  .strict();

/** Lines of {"id","text","findings":[{"kind","text"}]}; a bad line is reported with its number. */
export function parsePlanted(content: string, name: string): EvaluationItem[] {
  const items: EvaluationItem[] = [];
  content.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch {
      throw new UsageError(`${name} line ${i + 1}: not valid JSON`);
    }
    const parsed = lineSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new UsageError(
        `${name} line ${i + 1}: ${issue?.path.join('.') || 'line'}: ${issue?.message ?? 'invalid'}`,
      );
    }
    items.push(parsed.data);
  });
  if (items.length === 0) throw new UsageError(`${name}: no items`);
  return items;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(7);

/** `slh eval anonymisation <file>`: recall per kind and false positives per 1,000 words. */
export function registerAnonymisationEval(program: Command): void {
  const evalCommand = program.commands.find((c) => c.name() === 'eval');
  if (!evalCommand) throw new Error('register the eval command first');
  evalCommand
    .command('anonymisation')
    .description(
      'recall per kind of personal data and false positives per 1,000 words, on lines of {"id","text","findings":[{"kind","text"}]}',
    )
    .argument('<file>', 'a JSON Lines file')
    .option('--json', 'print the figures as JSON')
    .option('--errors', 'list every miss and false positive')
    .action(async (file: string, flags: { json?: boolean; errors?: boolean }) => {
      const content = await fs.readFile(file, 'utf8').catch(() => {
        throw new UsageError(`${file}: no such file`);
      });
      const items = parsePlanted(content, file);
      const started = performance.now();
      const e = evaluate(items);
      const ms = performance.now() - started;
      if (flags.json) {
        process.stdout.write(`${JSON.stringify({ ...e, ms: Math.round(ms) })}\n`);
        return;
      }
      process.stdout.write(`${e.items} texts, ${e.words} words, checked in ${Math.round(ms)} ms\n`);
      process.stdout.write(`${'kind'.padEnd(10)} expected  found  recall  false positives\n`);
      for (const kind of FINDING_KINDS) {
        const k = e.byKind[kind];
        if (k.expected + k.falsePositives === 0) continue;
        process.stdout.write(
          `${kind.padEnd(10)} ${String(k.expected).padStart(8)} ${String(k.found).padStart(6)} ${pct(k.recall)} ${String(k.falsePositives).padStart(16)}\n`,
        );
      }
      process.stdout.write(
        `${'all'.padEnd(10)} ${String(e.expected).padStart(8)} ${String(e.found).padStart(6)} ${pct(e.recall)} ${String(e.falsePositives).padStart(16)}\n`,
      );
      process.stdout.write(`false positives per 1,000 words: ${e.falsePositivesPer1000Words.toFixed(2)}\n`);
      if (flags.errors) {
        for (const m of e.misses) process.stdout.write(`missed         ${m.id} ${m.kind}: ${m.text}\n`);
        for (const f of e.falsePositiveCases)
          process.stdout.write(`false positive ${f.id} ${f.kind}: ${f.text} (${f.reason ?? ''})\n`);
      }
    });
}
