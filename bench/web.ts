/**
 * Web benchmark: requests per second, latency and server memory for the review page, the review
 * list page (with filters) and the JSON API, under 10 and 50 concurrent connections. The real
 * service runs in a child process on 127.0.0.1 with the demo library in a fresh temporary data
 * folder: on SQLite, or on PostgreSQL when DATABASE_URL is set.
 *
 *   npm run bench:web -- [--duration N] [--connections 10,50] [--json]
 *
 * Prints figures; never passes or fails on them.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';

const HOST = '127.0.0.1';
const WARM_UP_SECONDS = 2;
const START_TIMEOUT_MS = 120_000;
const RSS_SAMPLE_MS = 500;

function usage(message: string): never {
  process.stderr.write(
    `bench:web: ${message}\nusage: npm run bench:web -- [--duration N] [--connections 10,50] [--json]\n`,
  );
  process.exit(2);
}

let values: { duration: string; connections: string; json: boolean };
try {
  values = parseArgs({
    options: {
      duration: { type: 'string', default: '10' },
      connections: { type: 'string', default: '10,50' },
      json: { type: 'boolean', default: false },
    },
  }).values as typeof values;
} catch (err) {
  usage((err as Error).message);
}
if (!/^\d+$/.test(values.duration) || Number(values.duration) < 1 || Number(values.duration) > 600) {
  usage('--duration must be a whole number of seconds from 1 to 600');
}
const duration = Number(values.duration);
const connectionCounts = values.connections.split(',').map((s) => s.trim());
if (connectionCounts.some((c) => !/^\d+$/.test(c) || Number(c) < 1 || Number(c) > 1000)) {
  usage('--connections must be a comma-separated list of whole numbers from 1 to 1000, such as 10,50');
}
const connections = connectionCounts.map(Number);

// ---- the server child, its memory, and cleaning up after it ----

const repo = path.resolve(import.meta.dirname, '..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'slh-bench-web-'));
let child: ChildProcess | undefined;
let current: autocannon.Instance | undefined;
const serverLines: string[] = [];
let serverLineCount = 0;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, HOST, () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** Kept for the summary (and shown whole if the server fails to start); never echoed under load. */
function collect(chunk: Buffer): void {
  for (const line of chunk.toString('utf8').split('\n')) {
    if (!line.trim()) continue;
    serverLineCount++;
    serverLines.push(line.length > 400 ? `${line.slice(0, 400)}…` : line);
    if (serverLines.length > 40) serverLines.shift();
  }
}

function readRssMb(pid: number): number | null {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match?.[1] ? Number(match[1]) / 1024 : null;
  } catch {
    return null; // no /proc (not Linux), or the process has gone
  }
}

const rss = { peak: null as number | null, last: null as number | null, windowPeak: null as number | null };
function sampleRss(): void {
  if (child?.pid === undefined) return;
  const mb = readRssMb(child.pid);
  if (mb === null) return;
  rss.last = mb;
  rss.peak = Math.max(rss.peak ?? 0, mb);
  rss.windowPeak = Math.max(rss.windowPeak ?? 0, mb);
}

