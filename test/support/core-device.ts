/**
 * A whole device for Node tests: the app's real Core (vault, channel, sync client) over its own in-memory IndexedDB
 * (fake-indexeddb) and `ws` sockets to a real relay process — exactly what the core worker runs, minus the worker.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import WebSocket from 'ws';
import type { CoreEvent, CoreStatus, MessageSummary } from '../../renderer/core/api';
import { Core } from '../../renderer/core/core';
import type { SocketLike } from '../../renderer/core/sync/relay-link';
import { MIN_KDF } from '../../renderer/core/vault/kdf';

export const STRONG_PASSPHRASE = 'border-crossing-quiet-river-2027';

export interface TestDevice {
  readonly core: Core;
  readonly events: CoreEvent[];
  /** Polls `status()` until `predicate` holds. */
  until(predicate: (status: CoreStatus) => boolean, what: string, timeoutMs?: number): Promise<CoreStatus>;
  /** Polls `messages()` until `predicate` holds. */
  untilMessages(predicate: (messages: readonly MessageSummary[]) => boolean, what: string, timeoutMs?: number): Promise<readonly MessageSummary[]>;
}

export const wsFactory = (url: string): SocketLike => new WebSocket(url, { perMessageDeflate: false }) as unknown as SocketLike;

async function poll<T>(read: () => Promise<T>, predicate: (value: T) => boolean, what: string, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await read();
    if (predicate(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`timed out waiting for ${what}; last seen: ${JSON.stringify(last)?.slice(0, 600)}`);
}

/** A device with a fresh, empty profile (or the given storage, to reopen one). */
export function device(profile: string, storage = { indexedDB: new IDBFactory(), IDBKeyRange }): TestDevice & { readonly storage: typeof storage } {
  const events: CoreEvent[] = [];
  const core = new Core({ profile, storage, socketFactory: wsFactory, kdf: MIN_KDF, emit: (event) => events.push(event) });
  return {
    core,
    events,
    storage,
    until: (predicate, what, timeoutMs = 20_000) => poll(() => core.status(), predicate, what, timeoutMs),
    untilMessages: (predicate, what, timeoutMs = 20_000) => poll(() => core.messages(), predicate, what, timeoutMs),
  };
}
