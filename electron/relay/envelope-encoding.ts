/**
 * What the relay needs from a submitted envelope's encoding — its canonical bytes, its hash, the bytes its signature
 * covers and the signature itself — from ONE canonical serialisation (canonical-envelope.ts), hashed and decoded with
 * Node's native code.
 *
 * Why one is enough: the signature covers `liaison-hotline/v1/envelope\n` + the canonical JSON of the envelope without
 * `sig` (envelope.ts). Canonical JSON sorts members and has no whitespace, and `sig` sorts after every other member
 * of an envelope, so the whole envelope's canonical JSON is that same text with `,"sig":"…"` before its closing
 * brace. The unit test holds this to envelopeBytes, envelopeHash and envelopeSigningInput.
 */
import { hash } from 'node:crypto';
import { canonicalJson, SIGNING_PREFIX } from '../common/protocol/canonical-json';
import type { Envelope } from '../common/protocol/envelope';
import { canonicalUnsignedEnvelope } from './canonical-envelope';

export interface EncodedEnvelope {
  /** The canonical JSON, as stored and delivered. */
  readonly json: string;
  /** Its UTF-8 bytes (the log leaf's data). */
  readonly bytes: Buffer;
  /** The RFC 9162 leaf hash of `bytes`, base64url: the envelope's hash. */
  readonly hash: string;
  readonly signingInput: Buffer;
  /** The signature's bytes, or null if `sig` is not canonical base64url (a bad signature, not an error). */
  readonly signature: Buffer | null;
}

const ENVELOPE_SIGNING_PREFIX = `${SIGNING_PREFIX}envelope\n`;

export function encodeEnvelope(envelope: Envelope): EncodedEnvelope {
  const { sig, ...unsigned } = envelope;
  const unsignedJson = canonicalUnsignedEnvelope(unsigned);
  // The schema allows no other members; should one ever sort after `sig`, serialise the whole envelope instead.
  const sigIsLast = Object.keys(unsigned).every((key) => key < 'sig');
  const members = unsignedJson.slice(1, -1);
  const json = sigIsLast ? `{${members}${members === '' ? '' : ','}"sig":${JSON.stringify(sig)}}` : canonicalJson(envelope);
  // The leaf hash covers 0x00 and then the bytes: encoded once, straight after that prefix, and hashed in one call.
  const leaf = Buffer.allocUnsafe(1 + Buffer.byteLength(json, 'utf8'));
  leaf[0] = 0x00;
  leaf.write(json, 1, 'utf8');
  return {
    json,
    bytes: leaf.subarray(1),
    hash: hash('sha256', leaf, 'base64url'),
    signingInput: Buffer.from(`${ENVELOPE_SIGNING_PREFIX}${unsignedJson}`, 'utf8'),
    signature: strictBase64Url(sig),
  };
}

/** Decodes unpadded base64url, refusing what the protocol's strict decoder refuses (other alphabets, stray bits). */
export function strictBase64Url(text: string): Buffer | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  const bytes = Buffer.from(text, 'base64url');
  return bytes.toString('base64url') === text ? bytes : null;
}
