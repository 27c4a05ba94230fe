/**
 * Blind index: a keyed BLAKE2b hash of each search token, so stored search data can be matched against a query's
 * hashes but reveals no word to whoever reads the storage without the key. The key is a search key derived for this
 * purpose alone (never the key that encrypts records). Each hash is domain-separated by a label, so a token hash can
 * never equal a posting key.
 */
import { keyedHash, toBase64Url, utf8Encode } from '../crypto/sodium';
import { searchTokens } from './normalize';

/** 128 bits: collisions between the distinct tokens of a vault are out of reach, and index rows stay small. */
export const BLIND_HASH_BYTES = 16;

// Labels end in NUL and tokens (letters and digits) contain none, so label and token can never run into each other.
const blind = (key: Uint8Array, label: string, value: string): string =>
  toBase64Url(keyedHash(BLIND_HASH_BYTES, utf8Encode(`${label}\0${value}`), key));

/** The stored stand-in for one token. */
export const blindToken = (searchKey: Uint8Array, token: string): string => blind(searchKey, 'liaison-search-token', token);

/**
 * A name for the pair (token, document) that is unlinkable to either without the key: index rows keyed by it do not
 * show which rows belong to the same document.
 */
export const blindPosting = (searchKey: Uint8Array, token: string, documentId: string): string =>
  blind(searchKey, 'liaison-search-posting', `${token}\0${documentId}`);

/** The blind tokens of a text (a message or a query), deduplicated. */
export const blindTokensOf = (searchKey: Uint8Array, text: string): readonly string[] =>
  searchTokens(text).map((token) => blindToken(searchKey, token));
