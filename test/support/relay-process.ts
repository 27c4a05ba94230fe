/**
 * Runs the real relay as a child process on a loopback port, reads its structured log for the port and bind token,
 * and can stop it gracefully or kill it with SIGKILL (crash tests).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { repoRoot } from './vectors';

export interface RelayOptions {
  readonly dataDir?: string;
  readonly port?: number;
  readonly extraArgs?: readonly string[];
}

export class RelayProcess {
  readonly logs: Record<string, unknown>[] = [];
  private exited: Promise<number | null>;

  private constructor(
    private readonly child: ChildProcess,
    readonly dataDir: string,
    readonly port: number,
    readonly bindToken: string | null,
  ) {
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  }

  get url(): string {
    return `ws://127.0.0.1:${this.port}/`;
  }

  static async start(options: RelayOptions = {}): Promise<RelayProcess> {
    const dataDir = options.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'relay-'));
    const child = spawn(
      process.execPath,
      // RELAY_NODE_ARGS passes flags to the relay's Node (e.g. --cpu-prof while tuning it).
      [...(process.env.RELAY_NODE_ARGS?.split(' ').filter(Boolean) ?? []), '--import', 'tsx', 'electron/relay/cli.ts', '--data', dataDir, '--port', String(options.port ?? 0), ...(options.extraArgs ?? [])],
      { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const logs: Record<string, unknown>[] = [];
    let stderr = '';
    child.stderr!.on('data', (chunk) => (stderr += String(chunk)));
    const lines = createInterface({ input: child.stdout! });
    const started = await new Promise<{ port: number; token: string | null }>((resolve, reject) => {
      let port: number | null = null;
      const timer = setTimeout(() => reject(new Error(`relay did not start: ${stderr}`)), 20_000);
      child.once('exit', (code) => reject(new Error(`relay exited with ${code}: ${stderr}`)));
      lines.on('line', (line) => {
        const entry = JSON.parse(line) as Record<string, unknown>;
        logs.push(entry);
        if (entry.event === 'relay.listening') {
          port = entry.port as number;
          if (entry.state === 'bound') {
            clearTimeout(timer);
            resolve({ port, token: null });
          }
        }
        if (entry.event === 'relay.unbound' && port !== null) {
          clearTimeout(timer);
          resolve({ port, token: entry.bindToken as string });
        }
      });
    });
    const relay = new RelayProcess(child, dataDir, started.port, started.token);
    relay.logs.push(...logs);
    lines.removeAllListeners('line');
    lines.on('line', (line) => relay.logs.push(JSON.parse(line) as Record<string, unknown>));
    return relay;
  }

  /** SIGTERM: the relay's graceful shutdown. */
  async stop(): Promise<number | null> {
    this.child.kill('SIGTERM');
    return this.exited;
  }

  /** SIGKILL: no chance to flush or close anything. */
  async kill(): Promise<void> {
    this.child.kill('SIGKILL');
    await this.exited;
  }

  async health(): Promise<Record<string, unknown>> {
    const response = await fetch(`http://127.0.0.1:${this.port}/health`);
    return (await response.json()) as Record<string, unknown>;
  }
}
