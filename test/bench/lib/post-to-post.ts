/**
 * The endpoints' side of a post-to-post message, written once so that the relay and its baseline are timed doing
 * exactly the same endpoint work: the sender composes (signs and seals, with the tests' `compose`), the message is
 * carried to the receiver (by the relay, or by the bare forwarder), whose RelayClient parses and validates the deliver
 * frame; then the receiver verifies the sender's signature and opens the envelope. One message at a time.
 */
import { fromBase64Url } from '../../../electron/common/crypto/sodium';
import type { SignedCertificate } from '../../../electron/common/protocol/certificates';
import { canonicalBytes } from '../../../electron/common/protocol/canonical-json';
import { openEnvelope, verifyEnvelopeSignature, type Envelope } from '../../../electron/common/protocol/envelope';
import type { RelayFrameOf } from '../../../electron/common/protocol/frames';
import type { Post } from '../../../electron/common/protocol/schemas';
import { accepted, compose, type TestDevice } from '../../support/channel';
import type { RelayClient } from '../../support/relay-client';

export interface Phases {
  readonly total: number[];
  readonly compose: number[];
  /** From the composed envelope handed to the sender's socket to the deliver frame validated at the receiver. */
  readonly transit: number[];
  readonly verifyOpen: number[];
}

export interface Carrier {
  /**
   * Sends the envelope on its way. `delivered` resolves when the receiver's client has validated the deliver frame;
   * `settled` (untimed, awaited after) is whatever else the path owes the sender, such as the relay's receipt.
   */
  carry(envelope: Envelope, i: number): { delivered: Promise<RelayFrameOf<'deliver'>>; settled: Promise<void> };
}

export interface PostToPostOptions {
  readonly sender: TestDevice;
  readonly receiver: TestDevice;
  readonly directory: readonly SignedCertificate[];
  readonly recipients: Post[];
  readonly text: string;
  readonly warmup: number;
  readonly count: number;
}

/** Waits on `client` for the deliver frame of the envelope with this id, looking from frame number `from`. */
export const deliveryOf = (client: RelayClient, id: string, from: number) =>
  client.waitFor((f) => f.type === 'deliver' && f.envelope.header.id === id, 10_000, from) as Promise<RelayFrameOf<'deliver'>>;

export async function postToPost(carrier: Carrier, options: PostToPostOptions): Promise<{ phases: Phases; envelopeBytes: number }> {
  const { sender, receiver } = options;
  // The receiver knows the sender's key from the directory before any message arrives.
  const senderKey = fromBase64Url(sender.certificate.body.signKey);
  const plaintextBytes = new TextEncoder().encode(options.text).length;
  const phases: Phases = { total: [], compose: [], transit: [], verifyOpen: [] };
  let envelopeBytes = 0;
  for (let i = 0; i < options.warmup + options.count; i += 1) {
    const t0 = performance.now();
    const envelope = compose(sender, options.directory, { recipients: options.recipients, text: options.text });
    const t1 = performance.now();
    const { delivered, settled } = carrier.carry(envelope, i);
    settled.catch(() => {}); // observed below; this only keeps an early refusal from being an unhandled rejection
    const frame = await delivered;
    const t2 = performance.now();
    if (!verifyEnvelopeSignature(frame.envelope, senderKey)) throw new Error(`message ${i}: signature does not verify at the receiver`);
    const plaintext = openEnvelope(frame.envelope, receiver.deviceId, receiver.box);
    const t3 = performance.now();
    if (plaintext?.length !== plaintextBytes) throw new Error(`message ${i}: the receiver could not open it`);
    await settled;
    accepted(sender, envelope);
    if (i < options.warmup) continue;
    phases.total.push(t3 - t0);
    phases.compose.push(t1 - t0);
    phases.transit.push(t2 - t1);
    phases.verifyOpen.push(t3 - t2);
    envelopeBytes = canonicalBytes(envelope).length;
  }
  return { phases, envelopeBytes };
}
