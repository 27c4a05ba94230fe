/**
 * Starts the bare ws + fsync forwarder (ws-forwarder-server.ts) and drives it with raw bytes: one message at a time,
 * the next only after the previous arrived, from just before send to just after arrival. This is the transport-only
 * figure (no endpoint work at all); forwarder-same-path.ts drives the same server with the relay path's endpoints.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { repoRoot } from '../../support/vectors';
import { within, type Scope } from '../lib/scope';

const SERVER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'ws-forwarder-server.ts');

export async function startForwarder(scope: Scope): Promise<number> {
  const file = path.join(scope.tempDir('bench-forwarder-'), 'forwarded.bin');
  // Through tsx like the relay, so both servers run on the same runtime with the same loader.
  const child = spawn(process.execPath, ['--import', 'tsx', SERVER, file], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  scope.defer(async () => {
    child.kill('SIGTERM');
    await within(exited, 5_000, 'forwarder exit').catch(() => child.kill('SIGKILL'));
  });
  const firstLine = new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`forwarder exited with ${code}`)));
  });
  const { port } = JSON.parse(await within(firstLine, 20_000, 'forwarder start')) as { port: number };
  return port;
}

const open = (url: string) =>
  new Promise<WebSocket>((resolve, reject) => {
    const socket = new WebSocket(url, { perMessageDeflate: false });
    socket.once('open', () => resolve(socket));
    socket.once('error', reject);
  });

/** Latencies in ms of `count` raw messages of `bytes` each, after `warmup` unrecorded ones. */
export async function forwarderLatencies(scope: Scope, options: { warmup: number; count: number; bytes: number }): Promise<number[]> {
  const port = await startForwarder(scope);
  const receiver = await open(`ws://127.0.0.1:${port}/b`);
  const sender = await open(`ws://127.0.0.1:${port}/a`);
  scope.defer(() => (receiver.terminate(), sender.terminate()));
  // B is registered before A sends: the server runs its connection handler before it answers B's upgrade.
  let arrived: (() => void) | null = null;
  receiver.on('message', () => arrived?.());
  const samples: number[] = [];
  for (let i = 0; i < options.warmup + options.count; i += 1) {
    const message = randomBytes(options.bytes); // fresh bytes each time, made before the clock starts
    const delivered = new Promise<void>((resolve) => (arrived = resolve));
    const start = performance.now();
    sender.send(message);
    await within(delivered, 10_000, `forwarded message ${i}`);
    const elapsed = performance.now() - start;
    if (i >= options.warmup) samples.push(elapsed);
  }
  return samples;
}
