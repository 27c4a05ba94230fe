/**
 * What a device checks on every envelope the relay delivers, before it believes a word of it: the sender's
 * certificate (under the channel root, valid when the envelope was made, not revoked by then), the sender's post, the
 * signature, and that it opens. The sender's chain and trail are checked against what is stored (chain-check.ts);
 * inclusion in the log against a trusted checkpoint (inclusion.ts).
 */
import type { BoxKeyPair } from '../../../electron/common/crypto/sodium';
import type { Payload } from '../../../electron/common/message/payload';
import type { SignedCertificate, SignedRevocationList } from '../../../electron/common/protocol/certificates';
import { audienceOf, type Envelope } from '../../../electron/common/protocol/envelope';
import type { Post } from '../../../electron/common/protocol/schemas';
import type { AlarmKind } from '../api';
import { revokedAt } from './directory';
import { liveCrypto, type EnvelopeCrypto } from './envelope-facts';

export interface Recipient {
  readonly deviceId: string;
  readonly post: Post;
  readonly box: BoxKeyPair;
  /** From when this device's certificate is valid: envelopes made before it were not sealed to it. */
  readonly since: number;
}

export type EnvelopeVerdict =
  | { readonly ok: true; readonly sender: SignedCertificate; readonly payload: Payload }
  /** Verified, but made before this device joined, so not sealed to it: kept, not readable here. */
  | { readonly ok: true; readonly sender: SignedCertificate; readonly payload: null }
  | { readonly ok: false; readonly alarm: AlarmKind; readonly detail: Readonly<Record<string, string | number>> };

/**
 * `crypto`: the signature and opening, from facts computed ahead (envelope-facts.ts) where the receiver has them;
 * computed here otherwise. Either way they are asked in the same order, so the same envelope raises the same alarm.
 */
export function checkEnvelope(
  envelope: Envelope,
  directory: { readonly certificates: readonly SignedCertificate[]; readonly revocations: SignedRevocationList | null },
  me: Recipient,
  crypto: EnvelopeCrypto = liveCrypto(envelope, me),
): EnvelopeVerdict {
  const { header } = envelope;
  const sender = directory.certificates.find((certificate) => certificate.body.deviceId === header.sender);
  if (!sender) return { ok: false, alarm: 'unknown-sender', detail: { post: header.senderPost } };
  const name = sender.body.name;
  if (header.createdAt < sender.body.notBefore || header.createdAt >= sender.body.notAfter) {
    return { ok: false, alarm: 'unknown-sender', detail: { post: header.senderPost, name } };
  }
  const revoked = revokedAt(directory.revocations, header.sender);
  if (revoked !== null && header.createdAt >= revoked) return { ok: false, alarm: 'revoked-sender', detail: { post: header.senderPost, name } };
  if (header.senderPost !== sender.body.post || !crypto.signatureValid(sender.body.signKey)) {
    return { ok: false, alarm: 'bad-signature', detail: { post: sender.body.post, name } };
  }
  if (!audienceOf(header).has(me.post)) return { ok: false, alarm: 'malformed-frame', detail: { detail: 'not addressed to this post' } };
  const sealedToMe = envelope.keys.some((key) => key.device === me.deviceId);
  if (!sealedToMe && header.createdAt < me.since) return { ok: true, sender, payload: null };
  const payload = sealedToMe ? crypto.open() : null;
  if (!payload) return { ok: false, alarm: 'undecryptable', detail: { post: sender.body.post, name } };
  return { ok: true, sender, payload };
}