async function stopServer(): Promise<void> {
  const proc = child;
  child = undefined;
  if (proc && proc.exitCode === null && proc.signalCode === null) {
    const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
    proc.kill('SIGTERM');
    const timer = setTimeout(() => proc.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
}

// Last resort if something throws past the cleanup below: never leave a server or a folder behind.
process.on('exit', () => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});
process.once('SIGINT', () => {
  process.stderr.write('\ninterrupted: stopping the server\n');
  current?.stop();
  void stopServer().finally(() => process.exit(130));
});

/** The benchmark could not run at all (this is not about the figures): say why, clean up, exit 1. */
async function fail(message: string): Promise<never> {
  process.stderr.write(`bench:web: ${message}\n`);
  if (serverLines.length)
    process.stderr.write(`server output (last ${serverLines.length} lines):\n${serverLines.join('\n')}\n`);
  await stopServer();
  process.exit(1);
}

// ---- start the service and find what to ask for ----

const port = await freePort();
const base = `http://${HOST}:${port}`;
process.stderr.write(
  `starting the service on ${base} (data in ${dataDir}${process.env.DATABASE_URL ? ', PostgreSQL from DATABASE_URL' : ''})\n`,
);
child = spawn(
  process.execPath,
  ['--import', 'tsx', path.join(repo, 'src/cli/index.ts'), 'serve', '--port', String(port), '--host', HOST],
  {
    cwd: repo,
    env: {
      ...process.env,
      SLH_DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      DATABASE_URL: process.env.DATABASE_URL ?? '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  },
);
child.stdout?.on('data', collect);
child.stderr?.on('data', collect);
const startedAt = Date.now();

async function getJson(urlPath: string): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${base}${urlPath}`, { signal: AbortSignal.timeout(10_000) });
  const text = await res.text();
  try {
    return { status: res.status, body: JSON.parse(text) as unknown };
  } catch {
    return { status: res.status, body: null };
  }
}

let backend = 'unknown';
for (;;) {
  if (child.exitCode !== null || child.signalCode !== null)
    await fail(`the server exited during start (code ${child.exitCode ?? child.signalCode})`);
  if (Date.now() - startedAt > START_TIMEOUT_MS)
    await fail(`the server did not answer /health with 200 within ${START_TIMEOUT_MS / 1000} s`);
  try {
    const { status, body } = await getJson('/health');
    if (status === 200) {
      const db = (body as { database?: { backend?: unknown } } | null)?.database;
      if (typeof db?.backend === 'string') backend = db.backend;
      break;
    }
  } catch {
    // not listening yet
  }
  await new Promise((r) => setTimeout(r, 250));
}
process.stderr.write(`service ready after ${((Date.now() - startedAt) / 1000).toFixed(1)} s (${backend})\n`);
const sampler = setInterval(sampleRss, RSS_SAMPLE_MS);
sampleRss();

function readList(body: unknown): { total: number; ids: string[] } {
  const b = body as { total?: unknown; results?: Array<{ id?: unknown }> } | null;
  const ids = (b?.results ?? []).map((r) => r.id).filter((id): id is string => typeof id === 'string');
  return { total: typeof b?.total === 'number' ? b.total : ids.length, ids };
}

const ids: string[] = [];
for (let page = 1; page <= 10; page++) {
  const { status, body } = await getJson(`/api/v1/reviews?pageSize=100&page=${page}`);
  if (status !== 200) await fail(`GET /api/v1/reviews answered ${status}`);
  const list = readList(body);
  ids.push(...list.ids);
  if (list.ids.length === 0 || ids.length >= list.total) break;
}
if (ids.length === 0) await fail('the library has no public reviews to ask for');

// The list page's filters, each with as many result pages (of the page's 20) as it has, up to 3.
const filters = [
  '',
  'type=cspr',
  'region=London',
  'from=2015&to=2025',
  'subject=adult',
  'type=sar&subject=adult',
  'nation=Wales',
  'sort=title',
];
const listPaths: string[] = [];
for (const filter of filters) {
  const { body } = await getJson(`/api/v1/reviews?pageSize=1${filter ? `&${filter}` : ''}`);
  const pages = Math.max(1, Math.min(3, Math.ceil(readList(body).total / 20)));
  for (let page = 1; page <= pages; page++)
    listPaths.push(`/reviews?${filter ? `${filter}&` : ''}page=${page}`);
}

// ---- measure ----

interface Scenario {
  name: string;
  paths: string[];
}
const scenarios: Scenario[] = [
  { name: 'review page', paths: ids.map((id) => `/reviews/${id}`) },
  { name: 'list page', paths: listPaths },
  { name: 'API review', paths: ids.map((id) => `/api/v1/reviews/${id}`) },
];

function run(
  paths: string[],
  conns: number,
  seconds: number,
  onResponse?: (ms: number) => void,
): Promise<autocannon.Result> {
  let next = 0;
  return new Promise((resolve, reject) => {
    current = autocannon(
      {
        url: base,
        connections: conns,
        duration: seconds,
        // One dynamic request, rebuilt before every send, so the paths are cycled across all connections.
        requests: [
          { method: 'GET', setupRequest: (req) => ({ ...req, path: paths[next++ % paths.length] }) },
        ],
      },
      (err: unknown, result) =>
        err ? reject(err instanceof Error ? err : new Error(String(err))) : resolve(result),
    );
    if (onResponse) current.on('response', (_client, _status, _bytes, ms) => onResponse(ms));
  });
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: number[], p: number): number {
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

interface Row {
  name: string;
  connections: number;
  rps: number;
  p50_ms: number;
  p95_ms: number;
  p99_ms: number;
  non2xx: number;
  errors: number;
  rssPeak: number | null;
  exact: boolean;
}
const rows: Row[] = [];
const warnings: string[] = [];
const round = (n: number, places: number) => Math.round(n * 10 ** places) / 10 ** places;

for (const scenario of scenarios) {
  const probePath = scenario.paths[0] ?? '/';
  const probe = await fetch(`${base}${probePath}`, { signal: AbortSignal.timeout(10_000) }).catch(() => null);
  if (probe) await probe.arrayBuffer();
  const probeStatus = probe?.status ?? 0;
  const shownPath = probePath.replace(/\/[a-z0-9]{4,40}$/, '/<id>');
  if (probeStatus !== 200) {
    const warning =
      probeStatus === 404
        ? `WARNING: ${shownPath} answered 404 — page not built yet`
        : `WARNING: ${shownPath} answered ${probeStatus || 'nothing'} (the ${scenario.name} figures are for that answer)`;
    warnings.push(warning);
    process.stderr.write(`${warning}\n`);
  }

  for (const conns of connections) {
    process.stderr.write(
      `${scenario.name}, ${conns} connections: ${WARM_UP_SECONDS} s warm-up, ${duration} s measured (${scenario.paths.length} paths)\n`,
    );
    await run(scenario.paths, conns, WARM_UP_SECONDS);
    const times: number[] = [];
    rss.windowPeak = null;
    const result = await run(scenario.paths, conns, duration, (ms) => times.push(ms));
    current = undefined;
    sampleRss();
    times.sort((a, b) => a - b);
    // Exact percentiles from every response's own timing; autocannon's histogram (whole ms, and
    // p90/p97.5 but no p95) only if the per-response timings are missing.
    const exact = times.length > 0;
    const lat = result.latency;
    rows.push({
      name: scenario.name,
      connections: conns,
      rps: round(result.requests.average, 1),
      p50_ms: round(exact ? percentile(times, 50) : lat.p50, 2),
      p95_ms: round(
        exact ? percentile(times, 95) : lat.p90 + ((lat.p97_5 - lat.p90) * (95 - 90)) / (97.5 - 90),
        2,
      ),
      p99_ms: round(exact ? percentile(times, 99) : lat.p99, 2),
      non2xx: result.non2xx,
      errors: result.errors,
      rssPeak: rss.windowPeak,
      exact,
    });
  }
}
clearInterval(sampler);
sampleRss();
const rssPeak = rss.peak === null ? null : round(rss.peak, 1);
const rssEnd = rss.last === null ? null : round(rss.last, 1);
const serverLogged = serverLineCount;
// Pino lines are shown by their message only; anything else (Node warnings, stack traces) as it is.
const serverLast = serverLines.slice(-3).map((l) => {
  let text = l;
  try {
    const msg = (JSON.parse(l) as { msg?: unknown }).msg;
    if (typeof msg === 'string') text = msg;
  } catch {
    // not a pino line
  }
  return text.length > 160 ? `${text.slice(0, 160)}…` : text;
});
await stopServer();

// ---- report ----

const allExact = rows.every((r) => r.exact);
const header = [
  'scenario',
  'conns',
  'req/s',
  'p50 ms',
  allExact ? 'p95 ms' : 'p95≈ ms',
  'p99 ms',
  'non-2xx',
  'errors',
  'rss peak MB',
];
const table = rows.map((r) => [
  r.name,
  String(r.connections),
  r.rps.toFixed(1),
  r.p50_ms.toFixed(2),
  `${r.exact ? '' : '≈'}${r.p95_ms.toFixed(2)}`,
  r.p99_ms.toFixed(2),
  String(r.non2xx),
  String(r.errors),
  r.rssPeak === null ? '-' : r.rssPeak.toFixed(1),
]);
const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => (row[i] ?? '').length)));
const line = (cells: string[]) =>
  cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
const mb = (n: number | null) => (n === null ? 'not available (no /proc)' : `${n} MB`);
process.stdout.write(
  [
    `backend ${backend}, ${ids.length} reviews, ${listPaths.length} list URLs, node ${process.version}; ${duration} s per run after ${WARM_UP_SECONDS} s warm-up, on ${HOST}`,
    '',
    line(header),
    ...table.map(line),
    '',
    allExact
      ? "latency: p50, p95 and p99 are exact (nearest rank over every response of the measured run, all status codes, from autocannon's per-response timings)"
      : "latency: rows marked ≈ use autocannon's histogram (whole ms): p50 and p99 as given, p95 interpolated linearly between its p90 and p97.5",
    "req/s: autocannon's mean of per-second request counts",
    `server RSS (VmRSS every ${RSS_SAMPLE_MS} ms): peak ${mb(rssPeak)}, end ${mb(rssEnd)}`,
    `server output (LOG_LEVEL=warn, so warnings and errors only): ${serverLogged} lines${serverLast.length ? `; last: ${serverLast.join(' | ')}` : ''}`,
    ...warnings,
  ].join('\n') + '\n',
);
if (values.json) {
  const scenariosOut = rows.map(({ name, connections: c, rps, p50_ms, p95_ms, p99_ms, non2xx, errors }) => ({
    name,
    connections: c,
    rps,
    p50_ms,
    p95_ms,
    p99_ms,
    non2xx,
    errors,
  }));
  process.stdout.write(
    `${JSON.stringify({ backend, reviews: ids.length, scenarios: scenariosOut, server_rss_peak_mb: rssPeak, server_rss_end_mb: rssEnd, node: process.version })}\n`,
  );
}
process.exit(0);
