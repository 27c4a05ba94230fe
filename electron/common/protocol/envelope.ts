/**
 * The envelope: everything that crosses the relay. Its header is the minimum the relay needs to route and order it;
 * the payload is encrypted under a fresh content key (XChaCha20-Poly1305, the header as associated data), and the
 * content key is sealed to each recipient device. The sender signs header, sealed keys, nonce and ciphertext.
 *
 * An envelope's hash is its Merkle leaf hash, SHA-256(0x00 || canonical JSON of the whole envelope): the same value
 * names it in receipts, chains a device's envelopes together (`prev`) and sits in the relay's log.
 */
import { z } from 'zod';
import {
  AEAD_KEY_BYTES,
  AEAD_NONCE_BYTES,
  aeadDecrypt,
  aeadEncrypt,
  fromBase64Url,
  openSealed,
  randomBytes,
  sealTo,
  signDetached,
  toBase64Url,
  utf8Encode,
  verifyDetached,
  wipe,
  type BoxKeyPair,
} from '../crypto/sodium';
import { leafHash } from '../merkle/merkle';
import { canonicalBytes, canonicalJson, signingInput, SIGNING_PREFIX } from './canonical-json';
import { MAX_ENVELOPE_BYTES, MAX_SEALED_KEYS, PROTOCOL_VERSION } from './limits';
import { Bytes, DeviceId, Hash, PostSchema, PostsSchema, Signature, Time, VarBytes, type Post } from './schemas';

export const ENVELOPE_KINDS = ['message', 'event', 'translation', 'line-check', 'glossary', 'policy'] as const;
export type EnvelopeKind = (typeof ENVELOPE_KINDS)[number];

export const EnvelopeHeader = z
  .object({
    v: z.literal(PROTOCOL_VERSION),
    id: Bytes(16),
    kind: z.enum(ENVELOPE_KINDS),
    sender: DeviceId,
    senderPost: PostSchema,
    recipients: PostsSchema,
    createdAt: Time,
    seq: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
    prev: Hash.nullable(),
  })
  .strict()
  .refine((h) => (h.seq === 1) === (h.prev === null), 'prev is null exactly for the first envelope (seq 1)');
export type EnvelopeHeader = z.infer<typeof EnvelopeHeader>;

/** The content key sealed to one device (crypto_box_seal of 32 bytes: 80 bytes). */
export const SealedKey = z.object({ device: DeviceId, sealed: Bytes(AEAD_KEY_BYTES + 48) }).strict();

export const Envelope = z
  .object({
    header: EnvelopeHeader,
    keys: z
      .array(SealedKey)
      .min(1)
      .max(MAX_SEALED_KEYS)
      .refine((keys) => keys.every((k, i) => i === 0 || keys[i - 1]!.device < k.device), 'sealed keys must be sorted by device, once each'),
    nonce: Bytes(AEAD_NONCE_BYTES),
    ciphertext: VarBytes(MAX_ENVELOPE_BYTES),
    sig: Signature,
  })
  .strict();
export type Envelope = z.infer<typeof Envelope>;

/** The posts an envelope is for: its recipients, the sender's own post (its other devices) and always the desk. */
export function audienceOf(header: Pick<EnvelopeHeader, 'recipients' | 'senderPost'>): ReadonlySet<Post> {
  return new Set<Post>([...header.recipients, header.senderPost, 'US']);
}

export const envelopeBytes = (envelope: Envelope): Uint8Array => canonicalBytes(envelope);

/** The envelope's hash: its RFC 9162 leaf hash, from the envelope or from its canonical bytes if already at hand. */
export const hashOfEnvelopeBytes = (bytes: Uint8Array): string => toBase64Url(leafHash(bytes));
export const envelopeHash = (envelope: Envelope): string => hashOfEnvelopeBytes(envelopeBytes(envelope));

const signedPart = (envelope: Omit<Envelope, 'sig'>) => signingInput('envelope', envelope);
const associatedData = (header: EnvelopeHeader) => signingInput('envelope-header', header);

