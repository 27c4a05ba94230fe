/**
 * Runs the real relay as a child process on a loopback port, reads its structured log for the port and bind token,
 * and can stop it gracefully or kill it with SIGKILL (crash tests).
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchRelay, type LaunchedRelay } from '../../electron/relay/launcher';

export interface RelayOptions {
  readonly dataDir?: string;
  readonly port?: number;
  readonly extraArgs?: readonly string[];
}

export class RelayProcess {
  readonly port: number;
  readonly bindToken: string | null;
  private readonly child: ChildProcess;
  private readonly exited: Promise<number | null>;

  private constructor(
    launched: LaunchedRelay,
    readonly dataDir: string,
    /** The relay's whole structured log so far (it keeps filling). */
    readonly logs: Record<string, unknown>[],
  ) {
    this.child = launched.child;
    this.exited = launched.exited;
    this.port = launched.port;
    this.bindToken = launched.bindToken;
  }

  get url(): string {
    return `ws://127.0.0.1:${this.port}/`;
  }

  static async start(options: RelayOptions = {}): Promise<RelayProcess> {
    const dataDir = options.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'relay-'));
    const logs: Record<string, unknown>[] = [];
    const launched = await launchRelay({
      dataDir,
      port: options.port ?? 0,
      // RELAY_NODE_ARGS passes flags to the relay's Node (e.g. --cpu-prof while tuning it).
      nodeArgs: process.env.RELAY_NODE_ARGS?.split(' ').filter(Boolean) ?? [],
      extraArgs: options.extraArgs ?? [],
      onLog: (entry) => logs.push(entry),
    });
    return new RelayProcess(launched, dataDir, logs);
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
