/**
 * Starts the relay CLI as a child process and waits until it listens, reading its structured log for the port and,
 * while unbound, the one-time bind token. Used where another program owns a relay: `npm run browser` (the local relay
 * beside the app) and the tests.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('./cli.ts', import.meta.url));
const REPO_ROOT = path.resolve(path.dirname(CLI), '..', '..');

export interface LaunchOptions {
  readonly dataDir: string;
  /** The Node that runs the relay (the desktop shell is not one); this process's own by default. */
  readonly nodePath?: string;
  /** Where the repository is, when this module is bundled elsewhere (the desktop shell): the CLI and tsx are there. */
  readonly repoRoot?: string;
  /** 0 picks a free port. */
  readonly port: number;
  readonly host?: string;
  /** Flags for the relay's Node (--cpu-prof, say). */
  readonly nodeArgs?: readonly string[];
  readonly extraArgs?: readonly string[];
  /** Every log line, parsed, in order (the ones read while starting included). */
  readonly onLog?: (entry: Record<string, unknown>) => void;
  readonly timeoutMs?: number;
}

export interface LaunchedRelay {
  readonly child: ChildProcess;
  readonly port: number;
  /** Null once the relay is bound to a channel. */
  readonly bindToken: string | null;
  readonly exited: Promise<number | null>;
}

export async function launchRelay(options: LaunchOptions): Promise<LaunchedRelay> {
  const root = options.repoRoot ?? REPO_ROOT;
  const cli = options.repoRoot ? path.join(options.repoRoot, 'electron', 'relay', 'cli.ts') : CLI;
  const child = spawn(
    options.nodePath ?? process.execPath,
    [...(options.nodeArgs ?? []), '--import', 'tsx', cli, '--data', options.dataDir, '--port', String(options.port), '--host', options.host ?? '127.0.0.1', ...(options.extraArgs ?? [])],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += String(chunk)));
  const started = new Promise<{ port: number; bindToken: string | null }>((resolve, reject) => {
    let port: number | null = null;
    const timer = setTimeout(() => reject(new Error(`relay did not start: ${stderr}`)), options.timeoutMs ?? 20_000);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`relay exited with ${code}: ${stderr.trim()}`));
    });
    createInterface({ input: child.stdout! }).on('line', (line) => {
      let entry: Record<string, unknown>;
      try {
        entry = JSON.parse(line) as Record<string, unknown>;
      } catch {
        return;
      }
      options.onLog?.(entry);
      if (entry.event === 'relay.listening') {
        port = entry.port as number;
        if (entry.state === 'bound') {
          clearTimeout(timer);
          resolve({ port, bindToken: null });
        }
      }
      if (entry.event === 'relay.unbound' && port !== null) {
        clearTimeout(timer);
        resolve({ port, bindToken: entry.bindToken as string });
      }
    });
  });
  try {
    return { child, exited, ...(await started) };
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
}
