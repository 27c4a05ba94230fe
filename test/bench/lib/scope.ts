/**
 * Teardown for one benchmark: child processes and temporary folders are registered as they are made, and released in
 * reverse order whether the benchmark finished, threw or ran out of time — so a failed run leaves no relay behind.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export class Scope {
  private readonly cleanups: (() => unknown)[] = [];

  defer(cleanup: () => unknown): void {
    this.cleanups.push(cleanup);
  }

  /** A fresh folder under the OS temp dir (the same filesystem the relay's own data dirs use), removed at the end. */
  tempDir(prefix: string): string {
    const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
    this.defer(() => rmSync(dir, { recursive: true, force: true }));
    return dir;
  }

  async close(): Promise<void> {
    while (this.cleanups.length > 0) {
      const cleanup = this.cleanups.pop()!;
      try {
        await cleanup();
      } catch (error) {
        console.warn(`bench: cleanup failed: ${String(error)}`);
      }
    }
  }
}

/** Rejects if `promise` has not settled within `ms` (used so a stuck stop() cannot hang the suite). */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no result within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
