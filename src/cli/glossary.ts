import type { Command } from 'commander';
import { UsageError, cliServices } from './context.js';

/** The acronyms search expands (CSE ↔ child sexual exploitation): list and change them. */
export function registerGlossary(program: Command): void {
  const glossary = program.command('glossary').description('the acronyms search matches to their expansions');

  glossary
    .command('list')
    .description('every acronym, its expansions and who last changed it')
    .option('--json', 'print the glossary as JSON')
    .action(async (flags: { json?: boolean }) => {
      const services = await cliServices(true);
      try {
        const rows = await services.search.glossaryTable();
        if (flags.json) process.stdout.write(`${JSON.stringify(rows)}\n`);
        else
          for (const r of rows)
            process.stdout.write(
              `${r.acronym.padEnd(10)} ${r.expansions.join(' | ')}${r.capitalsOnly ? ' (capitals only)' : ''}  [${r.source}]\n`,
            );
      } finally {
        await services.close();
      }
    });

  glossary
    .command('set')
    .description('add an acronym or change its expansions; searches use it at once')
    .argument('<acronym>', 'as people write it, e.g. VAWG')
    .argument('<expansions...>', 'what it stands for, one argument each')
    .option(
      '--capitals-only',
      'only read it as the acronym when typed in capitals (it is also an ordinary word)',
    )
    .option('--by <name>', 'who is making the change')
    .action(async (acronym: string, expansions: string[], flags: { capitalsOnly?: boolean; by?: string }) => {
      const services = await cliServices(true);
      try {
        await services.search.setGlossaryEntry(
          acronym,
          expansions,
          flags.capitalsOnly === true,
          flags.by ?? '',
        );
        process.stdout.write(`${acronym}: ${expansions.join(' | ')}\n`);
      } finally {
        await services.close();
      }
    });

  glossary
    .command('remove')
    .description('remove an acronym from the glossary')
    .argument('<acronym>', 'the acronym')
    .action(async (acronym: string) => {
      const services = await cliServices(true);
      try {
        if (!(await services.search.removeGlossaryEntry(acronym)))
          throw new UsageError(`"${acronym}" is not in the glossary`);
        process.stdout.write(`removed ${acronym}\n`);
      } finally {
        await services.close();
      }
    });
}
