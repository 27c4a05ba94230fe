/**
 * The messages between the core worker and its envelope-check worker (check-worker.ts), declared once for both ends.
 * The check worker is given this device's id and box key pair once per unlock, the senders' public signing keys with
 * each request, and answers with facts (envelope-facts.ts); it stores nothing and judges nothing.
 */
import type { BoxKeyPair } from '../../../electron/common/crypto/sodium';
import type { Envelope } from '../../../electron/common/protocol/envelope';
import type { EnvelopeFacts } from './envelope-facts';

export type CheckRequest =
  | { readonly type: 'keys'; readonly deviceId: string; readonly box: BoxKeyPair }
  | { readonly type: 'facts'; readonly id: number; readonly envelopes: readonly Envelope[]; readonly signKeys: ReadonlyMap<string, string> }
  /** The vault is being locked: wipe the key pair and stop. */
  | { readonly type: 'forget' };

export type CheckAnswer =
  | { readonly type: 'facts'; readonly id: number; readonly facts: readonly EnvelopeFacts[] }
  | { readonly type: 'failed'; readonly id: number; readonly message: string };

/** One end of the channel: a Worker seen from the core worker, the worker's global scope seen from inside it. */
export interface CheckPort {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent) => void) | null;
}
