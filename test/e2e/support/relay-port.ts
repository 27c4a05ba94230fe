/**
 * The app under test may reach one relay address only (its CSP names it), so the relays of parallel tests take turns
 * on that port: a lock file, created exclusively, marks it taken. A lock left by a process that has died is stale and
 * is taken over.
 */
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const POLL_MS = 100;

function holderIsAlive(file: string): boolean {
  const text = readFileSync(file, 'utf8');
  // Created but not yet written: its holder is alive, between two system calls.
  if (text === '') return true;
  const pid = Number(text);
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Waits until this process holds `port`; returns the function that gives it back. */
export async function holdRelayPort(port: number): Promise<() => void> {
  const file = path.join(os.tmpdir(), `liaison-e2e-relay-${port}.lock`);
  for (;;) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let alive: boolean;
      try {
        alive = holderIsAlive(file);
      } catch {
        // The holder let go between our attempt and this read: try again at once.
        continue;
      }
      if (alive) await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      else rmSync(file, { force: true });
    }
  }
}

/**
 * Takes the relay port for the running test: the wait for a turn (another test may hold the port for minutes) does
 * not count against the test's timeout, which runs again in full from when the port is taken.
 */
export async function holdRelayPortForTest(testInfo: { readonly timeout: number; setTimeout(timeout: number): void }, port: number): Promise<() => void> {
  const waitStarted = Date.now();
  const timeout = testInfo.timeout;
  testInfo.setTimeout(0);
  const release = await holdRelayPort(port);
  testInfo.setTimeout(timeout + (Date.now() - waitStarted));
  return release;
}
