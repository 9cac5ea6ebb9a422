import type { Command } from 'commander';
import { FIGURES_VERSION } from '../analysis/language/figures.js';
import { cliServices } from './context.js';
import { progressBar } from './progress.js';

/** `slh figures recompute`: each review's stored readability and framing figures, computed again. */
export function registerFigures(program: Command): void {
  program
    .command('figures')
    .description("each review's stored readability and language figures (the /language dashboard)")
    .command('recompute')
    .description(
      "compute every review's figures again with the current rules (reviews whose full copy was withdrawn keep theirs); missing or outdated figures are also filled in whenever the service starts",
    )
    .option('--json', 'print {"reviews","version"}')
    .action(async (flags: { json?: boolean }) => {
      const services = await cliServices(true);
      try {
        const bar = progressBar(!flags.json, 'Computing');
        const reviews = await services.figures.recomputeAll((done, total) =>
          bar.update(done, total, `${done} of ${total}`),
        );
        bar.stop();
        process.stdout.write(
          flags.json
            ? `${JSON.stringify({ reviews, version: FIGURES_VERSION })}\n`
            : `computed the figures of ${reviews} review${reviews === 1 ? '' : 's'} (rules version ${FIGURES_VERSION})\n`,
        );
      } finally {
        await services.close();
      }
    });
}
