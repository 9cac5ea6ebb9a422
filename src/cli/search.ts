import type { Command } from 'commander';
import { REVIEW_TYPES } from '../ingestion/metadata.js';
import { OPERATOR_ACCESS } from '../services/review-service.js';
import { AGE_BANDS } from '../services/review-metadata.js';
import { EXIT, UsageError, cliServices } from './context.js';
import { progressBar } from './progress.js';

interface SearchFlags {
  type?: string[];
  nation?: string[];
  region?: string[];
  subject?: string[];
  age?: string[];
  area?: string[];
  agency?: string[];
  theme?: string[];
  from?: string;
  to?: string;
  view: string;
  sort: string;
  page: string;
  limit: string;
  json?: boolean;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

function year(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1900 || n > 2100)
    throw new UsageError(`${flag} must be a year between 1900 and 2100`);
  return n;
}

export function registerSearch(program: Command): void {
  program
    .command('search')
    .description('search the library ("slh search reindex" rebuilds the search index)')
    .argument('<query...>', 'words, "exact phrases", -excluded, OR')
    .option('--type <type>', 'review type (repeatable)', collect)
    .option('--nation <nation>', 'nation (repeatable)', collect)
    .option('--region <region>', 'English region (repeatable)', collect)
    .option('--subject <subject>', 'child or adult (repeatable)', collect)
    .option('--age <band>', `age band: ${AGE_BANDS.join(', ')} (repeatable)`, collect)
    .option('--area <area>', 'publishing area, e.g. Leeds (repeatable)', collect)
    .option('--agency <agency>', 'agency involved, e.g. police (repeatable)', collect)
    .option('--theme <slug>', 'key theme, e.g. domestic-abuse (repeatable; "slh themes list" lists them)', collect)
    .option('--from <year>', 'published in or after')
    .option('--to <year>', 'published in or before')
    .option('--view <view>', 'reviews or passages', 'reviews')
    .option('--sort <sort>', 'relevance or date', 'relevance')
    .option('--page <n>', 'page of results', '1')
    .option('--limit <n>', 'results per page (1-100)', '10')
    .option('--json', 'print {"total","results":[...],"facets":{...}}')
    .action(async (words: string[], flags: SearchFlags) => {
      if (words.length === 1 && words[0] === 'reindex') return reindex();
      if (!['reviews', 'passages'].includes(flags.view))
        throw new UsageError('--view must be reviews or passages');
      if (!['relevance', 'date'].includes(flags.sort))
        throw new UsageError('--sort must be relevance or date');
      const bad = (flags.type ?? []).find((t) => !(REVIEW_TYPES as readonly string[]).includes(t));
      if (bad)
        throw new UsageError(
          `--type: "${bad}" is not a known review type; use one of: ${REVIEW_TYPES.join(', ')}`,
        );
      const badAge = (flags.age ?? []).find((a) => !(AGE_BANDS as readonly string[]).includes(a));
      if (badAge)
        throw new UsageError(`--age: "${badAge}" is not an age band; use one of: ${AGE_BANDS.join(', ')}`);
      const page = Number(flags.page);
      const limit = Number(flags.limit);
      if (!Number.isInteger(page) || page < 1) throw new UsageError('--page must be a whole number from 1');
      if (!Number.isInteger(limit) || limit < 1 || limit > 100)
        throw new UsageError('--limit must be a whole number from 1 to 100');
      const yearFrom = year(flags.from, '--from');
      const yearTo = year(flags.to, '--to');
      const services = await cliServices(true);
      try {
        const response = await services.search.search(
          {
            q: words.join(' '),
            filter: {
              ...(flags.type ? { types: flags.type } : {}),
              ...(flags.nation ? { nations: flags.nation } : {}),
              ...(flags.region ? { regions: flags.region } : {}),
              ...(flags.subject ? { subjects: flags.subject } : {}),
              ...(flags.age ? { ageBands: flags.age } : {}),
              ...(flags.area ? { areas: flags.area } : {}),
              ...(flags.agency ? { agencies: flags.agency } : {}),
              ...(flags.theme ? { themes: flags.theme } : {}),
              ...(yearFrom !== undefined ? { yearFrom } : {}),
              ...(yearTo !== undefined ? { yearTo } : {}),
            },
            view: flags.view as 'reviews' | 'passages',
            sort: flags.sort as 'relevance' | 'date',
            page,
            pageSize: limit,
          },
          OPERATOR_ACCESS,
        );
        if (flags.json) {
          process.stdout.write(`${JSON.stringify(response)}\n`);
          return;
        }
        process.stdout.write(
          `${response.total}${response.totalCapped ? ' or more' : ''} ${flags.view === 'passages' ? 'passages' : `${response.totalEstimated ? '(an estimate) ' : ''}reviews`} for ${response.understood.join(', ') || '(nothing to search for)'}\n\n`,
        );
        for (const r of response.results) {
          process.stdout.write(`${r.id}  ${r.title} (${r.published ?? 'date not known'})\n`);
          for (const s of r.snippets) {
            const where = [
              s.section,
              s.paragraph ? `para ${s.paragraph}` : null,
              s.page ? `p. ${s.page}` : null,
            ]
              .filter(Boolean)
              .join(', ');
            const text = s.text.length > 220 ? `${s.text.slice(0, 217)}...` : s.text;
            process.stdout.write(`    [${where}] ${text}\n`);
          }
        }
        if (response.total === 0) process.exitCode = EXIT.ok;
      } finally {
        await services.close();
      }
    });

  async function reindex(): Promise<void> {
    const services = await cliServices(true);
    try {
      const bar = progressBar(true, 'Indexing');
      const result = await services.search.reindex((done, total) =>
        bar.update(done, total, `${done} of ${total}`),
      );
      bar.stop();
      process.stdout.write(`indexed ${result.passages} passages of ${result.reviews} reviews\n`);
    } finally {
      await services.close();
    }
  }
}
