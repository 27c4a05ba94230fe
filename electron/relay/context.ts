/** What every connection of a running relay shares: its store, keys, channel state, limits and the open sessions. */
import type { CursorWriter } from './cursor-writer';
import type { Directory } from './directory';
import type { ChannelBinding, RelayKeys } from './identity';
import type { Logger } from './log';
import type { AppendedEnvelope, LogWriter } from './log-writer';
import type { MerkleLog } from './merkle-log';
import type { RateLimiter } from './rate-limit';
import type { RelayStore } from './store/relay-store';

export interface RelayConfig {
  readonly dataDir: string;
  readonly host: string;
  readonly port: number;
  /** How long an authentication challenge is valid. */
  readonly nonceTtlMs: number;
  /** Envelopes a device may submit: burst size and sustained rate per second. */
  readonly submitBurst: number;
  readonly submitPerSecond: number;
  /** Unauthenticated requests (enrolment, publication) per remote address: burst and per minute. */
  readonly openBurst: number;
  readonly openPerMinute: number;
}

/** The channel a bound relay serves. */
export interface ChannelState {
  readonly binding: ChannelBinding;
  readonly directory: Directory;
  readonly log: MerkleLog;
  readonly writer: LogWriter;
  readonly cursors: CursorWriter;
}

export interface SessionHandle {
  readonly deviceId: string | null;
  /** Delivers envelopes just appended to the log, those for this device's post. */
  appended(envelopes: readonly AppendedEnvelope[]): void;
  /** Ends the session because its device was revoked. */
  revoke(): void;
}

export interface RelayContext {
  readonly config: RelayConfig;
  readonly store: RelayStore;
  readonly keys: RelayKeys;
  readonly logger: Logger;
  readonly submitLimiter: RateLimiter;
  readonly openLimiter: RateLimiter;
  readonly sessions: Set<SessionHandle>;
  channel: ChannelState | null;
  bind(rootPublicKey: Uint8Array): ChannelState;
  now(): number;
}
