/**
 * Who a device is: its id (derived from its signing key, so it cannot be claimed by another key), and the fingerprint
 * two people read to each other by voice to confirm an enrolment: 30 digits in six groups, digits being the one thing
 * Hebrew, Arabic and English speakers all read the same way.
 */
import { concatBytes, fromBase64Url, sha256, toBase64Url, utf8Encode } from '../crypto/sodium';

// Labels keep the three hashes apart: a device id can never equal a fingerprint or channel id of the same key.
const label = (name: string) => utf8Encode(`liaison-hotline/v1/${name}\n`);

/** base64url of the first 16 bytes of SHA-256(label || signing public key). */
export function deviceIdFor(signPublicKey: Uint8Array): string {
  return toBase64Url(sha256(concatBytes(label('device-id'), signPublicKey)).slice(0, 16));
}

/** A channel is named by its root key: base64url of the first 16 bytes of SHA-256(label || root public key). */
export function channelIdFor(rootPublicKey: Uint8Array): string {
  return toBase64Url(sha256(concatBytes(label('channel-id'), rootPublicKey)).slice(0, 16));
}

/**
 * Six groups of five digits from SHA-256(label || signing key || encryption key): each group is a 5-byte chunk read
 * as a big-endian integer, modulo 100000. About 100 bits: enough that no one can make a key pair that reads the same.
 */
export function fingerprint(signPublicKey: string, boxPublicKey: string): string {
  const digest = sha256(concatBytes(label('fingerprint'), fromBase64Url(signPublicKey), fromBase64Url(boxPublicKey)));
  const groups: string[] = [];
  for (let group = 0; group < 6; group += 1) {
    let value = 0;
    for (let i = 0; i < 5; i += 1) value = value * 256 + digest[group * 5 + i]!;
    groups.push(String(value % 100000).padStart(5, '0'));
  }
  return groups.join(' ');
}
