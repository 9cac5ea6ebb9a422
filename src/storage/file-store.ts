import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * Original files, stored by their sha256 so that storing the same file twice is harmless and an
 * interrupted write never leaves a half file under a real name (write to a temp name, then rename).
 */
export class FileStore {
  constructor(private readonly root: string) {}

  keyFor(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('file store keys are sha256 hex digests');
    return `${sha256.slice(0, 2)}/${sha256}`;
  }

  private pathFor(key: string): string {
    const resolved = path.resolve(this.root, key);
    if (!resolved.startsWith(path.resolve(this.root) + path.sep)) throw new Error('key outside the file store');
    return resolved;
  }

  async put(sha256: string, bytes: Uint8Array): Promise<string> {
    const key = this.keyFor(sha256);
    const target = this.pathFor(key);
    try {
      await fs.access(target);
      return key;
    } catch {
      // not there yet
    }
    await fs.mkdir(path.dirname(target), { recursive: true });
    const temp = `${target}.${process.pid}.${Date.now()}.tmp`;
    await fs.writeFile(temp, bytes);
    await fs.rename(temp, target);
    return key;
  }

  /** Deletes a stored file; one already gone is not an error (the job that removes it may run twice). */
  async remove(key: string): Promise<void> {
    await fs.rm(this.pathFor(key), { force: true });
  }

  async get(key: string): Promise<Buffer> {
    return fs.readFile(this.pathFor(key));
  }
}
