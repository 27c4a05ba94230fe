/**
 * The Israeli post's side of the catch-up benchmark: 10,000 messages for the Syrian post, made as the app makes them
 * and faster than the app sends them. The device is a real Core that joined through the desk (so its certificate is
 * the channel's); its keys and identity are read back from its vault, and each message is sealed by the app's own
 * `sealItem` (outbox.ts: header, payload with the trail of previous hashes and the newest checkpoint the device has
 * seen, sealed to every current device of the audience, signed) and its chain advanced by `advanceChain`. What differs
 * from the app's Sender is only the pace: up to WINDOW submissions in flight on one RelayLink instead of one at a
 * time with two vault transactions each (the Node Core manages about a dozen a second, which would take minutes).
 * Each envelope carries the checkpoint of the newest receipt, as the app's does, so the receiver meets as many
 * distinct checkpoints as it would.
 */
import { randomBytes, signDetached, toBase64Url } from '../../../electron/common/crypto/sodium';
import type { Language } from '../../../electron/common/settings';
import { signingInput } from '../../../electron/common/protocol/canonical-json';
import { envelopeBytes, hashOfEnvelopeBytes, type Envelope } from '../../../electron/common/protocol/envelope';
import { authStatement } from '../../../electron/common/protocol/frames';
import { INITIAL_CHAIN, readState } from '../../../renderer/core/channel/channel-state';
import { advanceChain, sealItem, type QueuedItem } from '../../../renderer/core/sync/outbox';
import { RelayLink } from '../../../renderer/core/sync/relay-link';
import type { SyncContext } from '../../../renderer/core/sync/sync-context';
import { Vault, type VaultStorage } from '../../../renderer/core/vault';
import { MIN_KDF } from '../../../renderer/core/vault/kdf';
import { wsFactory, type TestDevice } from '../../support/core-device';
import { PASSPHRASE } from './browser-channel';

const WINDOW = 16;

/** A Node Core with the storage its vault lives in. */
export type NodeDevice = TestDevice & { readonly storage: VaultStorage };

export interface OutgoingText {
  readonly text: string;
  readonly lang: Language;
}

export interface Sent {
  readonly ids: string[];
  readonly seconds: number;
  readonly envelopeBytes: number;
  readonly payloadBytes: number;
  readonly distinctCheckpoints: number;
}

/** The device's context as its SyncClient would hold it, read from its (closed) Core's vault. */
async function contextOf(node: NodeDevice, profile: string) {
  await node.core.close();
  const vault = await Vault.open({ profile, storage: node.storage, kdf: MIN_KDF });
  try {
    await vault.unlock(PASSPHRASE);
    const identity = await readState(vault, 'identity');
    const chain = (await readState(vault, 'chain')) ?? INITIAL_CHAIN;
    const sign = await vault.get('privateKeys', 'device-sign');
    const box = await vault.get('privateKeys', 'device-box');
    if (!identity || sign.status !== 'found' || box.status !== 'found') throw new Error(`${profile} has no identity or keys`);
    // Copies: the vault wipes the keys it handed out when it closes.
    const keys = {
      sign: { publicKey: sign.record.publicKey.slice(), secretKey: sign.record.secretKey.slice() },
      box: { publicKey: box.record.publicKey.slice(), secretKey: box.record.secretKey.slice() },
    };
    return { identity, chain, keys };
  } finally {
    vault.close();
  }
}

/** An authenticated link for the device, with its chain carried from one `send` to the next. */
export class DeviceSender {
  private constructor(
    private readonly link: RelayLink,
    private readonly context: SyncContext,
    private note: string,
  ) {}

  static async open(node: NodeDevice, profile: string): Promise<DeviceSender> {
    const { identity, chain, keys } = await contextOf(node, profile);
    let link: RelayLink | null = null;
    link = await RelayLink.open(wsFactory, identity.relayUrl, {
      // The relay delivers this device's own envelopes back to it: acknowledge them so its delivery window stays open.
      onDeliver: (frame) => link?.send({ type: 'ack', index: frame.index }),
      onMalformed: (detail) => console.error(`sender: malformed frame ${detail}`),
      onUnsolicitedError: (frame) => console.error(`sender: relay error ${frame.code}`),
      onClose: () => {},
    });
    try {
      const challenge = await link.request({ type: 'hello', v: 1 });
      const statement = authStatement({ nonce: challenge.nonce, relay: challenge.relay, channel: challenge.channel!, device: identity.deviceId });
      const sig = toBase64Url(signDetached(signingInput('relay-auth', statement), keys.sign.secretKey));
      const ready = await link.request({ type: 'auth', device: identity.deviceId, nonce: challenge.nonce, sig });
      const { certificates, revocations } = await link.request({ type: 'get-directory' });
      const sender: DeviceSender = new DeviceSender(
        link,
        {
          identity,
          keys,
          clock: { now: () => Date.now() },
          directory: { certificates, revocations },
          chain,
          get checkpoints() {
            return { trusted: { note: sender.note } };
          },
        } as unknown as SyncContext,
        ready.checkpoint,
      );
      return sender;
    } catch (error) {
      link.close();
      throw error;
    }
  }

  async send(messages: readonly OutgoingText[]): Promise<Sent> {
    const { context, link } = this;
    const notes = new Set<string>();
    const ids: string[] = [];
    let bytes = 0;
    let payloadBytes = 0;
    const start = performance.now();
    let next = 0;
    const submitNext = async (): Promise<void> => {
      while (next < messages.length) {
        const { text, lang } = messages[next++]!;
        const item: QueuedItem = { id: toBase64Url(randomBytes(16)), order: next, attempts: 0, recipients: ['SY'], content: { type: 'text', lang, text }, createdAt: Date.now() };
        notes.add(this.note);
        const envelope: Envelope = sealItem(context, item);
        const encoded = envelopeBytes(envelope);
        // Numbered in the chain as soon as it is sealed: the next one may leave before this one's receipt is back.
        context.chain = advanceChain(context.chain, envelope, hashOfEnvelopeBytes(encoded));
        ids.push(item.id);
        bytes += encoded.length;
        payloadBytes += Math.ceil((envelope.ciphertext.length * 3) / 4) - 16;
        const receipt = await link.request({ type: 'submit', envelope });
        this.note = receipt.checkpoint;
      }
    };
    // WINDOW workers taking the next message in turn: sealing is synchronous, so the chain stays in order.
    await Promise.all(Array.from({ length: WINDOW }, submitNext));
    return { ids, seconds: (performance.now() - start) / 1000, envelopeBytes: bytes / messages.length, payloadBytes: payloadBytes / messages.length, distinctCheckpoints: notes.size };
  }

  close(): void {
    this.link.close();
  }
}
