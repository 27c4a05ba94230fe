/**
 * A whole device for Node tests: the app's real Core (vault, channel, sync client) over its own in-memory IndexedDB
 * (fake-indexeddb) and `ws` sockets to a real relay process — exactly what the core worker runs, minus the worker.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import WebSocket from 'ws';
import type { ComposeInput, CoreEvent, CoreStatus, MessageSummary } from '../../renderer/core/api';
import type { Post } from '../../electron/common/protocol/schemas';
import type { Language } from '../../electron/common/settings';
import { Core, type CoreOptions } from '../../renderer/core/core';
import type { SocketLike } from '../../renderer/core/sync/relay-link';
import { MIN_KDF } from '../../renderer/core/vault/kdf';

/** A routine message whose body is `text` (its subject is the body's start): what most sync tests send. */
export const plain = (recipients: readonly Post[], text: string, lang: Language): ComposeInput => ({
  recipients,
  precedence: 'ROUTINE',
  category: 'administrative',
  subject: text.slice(0, 40),
  body: text,
  lang,
});

export const STRONG_PASSPHRASE = 'border-crossing-quiet-river-2027';

export interface TestDevice {
  readonly core: Core;
  /** The device's IndexedDB: pass it to `device()` again to reopen the same profile (an app restart). */
  readonly storage: { readonly indexedDB: IDBFactory; readonly IDBKeyRange: typeof IDBKeyRange };
  readonly events: CoreEvent[];
  /** Polls `status()` until `predicate` holds. */
  until(predicate: (status: CoreStatus) => boolean, what: string, timeoutMs?: number): Promise<CoreStatus>;
  /** Polls `messages()` until `predicate` holds. */
  untilMessages(predicate: (messages: readonly MessageSummary[]) => boolean, what: string, timeoutMs?: number): Promise<readonly MessageSummary[]>;
}

export const wsFactory = (url: string): SocketLike => new WebSocket(url, { perMessageDeflate: false }) as unknown as SocketLike;

/** Reads until `predicate` holds, or fails saying what it waited for and what it saw last. */
export async function poll<T>(read: () => Promise<T>, predicate: (value: T) => boolean, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await read();
    if (predicate(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`timed out waiting for ${what}; last seen: ${JSON.stringify(last)?.slice(0, 600)}`);
}

/**
 * A device with a fresh, empty profile (or the given storage, to reopen one). `checker`: how the device's sync checks
 * envelopes (on its own thread by default, as CoreOptions says).
 */
export function device(profile: string, storage: TestDevice['storage'] = { indexedDB: new IDBFactory(), IDBKeyRange }, checker?: CoreOptions['checker']): TestDevice {
  const events: CoreEvent[] = [];
  const core = new Core({
    profile,
    storage,
    ...(checker ? { checker } : {}),
    socketFactory: wsFactory,
    kdf: MIN_KDF,
    emit: (event) => events.push(event),
    log: (message, error) => console.error(`${profile}: ${message}`, error),
  });
  return {
    core,
    events,
    storage,
    until: (predicate, what, timeoutMs = 20_000) => poll(() => core.status(), predicate, what, timeoutMs),
    untilMessages: (predicate, what, timeoutMs = 20_000) => poll(() => core.messages(), predicate, what, timeoutMs),
  };
}

export interface TestChannel {
  readonly desk: TestDevice;
  readonly il: TestDevice;
  readonly sy: TestDevice;
  readonly channelKey: string;
}

/**
 * The desk creates the channel on a fresh relay; one device per post joins and is approved after the fingerprint
 * check. `urlFor` lets a post reach the relay another way (through a proxy); `options.roles` gives a post's device
 * more roles than an officer's, `options.checker` the envelope checker its core uses.
 */
export async function setUpChannel(
  relayUrl: string,
  bindToken: string,
  urlFor: (post: 'IL' | 'SY') => string = () => relayUrl,
  options: { readonly roles?: Partial<Record<'IL' | 'SY', readonly ('officer' | 'translator')[]>>; readonly checker?: CoreOptions['checker'] } = {},
): Promise<TestChannel> {
  const desk = device('desk');
  const { channelKey } = await desk.core.createChannel({ relayUrl, bindToken, deviceName: 'U.S. desk', passphrase: STRONG_PASSPHRASE });
  await desk.until((status) => status.sync.connection === 'online', 'desk online');
  const join = async (post: 'IL' | 'SY', name: string) => {
    const joining = device(post, undefined, options.checker);
    const roles = [...(options.roles?.[post] ?? ['officer'])];
    const identity = await joining.core.joinChannel({ relayUrl: urlFor(post), channelKey, post, roles, deviceName: name, passphrase: STRONG_PASSPHRASE });
    const request = (await desk.core.pendingEnrolments()).find((entry) => entry.deviceId === identity.deviceId);
    if (request?.fingerprint !== identity.fingerprint) throw new Error(`the desk sees another fingerprint for ${post}`);
    await desk.core.approveEnrolment(identity.deviceId);
    await joining.until((status) => status.identity?.enrolment === 'ready' && status.sync.connection === 'online', `${post} online`);
    return joining;
  };
  return { desk, il: await join('IL', 'קצין קישור'), sy: await join('SY', 'ضابط الارتباط'), channelKey };
}
