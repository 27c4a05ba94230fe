/**
 * A channel for the browser benchmarks, set up as users set it up: a real relay, the U.S. desk as a real Core in Node
 * (test/support/core-device.ts) creating the channel, and devices joining — the page's core worker through its RPC,
 * or more Node Cores — each approved by the desk after the fingerprint check. Everything started is released through
 * the benchmark's Scope.
 */
import type { Post } from '../../../electron/common/protocol/schemas';
import type { CoreStatus, Identity } from '../../../renderer/core/api';
import { device, STRONG_PASSPHRASE, type TestDevice } from '../../support/core-device';
import { TEST_LIMITS } from '../../support/relay-fixture';
import { RelayProcess } from '../../support/relay-process';
import type { BenchBrowser } from './browser-page';
import { stopRelay } from './relay';
import type { Scope } from './scope';

export const PASSPHRASE = STRONG_PASSPHRASE;

export interface BenchChannel {
  readonly relay: RelayProcess;
  readonly desk: TestDevice;
  readonly channelKey: string;
  /** The page (already open on `profile`) joins through its core worker as a device of `post`, reaching the relay at `relayUrl`. */
  joinPage(browser: BenchBrowser, post: Exclude<Post, 'US'>, name: string, relayUrl?: string): Promise<Identity>;
  /** A Node Core joins as a device of `post`. */
  joinNode(profile: string, post: Exclude<Post, 'US'>, name: string): Promise<ReturnType<typeof device>>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls the page's core `status()` until `predicate` holds. */
export async function pageStatusUntil(browser: BenchBrowser, predicate: (status: CoreStatus) => boolean, what: string, timeoutMs = 30_000): Promise<CoreStatus> {
  const deadline = Date.now() + timeoutMs;
  let status: CoreStatus | undefined;
  while (Date.now() < deadline) {
    status = await browser.run(() => window.bench.core('status'), null);
    if (predicate(status)) return status;
    await sleep(100);
  }
  throw new Error(`timed out waiting for ${what}; last status ${JSON.stringify(status)?.slice(0, 400)}`);
}

export async function benchChannel(scope: Scope): Promise<BenchChannel> {
  const relay = await RelayProcess.start({ dataDir: scope.tempDir('bench-vault-relay-'), extraArgs: TEST_LIMITS });
  scope.defer(() => stopRelay(relay));
  const desk = device('desk');
  scope.defer(() => desk.core.close());
  const { channelKey } = await desk.core.createChannel({ relayUrl: relay.url, bindToken: relay.bindToken!, deviceName: 'U.S. desk', passphrase: PASSPHRASE });
  await desk.until((status) => status.sync.connection === 'online', 'desk online');

  const approve = async (identity: Identity) => {
    const request = (await desk.core.pendingEnrolments()).find((entry) => entry.deviceId === identity.deviceId);
    if (request?.fingerprint !== identity.fingerprint) throw new Error(`the desk sees another fingerprint for ${identity.name}`);
    await desk.core.approveEnrolment(identity.deviceId);
  };
  return {
    relay,
    desk,
    channelKey,
    async joinPage(browser, post, name, relayUrl = relay.url) {
      const identity = await browser.run((input) => window.bench.core('joinChannel', input), { relayUrl, channelKey, post, roles: ['officer'] as const, deviceName: name, passphrase: PASSPHRASE });
      await approve(identity);
      await pageStatusUntil(browser, (status) => status.identity?.enrolment === 'ready' && status.sync.connection === 'online', `${name} ready and online`);
      return identity;
    },
    async joinNode(profile, post, name) {
      const joining = device(profile);
      scope.defer(() => joining.core.close());
      const identity = await joining.core.joinChannel({ relayUrl: relay.url, channelKey, post, roles: ['officer'], deviceName: name, passphrase: PASSPHRASE });
      await approve(identity);
      await joining.until((status) => status.identity?.enrolment === 'ready' && status.sync.connection === 'online', `${name} ready and online`);
      return joining;
    },
  };
}
