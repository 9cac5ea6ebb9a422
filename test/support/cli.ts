import { spawnSync } from 'node:child_process';
import path from 'node:path';

const CLI = path.resolve(import.meta.dirname, '../../src/cli/index.ts');

/** Runs `slh` from source in a child process, as a person would at a terminal. */
export function slh(args: string[], env: NodeJS.ProcessEnv = process.env, input?: string) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args], {
    env,
    input,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: run.status, signal: run.signal, stdout: run.stdout, stderr: run.stderr };
}
