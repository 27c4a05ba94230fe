/**
 * Blind index: a keyed BLAKE2b hash of each search token, so stored search data can be matched against a query's
 * hashes but reveals no word to whoever reads the storage without the key. The key is a search key derived for this
 * purpose alone (never the key that encrypts records), and the hash is domain-separated by a label, so any other use
 * of that key can never produce the same value.
 */
import { keyedHash, toBase64Url, utf8Encode } from '../crypto/sodium';

/** 128 bits: collisions between the distinct tokens of a vault are out of reach, and index rows stay small. */
export const BLIND_HASH_BYTES = 16;

// Labels end in NUL and tokens (letters and digits) contain none, so label and token can never run into each other.
const blind = (key: Uint8Array, label: string, value: string): string =>
  toBase64Url(keyedHash(BLIND_HASH_BYTES, utf8Encode(`${label}\0${value}`), key));

/** The stored stand-in for one token. */
export const blindToken = (searchKey: Uint8Array, token: string): string => blind(searchKey, 'liaison-search-token', token);
