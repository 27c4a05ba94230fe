/**
 * The desktop shell's local relay (npm start): started beside the app on the configured loopback port, described to
 * the renderer with its bind token only while unbound, reused when something already answers there, and never
 * started for a relay that is not on this machine.
 */
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { describeLocalRelay, startLocalRelay, type RunningLocalRelay } from '../../../electron/main/local-relay';
import { repoRoot } from '../../support/vectors';

const running: RunningLocalRelay[] = [];
afterEach(() => running.splice(0).forEach((relay) => relay.stop()));

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

const options = (relayUrl: string) => ({ relayUrl, dataDir: mkdtempSync(path.join(os.tmpdir(), 'local-relay-')), repoRoot, nodePath: process.execPath });

it('starts the relay on the configured port and hands out its token while it is unbound', async () => {
  const url = `ws://127.0.0.1:${await freePort()}`;
  const relay = await startLocalRelay(options(url));
  expect(relay).not.toBeNull();
  running.push(relay!);
  const described = await describeLocalRelay(relay);
  expect(described?.url).toBe(url);
  expect(described?.bindToken).toMatch(/^[0-9a-f]{32}$/);

  // A second window finds it running and uses it, without a token it cannot know.
  const again = await startLocalRelay(options(url));
  expect(again?.info).toEqual({ url, bindToken: null });
});

it('starts nothing for a relay elsewhere', async () => {
  expect(await startLocalRelay(options('wss://relay.example.org'))).toBeNull();
});
