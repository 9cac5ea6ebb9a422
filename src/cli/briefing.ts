import fs from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { exportBriefing } from '../services/briefings/export.js';
import { parseBriefingQuery } from '../services/briefings/query.js';
import { PUBLIC_ACCESS } from '../services/review-service.js';
import { ValidationError } from '../shared/errors.js';
import { UsageError, cliServices } from './context.js';

interface Flags {
  review?: string;
  theme?: string;
  tier?: string;
  discipline?: string;
  region?: string;
  type?: string;
  from?: string;
  to?: string;
  format?: string;
  out?: string;
}

/**
 * `slh briefing`: a 7-minute briefing on a review or a theme, as a file. It is built from reviews
 * published to everyone, as the briefing is made to be passed round.
 */
export function registerBriefing(program: Command): void {
  program
    .command('briefing')
    .description('write a 7-minute briefing on a review or a theme (from reviews published to everyone)')
    .option('--review <id>', 'the review')
    .option('--theme <slug>', 'the theme, across reviews')
    .option('--tier <tier>', 'universal, targeted or leadership', 'universal')
    .option(
      '--discipline <d>',
      'for the targeted tier: childrens-social-care, health, police, education, adult-social-care, housing or probation',
    )
    .option('--region <region>', 'theme briefings: reviews from this English region')
    .option('--type <type>', 'theme briefings: reviews of this type (scr, cspr, sar, dhr, ...)')
    .option('--from <year>', 'theme briefings: reviews published in or after this year')
    .option('--to <year>', 'theme briefings: reviews published in or before this year')
    .option('--format <format>', 'html, pdf, docx or json', 'html')
    .option('--out <file>', 'where to write it (html and json go to standard output without it)')
    .action(async (flags: Flags) => {
      if (!flags.review === !flags.theme) throw new UsageError('give one of --review <id> or --theme <slug>');
      if (flags.review && (flags.region || flags.type || flags.from || flags.to))
        throw new UsageError('--region, --type, --from and --to are for theme briefings');
      let q;
      try {
        q = parseBriefingQuery({
          tier: flags.tier,
          discipline: flags.discipline,
          format: flags.format,
          region: flags.region,
          type: flags.type,
          from: flags.from,
          to: flags.to,
        });
      } catch (err) {
        if (err instanceof ValidationError) throw new UsageError(err.message);
        throw err;
      }
      const format = q.format ?? 'html';
      if (!flags.out && (format === 'pdf' || format === 'docx'))
        throw new UsageError(`--out <file> is needed for ${format}`);
      const services = await cliServices(true);
      try {
        const briefing = flags.review
          ? await services.briefings.forReview(flags.review, PUBLIC_ACCESS)
          : await services.briefings.forTheme(flags.theme!, q.scope, PUBLIC_ACCESS);
        const file = await exportBriefing(
          briefing,
          q.tier,
          q.discipline,
          format,
          services.config.publicUrl.replace(/\/$/, ''),
        );
        if (!flags.out) {
          process.stdout.write(file.body);
          return;
        }
        // Written beside the target and renamed, so a failure never leaves half a file.
        const target = path.resolve(flags.out);
        const temp = `${target}.${process.pid}.part`;
        await fs.writeFile(temp, file.body).catch((err: NodeJS.ErrnoException) => {
          throw new UsageError(
            `cannot write ${flags.out}: ${err.code === 'ENOENT' ? 'no such folder' : (err.code ?? err.message)}`,
          );
        });
        await fs.rename(temp, target);
        process.stderr.write(
          `${briefing.title} (${q.tier}${q.discipline && q.tier === 'targeted' ? `, ${q.discipline}` : ''}): ${file.body.length.toLocaleString('en-GB')} bytes of ${format} written to ${flags.out}\n`,
        );
      } finally {
        await services.close();
      }
    });
}
