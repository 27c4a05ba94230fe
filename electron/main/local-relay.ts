/**
 * The relay `npm start` runs beside the desktop app (DESIGN.md §7): one per machine, for a channel set up on this
 * machine, with its data under the app's data folder. If the configured loopback address already answers (another
 * profile's window started it, or `npm run relay`), that one is used. The relay runs in the system's Node through the
 * repository's tsx, as `npm run relay` does: better-sqlite3 is built for that Node, not for Electron's.
 */
import { launchRelay, type LaunchedRelay } from '../relay/launcher';
import type { LocalRelay } from '../common/ipc/contract';
import { parseRelayUrl } from '../common/settings';

export interface LocalRelayOptions {
  readonly relayUrl: string;
  readonly dataDir: string;
  readonly repoRoot: string;
  /** The Node to run it with: npm's when started by `npm start`, else `node` on the PATH. */
  readonly nodePath: string;
}

export interface RunningLocalRelay {
  readonly info: LocalRelay;
  stop(): void;
}

async function answers(port: number): Promise<{ state?: string } | null> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(1_000) });
    return response.ok ? ((await response.json()) as { state?: string }) : null;
  } catch {
    return null;
  }
}

/** Starts (or finds) the local relay; null when the configured relay is not on this machine. */
export async function startLocalRelay(options: LocalRelayOptions): Promise<RunningLocalRelay | null> {
  const target = parseRelayUrl(options.relayUrl);
  if (!target || target.scheme !== 'ws' || target.port === null || !['127.0.0.1', 'localhost'].includes(target.host)) return null;
  if (await answers(target.port)) {
    // Someone else's: its token was printed where it was started.
    return { info: { url: options.relayUrl, bindToken: null }, stop: () => {} };
  }
  const launched: LaunchedRelay = await launchRelay({ dataDir: options.dataDir, port: target.port, repoRoot: options.repoRoot, nodePath: options.nodePath });
  return {
    info: { url: options.relayUrl, bindToken: launched.bindToken },
    stop: () => launched.child.kill('SIGTERM'),
  };
}

/** What the renderer is told: the token only while the relay is still unbound (it is single-use). */
export async function describeLocalRelay(running: RunningLocalRelay | null): Promise<LocalRelay | null> {
  if (!running) return null;
  const port = parseRelayUrl(running.info.url)?.port;
  const health = port ? await answers(port) : null;
  return { url: running.info.url, bindToken: health?.state === 'unbound' ? running.info.bindToken : null };
}
