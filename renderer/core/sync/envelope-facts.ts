/**
 * The costly, judgement-free part of checking a delivered envelope: its canonical bytes and hash, whether its
 * signature verifies under a given key, and its payload opened with this device's box key and decoded. Computed
 * ahead of time (in the envelope checker, possibly on another thread: envelope-checker.ts), then handed to
 * `checkEnvelope`, which still makes every decision itself in its own order — these are facts, not verdicts.
 */
import { fromBase64Url, type BoxKeyPair } from '../../../electron/common/crypto/sodium';
import { decodePayload, type Payload } from '../../../electron/common/message/payload';
import { envelopeBytesAndSigningInput, envelopeSigningInput, hashOfEnvelopeBytes, openEnvelope, verifyEnvelopeSignature, type Envelope } from '../../../electron/common/protocol/envelope';

export interface EnvelopeFacts {
  /** The envelope's canonical bytes, as stored and as hashed into the log. */
  readonly bytes: Uint8Array;
  readonly hash: string;
  /** The signing key (base64url, as certificates carry it) the signature was checked against, and the outcome; null if none was known. */
  readonly signature: { readonly key: string; readonly valid: boolean } | null;
  /** The payload, opened and decoded; null if it did not open or decode; undefined if it is not sealed to this device. */
  readonly payload?: Payload | null;
}

/** Who opens: this device's id (its sealed key is found by it) and box key pair. */
export interface Opener {
  readonly deviceId: string;
  readonly box: BoxKeyPair;
}

/** `signKey`: the sender's signing key from the directory of the moment, if it has one. */
export function envelopeFacts(envelope: Envelope, signKey: string | undefined, opener: Opener): EnvelopeFacts {
  const { bytes, signingInput } = envelopeBytesAndSigningInput(envelope);
  const signature = signKey === undefined ? null : { key: signKey, valid: signatureValid(envelope, signKey, signingInput) };
  const facts = { bytes, hash: hashOfEnvelopeBytes(bytes), signature };
  return envelope.keys.some((key) => key.device === opener.deviceId) ? { ...facts, payload: openPayload(envelope, opener) } : facts;
}

function signatureValid(envelope: Envelope, signKey: string, signingInput: Uint8Array = envelopeSigningInput(envelope)): boolean {
  try {
    return verifyEnvelopeSignature(envelope, fromBase64Url(signKey), signingInput);
  } catch {
    // A key that is not base64url verifies nothing (a certificate's key is checked when the directory is verified).
    return false;
  }
}

function openPayload(envelope: Envelope, opener: Opener): Payload | null {
  const plaintext = openEnvelope(envelope, opener.deviceId, opener.box);
  return plaintext ? decodePayload(plaintext) : null;
}

/** What `checkEnvelope` asks of the cryptography, answered from facts where they apply and computed where not. */
export interface EnvelopeCrypto {
  /** Whether the signature verifies under `signKey` (base64url). */
  signatureValid(signKey: string): boolean;
  /** The payload opened with this device's key and decoded, or null. Asked only of an envelope sealed to it. */
  open(): Payload | null;
}

/** Everything computed when asked, on this thread. */
export const liveCrypto = (envelope: Envelope, opener: Opener): EnvelopeCrypto => ({
  signatureValid: (signKey) => signatureValid(envelope, signKey),
  open: () => openPayload(envelope, opener),
});

export function cryptoFrom(envelope: Envelope, facts: EnvelopeFacts, opener: Opener): EnvelopeCrypto {
  return {
    // The directory may have changed since the facts were computed (a refresh after an unknown sender): a signature
    // checked against another key, or none, is checked again here.
    signatureValid: (signKey) => (facts.signature?.key === signKey ? facts.signature.valid : signatureValid(envelope, signKey)),
    open: () => (facts.payload !== undefined ? facts.payload : openPayload(envelope, opener)),
  };
}
