import fs from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

/** Node 20 is the decided runtime: a dependency that wants a newer Node must not slip in. */
describe('installed packages', () => {
  it('all accept Node 20 in their engines field', () => {
    const target = '20.19.0';
    const bad: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        if (!entry.isDirectory() || entry.name === '.bin') continue;
        const full = path.join(dir, entry.name);
        if (entry.name.startsWith('@')) {
          walk(full);
          continue;
        }
        const manifest = path.join(full, 'package.json');
        if (fs.existsSync(manifest)) {
          const pkg = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: string; version?: string; engines?: { node?: string } };
          const range = pkg.engines?.node;
          if (range && semver.validRange(range) && !semver.satisfies(target, range)) bad.push(`${pkg.name}@${pkg.version} needs node ${range}`);
        }
        const nested = path.join(full, 'node_modules');
        if (fs.existsSync(nested)) walk(nested);
      }
    };
    walk(path.resolve(import.meta.dirname, '..', 'node_modules'));
    expect(bad).toEqual([]);
  });
});
