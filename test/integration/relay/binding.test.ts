/**
 * A relay's life before and at binding: it starts unbound on an empty folder with a one-time token, serves no channel,
 * binds only with the token and a signature by the root it is given, and then stays bound to that channel across
 * restarts. Binding from the command line does the same for servers.
 */
import { spawnSync } from 'node:child_process';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { generateSigningKeyPair, initCrypto } from '../../../electron/common/crypto/sodium';
import { bindFrame, createChannel, createDevice } from '../../support/channel';
import { RelayClient } from '../../support/relay-client';
import { RelayProcess } from '../../support/relay-process';
import { repoRoot } from '../../support/vectors';

const running: RelayProcess[] = [];
const start = async (options?: Parameters<typeof RelayProcess.start>[0]) => {
  const relay = await RelayProcess.start(options);
  running.push(relay);
  return relay;
};

beforeAll(initCrypto);
afterEach(async () => {
  for (const relay of running.splice(0)) await relay.stop();
});

describe('binding', () => {
  it('starts unbound with a token, serves no channel, and binds only with the token and the root signature', async () => {
    const relay = await start();
    expect(relay.bindToken).toMatch(/^[0-9a-f]{32}$/);
    expect(await relay.health()).toMatchObject({ status: 'ok', state: 'unbound' });

    const channel = createChannel();
    const client = await RelayClient.connect(relay.url);
    const challenge = await client.challenge();
    expect(challenge.channel).toBeNull();
    expect(await client.request({ type: 'get-checkpoint' })).toMatchObject({ type: 'error', code: 'not-bound' });
    expect(await client.request({ type: 'auth', device: createDevice(channel, 'US').deviceId, nonce: challenge.nonce, sig: 'A'.repeat(86) })).toMatchObject({ code: 'not-bound' });

    expect(await client.request(bindFrame(channel, 'f'.repeat(32), challenge.relay))).toMatchObject({ type: 'error', code: 'bind-refused' });
    const forged = { ...bindFrame({ ...channel, root: generateSigningKeyPair() }, relay.bindToken!, challenge.relay), root: channel.rootKey };
    expect(await client.request(forged)).toMatchObject({ type: 'error', code: 'bind-refused' });
    expect(await client.request(bindFrame(channel, relay.bindToken!, challenge.relay))).toMatchObject({ type: 'bound', channel: channel.channelId });
    expect(await client.request(bindFrame(createChannel(), relay.bindToken!, challenge.relay))).toMatchObject({ type: 'error', code: 'already-bound' });
    expect(await relay.health()).toMatchObject({ state: 'bound', channel: channel.channelId, logSize: 0 });
    await client.close();

    // Graceful shutdown exits cleanly; the binding survives and no new token is printed.
    expect(await relay.stop()).toBe(0);
    running.splice(running.indexOf(relay), 1);
    const again = await start({ dataDir: relay.dataDir });
    expect(again.bindToken).toBeNull();
    expect(await again.health()).toMatchObject({ state: 'bound', channel: channel.channelId });
    expect(again.logs.some((line) => 'bindToken' in line)).toBe(false);
  });

  it('binds from the command line with the token, for servers', async () => {
    const relay = await start();
    const token = relay.bindToken!;
    await relay.stop();
    running.splice(0);
    const channel = createChannel();
    const run = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'electron/relay/cli.ts', 'bind', '--data', relay.dataDir, ...args], { cwd: repoRoot, encoding: 'utf8' });
    const wrong = run('--token', 'f'.repeat(32), '--root', channel.rootKey);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('wrong bind token');
    const right = run('--token', token, '--root', channel.rootKey);
    expect(right.status, right.stderr).toBe(0);
    expect(right.stdout).toContain(channel.channelId);
    expect(run('--token', token, '--root', channel.rootKey).stderr).toContain('already bound');
    const bound = await start({ dataDir: relay.dataDir });
    expect(await bound.health()).toMatchObject({ state: 'bound', channel: channel.channelId });
  });
});
