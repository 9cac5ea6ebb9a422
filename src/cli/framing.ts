import fs from 'node:fs/promises';
import type { Command } from 'commander';
import { z } from 'zod';
import { evaluateFraming } from '../analysis/language/evaluate.js';
import { UsageError } from './context.js';

const lineSchema = z.object({
  id: z.string().min(1),
  text: z.string().min(1),
  label: z.enum(['hindsight', 'blame', 'systems', 'neutral']),
  note: z.string().optional(),
});

const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(7);

/** `slh eval framing <file>`: how well blame and hindsight language is told apart from systems language. */
export function registerFramingEval(program: Command): void {
  const evalCommand = program.commands.find((c) => c.name() === 'eval');
  if (!evalCommand) throw new Error('register the eval command first');
  evalCommand
    .command('framing')
    .description(
      'precision and recall of the blame, hindsight and systems patterns on lines of {"id","text","label"}',
    )
    .argument('<file>', 'a JSON Lines file')
    .option('--split <split>', 'train (ids ending 0-6), test (7-9) or all', 'all')
    .option('--json', 'print the figures as JSON')
    .option('--errors', 'list every passage read wrongly')
    .action(async (file: string, flags: { split: string; json?: boolean; errors?: boolean }) => {
      if (!['train', 'test', 'all'].includes(flags.split))
        throw new UsageError('--split must be train, test or all');
      const content = await fs.readFile(file, 'utf8').catch(() => {
        throw new UsageError(`${file}: no such file`);
      });
      const items = content
        .split('\n')
        .map((line, i) => ({ line, i }))
        .filter(({ line }) => line.trim())
        .map(({ line, i }) => {
          let raw: unknown;
          try {
            raw = JSON.parse(line);
          } catch {
            throw new UsageError(`${file} line ${i + 1}: not valid JSON`);
          }
          const parsed = lineSchema.safeParse(raw);
          if (!parsed.success)
            throw new UsageError(
              `${file} line ${i + 1}: ${parsed.error.issues[0]?.path.join('.') ?? ''}: ${parsed.error.issues[0]?.message ?? ''}`,
            );
          return parsed.data;
        })
        .filter((x) => flags.split === 'all' || (flags.split === 'train' ? /[0-6]$/ : /[7-9]$/).test(x.id));
      if (items.length === 0) throw new UsageError(`${file}: no items in the ${flags.split} split`);
      const e = evaluateFraming(items);
      if (flags.json) {
        process.stdout.write(`${JSON.stringify({ ...e, errors: flags.errors ? e.errors : undefined })}\n`);
        return;
      }
      process.stdout.write(
        `${e.items} passages, ${pct(e.accuracy).trim()} read as labelled\n${'label'.padEnd(12)}   n       P       R      F1\n`,
      );
      for (const [label, s] of [...Object.entries(e.labels), ['hindsight or blame', e.judging] as const])
        process.stdout.write(
          `${label.padEnd(18)} ${String(s.support).padStart(3)} ${pct(s.precision)} ${pct(s.recall)} ${pct(s.f1)}\n`,
        );
      if (flags.errors)
        for (const x of e.errors)
          process.stdout.write(
            `${x.id} ${x.label} read as ${x.predicted ?? ''} [${x.cue ?? ''}]: ${x.text}\n`,
          );
    });
}
