import { Worker } from 'node:worker_threads';

/**
 * A worker thread running a module of ours: the compiled file in production, the TypeScript source
 * under tsx or the test runner (where tsx's loader is registered inside the worker first).
 * `from` is the calling module's import.meta.url; `name` the worker module's base name, beside it.
 */
export function startWorker(from: string, name: string, workerData?: unknown): Worker {
  if (!from.endsWith('.ts')) return new Worker(new URL(`./${name}.js`, from), { workerData });
  const url = new URL(`./${name}.ts`, from);
  const api = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(api)}).then(({ register }) => { register(); return import(${JSON.stringify(url.href)}); });`;
  // Do not inherit the parent's loader flags: this worker registers tsx itself.
  return new Worker(bootstrap, { eval: true, execArgv: [], workerData });
}