export interface SealInput {
  readonly header: EnvelopeHeader;
  readonly plaintext: Uint8Array;
  /** Every device the content key is sealed to: id and X25519 public key. */
  readonly recipients: readonly { readonly deviceId: string; readonly boxKey: Uint8Array }[];
  readonly senderSecretKey: Uint8Array;
}

export function sealEnvelope(input: SealInput): Envelope {
  const header = EnvelopeHeader.parse(input.header);
  const contentKey = randomBytes(AEAD_KEY_BYTES);
  try {
    const nonce = randomBytes(AEAD_NONCE_BYTES);
    const keys = [...input.recipients]
      .sort((a, b) => (a.deviceId < b.deviceId ? -1 : a.deviceId > b.deviceId ? 1 : 0))
      .map((r) => ({ device: r.deviceId, sealed: toBase64Url(sealTo(contentKey, r.boxKey)) }));
    const unsigned = {
      header,
      keys,
      nonce: toBase64Url(nonce),
      ciphertext: toBase64Url(aeadEncrypt(input.plaintext, associatedData(header), nonce, contentKey)),
    };
    return signEnvelope(unsigned, input.senderSecretKey);
  } finally {
    wipe(contentKey);
  }
}

/** The sender's Ed25519 signature over header, sealed keys, nonce and ciphertext. */
export function signEnvelope(unsigned: Omit<Envelope, 'sig'>, senderSecretKey: Uint8Array): Envelope {
  return { ...unsigned, sig: toBase64Url(signDetached(signedPart(unsigned), senderSecretKey)) };
}

/** The bytes the sender's signature covers (for verifiers other than libsodium's, such as the relay's). */
export function envelopeSigningInput(envelope: Envelope): Uint8Array {
  const { sig: _sig, ...unsigned } = envelope;
  return signedPart(unsigned);
}

/**
 * The envelope's canonical bytes and the bytes its signature covers, from one canonical serialisation rather than two
 * of the same large ciphertext: `sig` sorts after every other member, so the whole envelope's canonical JSON is the
 * unsigned one with `,"sig":"…"` before its closing brace (as the relay encodes it, electron/relay/envelope-encoding.ts).
 */
export function envelopeBytesAndSigningInput(envelope: Envelope): { readonly bytes: Uint8Array; readonly signingInput: Uint8Array } {
  const { sig, ...unsigned } = envelope;
  if (!Object.keys(unsigned).every((key) => key < 'sig')) return { bytes: envelopeBytes(envelope), signingInput: signedPart(unsigned) };
  const unsignedJson = canonicalJson(unsigned);
  return { bytes: utf8Encode(`${unsignedJson.slice(0, -1)},"sig":${JSON.stringify(sig)}}`), signingInput: utf8Encode(`${SIGNING_PREFIX}envelope\n${unsignedJson}`) };
}

/** `signingInput`: from `envelopeBytesAndSigningInput`, when the caller has it already. */
export function verifyEnvelopeSignature(envelope: Envelope, senderSignKey: Uint8Array, signingInput?: Uint8Array): boolean {
  try {
    return verifyDetached(fromBase64Url(envelope.sig), signingInput ?? envelopeSigningInput(envelope), senderSignKey);
  } catch {
    return false;
  }
}

/** The plaintext, or null if this device has no sealed key in it or the ciphertext does not authenticate. */
export function openEnvelope(envelope: Envelope, deviceId: string, keyPair: BoxKeyPair): Uint8Array | null {
  const mine = envelope.keys.find((k) => k.device === deviceId);
  if (!mine) return null;
  const contentKey = openSealed(fromBase64Url(mine.sealed), keyPair);
  if (!contentKey || contentKey.length !== AEAD_KEY_BYTES) return null;
  try {
    return aeadDecrypt(fromBase64Url(envelope.ciphertext), associatedData(envelope.header), fromBase64Url(envelope.nonce), contentKey);
  } finally {
    wipe(contentKey);
  }
}
