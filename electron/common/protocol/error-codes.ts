/**
 * The relay's error codes, in a module of their own with no dependencies, so the UI can translate them without loading
 * the protocol's crypto.
 */
/** Stable error codes: clients branch on these, and the UI translates them. See PROTOCOL.md for each. */
export const ERROR_CODES = [
  'malformed-frame',
  'unsupported-version',
  'frame-too-large',
  'not-bound',
  'already-bound',
  'bind-refused',
  'not-authenticated',
  'already-authenticated',
  'auth-nonce-expired',
  'auth-nonce-unknown',
  'auth-failed',
  'unknown-device',
  'device-not-yet-valid',
  'device-expired',
  'device-revoked',
  'forbidden',
  'rate-limited',
  'envelope-too-large',
  'sender-mismatch',
  'sender-post-mismatch',
  'bad-signature',
  'bad-certificate',
  'stale-revocation-list',
  'bad-enrolment',
  'sequence-gap',
  'sequence-replay',
  'chain-fork',
  'not-sealed-to-desk',
  'missing-recipient-device',
  'sealed-to-unknown-device',
  'unknown-index',
  'internal-error',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
