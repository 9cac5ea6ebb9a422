import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { slh } from '../../test/support/cli.js';
import { tempDir } from '../../test/support/fixtures.js';
import { parsePlanted } from './anonymisation.js';

describe('slh eval anonymisation', () => {
  it('names the line and field of a bad item', () => {
    expect(() =>
      parsePlanted('{"id":"a","text":"x","findings":[]}\n{"id":"b","text":"y"}\n', 'set.jsonl'),
    ).toThrow('set.jsonl line 2: findings:');
    expect(() => parsePlanted('{"id":"a","text":"x","findings":[{"kind":"shoe","text":"x"}]}', 's')).toThrow(
      's line 1: findings.0.kind',
    );
    expect(() => parsePlanted('not json', 's')).toThrow('s line 1: not valid JSON');
  });

  it('prints recall per kind and false positives per 1,000 words for a planted file', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'planted.jsonl');
    await fs.writeFile(
      file,
      [
        {
          id: 'T1',
          text: 'FICTIONAL. Kayleigh Brennan moved to 14 Aldergate Road, NE6 2QP, on 3 June 2021. Her number was 07700 900123.',
          findings: [
            { kind: 'name', text: 'Kayleigh Brennan' },
            { kind: 'address', text: '14 Aldergate Road' },
            { kind: 'postcode', text: 'NE6 2QP' },
            { kind: 'date', text: '3 June 2021' },
            { kind: 'phone', text: '07700 900123' },
          ],
        },
        { id: 'T2', text: 'FICTIONAL. The social worker visited Child A in March 2020.', findings: [] },
      ]
        .map((x) => JSON.stringify(x))
        .join('\n'),
    );
    const run = slh(['eval', 'anonymisation', file, '--json']);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as {
      items: number;
      expected: number;
      byKind: Record<string, { expected: number }>;
    };
    expect(out.items).toBe(2);
    expect(out.expected).toBe(5);
    expect(out.byKind['postcode']?.expected).toBe(1);
    await fs.rm(dir, { recursive: true, force: true });
  });
});
