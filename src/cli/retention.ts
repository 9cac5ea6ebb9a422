import type { Command } from 'commander';
import { UsageError, cliServices } from './context.js';

/** `slh retention apply`: the retention job, to run daily (from cron or a scheduler). */
export function registerRetention(program: Command): void {
  program
    .command('retention')
    .description('the retention period for the full copies of published reports')
    .command('apply')
    .description(
      'withdraw the full copy of every published report older than the retention period (SLH_RETENTION_YEARS); the record, summary, recommendations and themes stay',
    )
    .option('--years <n>', 'use this period instead of SLH_RETENTION_YEARS')
    .option('--dry-run', 'list the reports that are due without changing anything')
    .option('--json', 'print JSON')
    .action(async (flags: { years?: string; dryRun?: boolean; json?: boolean }) => {
      const years = flags.years === undefined ? undefined : Number(flags.years);
      if (years !== undefined && (!Number.isInteger(years) || years < 1 || years > 100))
        throw new UsageError('--years must be a whole number from 1 to 100');
      const services = await cliServices(true);
      try {
        const period = years ?? services.config.retentionYears;
        const outcome = await services.retention.apply(period, new Date(), { dryRun: flags.dryRun === true });
        if (flags.json) {
          process.stdout.write(
            `${JSON.stringify({ years: period, dryRun: flags.dryRun === true, ...outcome })}\n`,
          );
          return;
        }
        if (period === 0) process.stdout.write('Retention is off (SLH_RETENTION_YEARS=0).\n');
        for (const r of outcome.due)
          process.stdout.write(`${r.id}  ${r.published ?? 'no date'}  ${r.title}\n`);
        process.stdout.write(
          flags.dryRun
            ? `${outcome.due.length} reports are past ${period} years and would be withdrawn\n`
            : `${outcome.withdrawn} full copies withdrawn after ${period} years\n`,
        );
      } finally {
        await services.close();
      }
    });
}
