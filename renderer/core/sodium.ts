/**
 * The one place libsodium is imported. Only the default import works at run time (named imports type-check and then
 * fail), and the sumo build is required: the standard build has no crypto_pwhash (Argon2id).
 */
import sodium from 'libsodium-wrappers-sumo';

export type Sodium = typeof sodium;

let loading: Promise<Sodium> | null = null;

export function loadSodium(): Promise<Sodium> {
  loading ??= sodium.ready.then(() => sodium);
  return loading;
}
