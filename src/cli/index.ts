#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import { ConfigError } from '../config.js';
import { AppError } from '../shared/errors.js';
import { VERSION } from '../version.js';
import { EXIT, UsageError } from './context.js';
import { registerAnonymisationEval } from './anonymisation.js';
import { registerBriefing } from './briefing.js';
import { registerFigures } from './figures.js';
import { registerFramingEval } from './framing.js';
import { registerGlossary } from './glossary.js';
import { registerImport } from './import.js';
import { registerRetention } from './retention.js';
import { registerReviews } from './reviews.js';
import { registerSearch } from './search.js';
import { registerServe } from './serve.js';
import { registerThemes } from './themes.js';
import { registerUsers } from './users.js';

const program = new Command()
  .name('slh')
  .description('Safeguarding Learning Hub: the library of safeguarding case reviews')
  .version(VERSION)
  .exitOverride()
  .showHelpAfterError('(run "slh --help" for usage)');

registerServe(program);
registerImport(program);
registerReviews(program);
registerSearch(program);
registerThemes(program);
registerAnonymisationEval(program);
registerFramingEval(program);
registerGlossary(program);
registerUsers(program);
registerRetention(program);
registerBriefing(program);
registerFigures(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) {
    // Help and version are not errors; everything else commander rejects is a usage error.
    process.exitCode = err.exitCode === 0 ? EXIT.ok : EXIT.usage;
  } else if (err instanceof UsageError || err instanceof ConfigError) {
    process.stderr.write(`slh: ${err.message}\n`);
    process.exitCode = EXIT.usage;
  } else if (err instanceof AppError) {
    process.stderr.write(`slh: ${err.message}\n`);
    process.exitCode = EXIT.failed;
  } else {
    process.stderr.write(`slh: unexpected error: ${(err as Error).message}\n`);
    process.exitCode = EXIT.failed;
  }
}
