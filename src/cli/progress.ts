import cliProgress from 'cli-progress';
import path from 'node:path';

export interface Progress {
  update(done: number, total: number, label: string): void;
  stop(): void;
}

/** A progress bar on an interactive terminal; nothing at all otherwise (pipes, CI, --json). */
export function progressBar(enabled: boolean, what: string): Progress {
  if (!enabled || !process.stderr.isTTY) return { update: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    {
      format: `${what} [{bar}] {value}/{total} {label}`,
      stream: process.stderr,
      hideCursor: true,
      clearOnComplete: false,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total, label) {
      if (!started) {
        bar.start(total, 0, { label: '' });
        started = true;
      }
      bar.update(done, { label: path.basename(label).slice(0, 40) });
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
