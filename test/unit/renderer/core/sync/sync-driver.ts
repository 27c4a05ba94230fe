/**
 * Drivers for the sync unit tests: a sender with its signing key, this device's box key pair, and real envelopes
 * between them (sealed and signed with libsodium, as a device makes them).
 */
import { generateBoxKeyPair, generateSigningKeyPair, toBase64Url, type BoxKeyPair } from '../../../../../electron/common/crypto/sodium';
import { encodePayload, type Payload } from '../../../../../electron/common/message/payload';
import { sealEnvelope, type Envelope } from '../../../../../electron/common/protocol/envelope';

export const ME = 'SYSYSYSYSYSYSYSYSYSYSA';
export const SENDER = 'ILILILILILILILILILILIA';

export interface World {
  readonly box: BoxKeyPair;
  readonly signer: ReturnType<typeof generateSigningKeyPair>;
  readonly signKeys: ReadonlyMap<string, string>;
}

export function world(): World {
  const signer = generateSigningKeyPair();
  return { box: generateBoxKeyPair(), signer, signKeys: new Map([[SENDER, toBase64Url(signer.publicKey)]]) };
}

export const payload = (text: string): Payload => ({ v: 1, content: { type: 'text', lang: 'en', text }, trail: { previous: {}, checkpoint: null } });

export function envelope(w: World, seq: number, text = `message ${seq}`, sealedTo: BoxKeyPair = w.box): Envelope {
  return sealEnvelope({
    header: { v: 1, id: toBase64Url(new Uint8Array(16).fill(seq)), kind: 'message', sender: SENDER, senderPost: 'IL', recipients: ['SY'], createdAt: 1_800_000_000_000 + seq, seq, prev: seq === 1 ? null : toBase64Url(new Uint8Array(32).fill(seq)) },
    plaintext: encodePayload(payload(text)),
    recipients: [{ deviceId: ME, boxKey: sealedTo.publicKey }],
    senderSecretKey: w.signer.secretKey,
  });
}

/** A signature that no longer matches: the ciphertext's last character changed (still valid base64url). */
export const tampered = (e: Envelope): Envelope => ({ ...e, ciphertext: `${e.ciphertext.slice(0, -2)}${e.ciphertext.endsWith('AA') ? 'BA' : 'AA'}` });
