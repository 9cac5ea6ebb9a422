import type { Command } from 'commander';
import { presentReview } from '../app/api/v1/reviews/presenter.js';
import { OPERATOR_ACCESS } from '../services/review-service.js';
import { NotFoundError } from '../shared/errors.js';
import { EXIT, UsageError, cliServices } from './context.js';

export function registerReviews(program: Command): void {
  const reviews = program.command('reviews').description('list and show the reviews in the library');

  reviews
    .command('list')
    .description('list reviews, newest publication first')
    .option('--limit <n>', 'how many to list (1-10000)', '50')
    .option('--json', 'print JSON: {"total", "results": [...]}')
    .action(async (flags: { limit: string; json?: boolean }) => {
      const limit = Number(flags.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 10000)
        throw new UsageError('--limit must be a whole number from 1 to 10000');
      const services = await cliServices(true);
      try {
        const page = await services.reviews.list(OPERATOR_ACCESS, {}, 1, limit);
        if (flags.json) {
          process.stdout.write(`${JSON.stringify({ total: page.total, results: page.results })}\n`);
          return;
        }
        for (const r of page.results) {
          process.stdout.write(
            `${r.id}  ${(r.published ?? '----').padEnd(10)}  ${r.type.padEnd(15)}  ${r.title}\n`,
          );
        }
        process.stdout.write(`${page.results.length} of ${page.total} reviews\n`);
      } finally {
        await services.close();
      }
    });

  reviews
    .command('show')
    .description('show one review: its metadata, sections and recommendations')
    .argument('<id>', 'the review id')
    .option('--json', 'print the whole review as JSON, passages included')
    .action(async (id: string, flags: { json?: boolean }) => {
      const services = await cliServices(true);
      try {
        const detail = await services.reviews.get(id, OPERATOR_ACCESS).catch((err: unknown) => {
          if (err instanceof NotFoundError) {
            process.stderr.write(`No review with id ${id}. Run "slh reviews list" to see the ids.\n`);
            process.exitCode = EXIT.failed;
            return null;
          }
          throw err;
        });
        if (!detail) return;
        const r = presentReview(detail);
        if (flags.json) {
          process.stdout.write(`${JSON.stringify(r)}\n`);
          return;
        }
        const line = (label: string, value: unknown) =>
          process.stdout.write(`${label.padEnd(14)}${value ?? '—'}\n`);
        line('Title', r.title);
        line('Id', r.id);
        line('Type', r.type);
        line('Nation', r.nation);
        line('Region', r.region);
        line('Body', r.body);
        line('Area', r.area);
        line('Published', r.published);
        line('Subject', r.subject);
        line('Visibility', r.visibility);
        line('Words', r.wordCount);
        line('Pages', r.pages);
        line('File', r.documents.map((d) => `${d.fileName} (${d.mediaType})`).join(', '));
        process.stdout.write(`\nSections (${r.sections.length}):\n`);
        for (const s of r.sections)
          process.stdout.write(
            `  ${'  '.repeat(Math.max(0, s.level - 1))}${s.number ? `${s.number} ` : ''}${s.heading} [${s.kind}]\n`,
          );
        process.stdout.write(`\nRecommendations (${r.recommendations.length}):\n`);
        for (const x of r.recommendations) process.stdout.write(`  ${x.number ?? '•'}. ${x.text}\n`);
        if (r.related.length) {
          process.stdout.write('\nRelated:\n');
          for (const l of r.related) process.stdout.write(`  ${l.id} ${l.kind} (${l.score}): ${l.title}\n`);
        }
        process.stdout.write(`\n${r.passages.length} passages\n`);
      } finally {
        await services.close();
      }
    });
}
