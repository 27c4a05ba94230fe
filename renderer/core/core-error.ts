/**
 * The core's failures as stable codes with parameters, never English sentences: the UI translates `errors:<code>`.
 * The vault's own codes pass through unchanged; the rest belong to onboarding, the desk, messaging and the relay
 * (`relay.<code>` for a refusal the relay answered, with the protocol's error code).
 */
import { ERROR_CODES, type ErrorCode } from '../../electron/common/protocol/error-codes';
import { VAULT_ERROR_CODES, isVaultError, type VaultErrorParams } from './vault/errors';

export const CORE_ERROR_CODES = [
  ...VAULT_ERROR_CODES,
  /** The relay address is not wss://, or ws:// on this machine. */
  'onboarding.invalidRelayUrl',
  /** No relay answered at that address. */
  'onboarding.relayUnreachable',
  /** Creating a channel needs a fresh relay; this one is bound already. */
  'onboarding.relayAlreadyBound',
  /** Joining needs a relay the desk has bound. */
  'onboarding.relayNotBound',
  /** The relay refused the bind token. */
  'onboarding.bindRefused',
  /** The channel key is not 43 base64url characters of an Ed25519 key. */
  'onboarding.invalidChannelKey',
  /** The relay serves a channel other than the one the key names. */
  'onboarding.wrongChannel',
  /** Display names: 1-64 characters, no control or direction characters. */
  'onboarding.invalidName',
  /** The passphrase is too easy to guess (see passphrase-strength.ts). */
  'onboarding.weakPassphrase',
  /** A post device must choose at least one role. */
  'onboarding.noRole',
  /** This profile already belongs to a channel. */
  'onboarding.alreadySetUp',
  /** An action that needs this device's certificate, before the desk approved it. */
  'core.notEnrolled',
  /** An action for the desk's supervisors only. */
  'core.notSupervisor',
  /** An action that needs the relay now (the desk's approvals, say), while it cannot be reached. */
  'core.offline',
  /** The enrolment request is no longer pending. */
  'desk.requestGone',
  'message.empty',
  /** Params: `max` (characters). */
  'message.tooLong',
  'message.noRecipients',
  /** Params: `max` (characters). */
  'message.noSubject',
  /** A template field that is missing or does not hold what it should (a location that does not parse, say). */
  'message.invalidTemplate',
  /** A draft the core cannot keep (a bug on the UI side: the draft is still on screen). */
  'message.invalidDraft',
  /** A reply would replace the message being written in the composer (the UI refuses it; the draft stays). */
  'message.draftInProgress',
  /** No message with that id on this device. */
  'message.notFound',
  /** Acknowledging is for officers of a post the message is addressed to. */
  'message.cannotAcknowledge',
  /** A desk note that is empty or too long. Params: `max` (characters). */
  'message.invalidNote',
  /** A translation request that names no language other than the message's own. */
  'message.invalidLanguages',
  /** An action for translators only. */
  'translation.notTranslator',
  /** Empty, too long, or in the original's own language. */
  'translation.invalid',
  /** Glossary entries that are not valid (each needs an id and terms in two languages). */
  'translation.invalidGlossary',
  /** A returned translation needs a comment saying why. */
  'translation.commentNeeded',
  /** The submission reviewed is not on this device. */
  'translation.gone',
  /** Two-person rule: the translator cannot certify their own translation (certification.ts). */
  'translation.same-person',
  /** Only a translator's submission, by a translator, is reviewed. */
  'translation.not-translator',
  /** Certifying over failed checks needs a written reason for each. Params: `count` (failed checks left). */
  'translation.checks-not-overridden',
  /** Channel policy values outside their ranges (policy.ts). */
  'policy.invalid',
  ...ERROR_CODES.map((code) => `relay.${code}` as const),
  /** Anything else; the worker's log has the detail. */
  'core.internal',
] as const;
export type CoreErrorCode = (typeof CORE_ERROR_CODES)[number];
export type CoreErrorParams = VaultErrorParams;

export class CoreError extends Error {
  override readonly name = 'CoreError';
  readonly code: CoreErrorCode;
  readonly params: CoreErrorParams;

  constructor(code: CoreErrorCode, params: CoreErrorParams = {}) {
    super(code);
    this.code = code;
    this.params = params;
  }
}

export const relayError = (code: ErrorCode): CoreError => new CoreError(`relay.${code}`);

const KNOWN_CODES: ReadonlySet<string> = new Set(CORE_ERROR_CODES);
export const isCoreErrorCode = (code: unknown): code is CoreErrorCode => typeof code === 'string' && KNOWN_CODES.has(code);

/** Any thrown value as a code and parameters the UI can translate. */
export function toCoreError(error: unknown): CoreError {
  if (error instanceof CoreError) return error;
  if (isVaultError(error)) return new CoreError(error.code, error.params);
  return new CoreError('core.internal');
}
