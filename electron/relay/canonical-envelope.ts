/**
 * The canonical JSON (canonical-json.ts) of an envelope without its signature, written straight out for the one shape
 * the envelope schema allows instead of by the general algorithm's sorting and recursion: it runs on every submitted
 * envelope, and the general one was a large share of the relay's work per envelope. Members are in canonical
 * (sorted) order below; anything that is not exactly that shape with exactly those types — however it got here — goes
 * to the general algorithm, so the result is always the same text (held to it by the unit test).
 */
import { canonicalJson } from '../common/protocol/canonical-json';

const isPlain = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
const hasExactly = (value: Record<string, unknown>, count: number) => Object.keys(value).length === count;
const isString = (value: unknown): value is string => typeof value === 'string';
/** Canonical JSON writes only safe integers, and never -0. */
const isInteger = (value: unknown): value is number => Number.isSafeInteger(value) && !Object.is(value, -0);

function header(h: unknown): string | null {
  if (!isPlain(h) || !hasExactly(h, 9)) return null;
  const { createdAt, id, kind, prev, recipients, sender, senderPost, seq, v } = h;
  if (!isInteger(createdAt) || !isString(id) || !isString(kind) || !(prev === null || isString(prev)) || !isString(sender) || !isString(senderPost) || !isInteger(seq) || !isInteger(v)) return null;
  if (!Array.isArray(recipients) || !recipients.every(isString)) return null;
  const q = JSON.stringify;
  return (
    `{"createdAt":${createdAt},"id":${q(id)},"kind":${q(kind)},"prev":${prev === null ? 'null' : q(prev)},` +
    `"recipients":[${recipients.map((r) => q(r)).join(',')}],"sender":${q(sender)},"senderPost":${q(senderPost)},"seq":${seq},"v":${v}}`
  );
}

function sealedKeys(keys: unknown): string | null {
  if (!Array.isArray(keys)) return null;
  const written: string[] = [];
  for (const key of keys) {
    if (!isPlain(key) || !hasExactly(key, 2) || !isString(key.device) || !isString(key.sealed)) return null;
    written.push(`{"device":${JSON.stringify(key.device)},"sealed":${JSON.stringify(key.sealed)}}`);
  }
  return `[${written.join(',')}]`;
}

/** Canonical JSON of `unsigned` (an envelope without `sig`). */
export function canonicalUnsignedEnvelope(unsigned: Record<string, unknown>): string {
  const { ciphertext, nonce } = unsigned;
  const h = header(unsigned.header);
  const k = sealedKeys(unsigned.keys);
  if (!hasExactly(unsigned, 4) || !isString(ciphertext) || !isString(nonce) || h === null || k === null) return canonicalJson(unsigned);
  return `{"ciphertext":${JSON.stringify(ciphertext)},"header":${h},"keys":${k},"nonce":${JSON.stringify(nonce)}}`;
}
