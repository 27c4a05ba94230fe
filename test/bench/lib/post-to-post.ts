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
  carry(envelope: Envelope): { delivered: Promise<RelayFrameOf<'deliver'>>; settled: Promise<void> };
}

/** One way from a sending device to a receiving one. */
export interface Path {
  readonly carrier: Carrier;
  readonly sender: TestDevice;
  readonly receiver: TestDevice;
  readonly directory: readonly SignedCertificate[];
  readonly recipients: Post[];
}

/** Waits on `client` for the deliver frame of the envelope with this id, looking from frame number `from`. */
export const deliveryOf = (client: RelayClient, id: string, from: number) =>
  client.waitFor((f) => f.type === 'deliver' && f.envelope.header.id === id, 10_000, from) as Promise<RelayFrameOf<'deliver'>>;

const noPhases = (): Phases => ({ total: [], compose: [], transit: [], verifyOpen: [] });

/** Sends `count` messages of `text` along `path`, one at a time, adding each one's phases to `into`; the envelope size. */
async function send(path: Path, text: string, count: number, into: Phases): Promise<number> {
  const { sender, receiver } = path;
  // The receiver knows the sender's key from the directory before any message arrives.
  const senderKey = fromBase64Url(sender.certificate.body.signKey);
  const plaintextBytes = new TextEncoder().encode(text).length;
  let envelopeBytes = 0;
  for (let i = 0; i < count; i += 1) {
    const t0 = performance.now();
    const envelope = compose(sender, path.directory, { recipients: path.recipients, text });
    const t1 = performance.now();
    const { delivered, settled } = path.carrier.carry(envelope);
    settled.catch(() => {}); // observed below; this only keeps an early refusal from being an unhandled rejection
    const frame = await delivered;
    const t2 = performance.now();
    if (!verifyEnvelopeSignature(frame.envelope, senderKey)) throw new Error(`seq ${envelope.header.seq}: signature does not verify at the receiver`);
    const plaintext = openEnvelope(frame.envelope, receiver.deviceId, receiver.box);
    const t3 = performance.now();
    if (plaintext?.length !== plaintextBytes) throw new Error(`seq ${envelope.header.seq}: the receiver could not open it`);
    await settled;
    accepted(sender, envelope);
    into.total.push(t3 - t0);
    into.compose.push(t1 - t0);
    into.transit.push(t2 - t1);
    into.verifyOpen.push(t3 - t2);
    envelopeBytes = canonicalBytes(envelope).length;
  }
  return envelopeBytes;
}

/**
 * Measures paths side by side: each is warmed up first (untimed), then they take turns in `blocks` blocks, so the
 * JIT's warmth and any drift in what else the shared machine is doing fall on all of them alike. Returns each path's
 * phases for `count` messages, and the envelope size.
 */
export async function measurePaths(paths: readonly Path[], options: { text: string; warmup: number; count: number; blocks: number }) {
  for (const path of paths) await send(path, options.text, options.warmup, noPhases());
  const phases = paths.map(noPhases);
  let envelopeBytes = 0;
  for (let block = 0; block < options.blocks; block += 1) {
    const size = Math.floor(options.count / options.blocks) + (block < options.count % options.blocks ? 1 : 0);
    for (const [i, path] of paths.entries()) envelopeBytes = await send(path, options.text, size, phases[i]!);
  }
  return { phases, envelopeBytes };
}
