/**
 * What the parts of the sync client share: the vault, who this device is, its keys, what it trusts, and the
 * connection of the moment. One object, owned by SyncClient, handed to the receiver, the sender and the prover.
 */
import type { BoxKeyPair, SigningKeyPair } from '../../../electron/common/crypto/sodium';
import type { AlarmKind, CoreTopic } from '../api';
import type { ChainState, IdentityState, InclusionState, SyncState } from '../channel/channel-state';
import type { StoredMessage } from '../messages/message-view';
import type { RecordWrite, Vault } from '../vault';
import type { CheckpointTrust } from './checkpoint-trust';
import type { VerifiedDirectory } from './directory';
import type { EnvelopeChecker } from './envelope-checker';
import type { RelayLink } from './relay-link';

export interface DeviceKeys {
  readonly sign: SigningKeyPair;
  readonly box: BoxKeyPair;
}

export interface Clock {
  now(): number;
}

export interface SyncContext {
  readonly vault: Vault;
  readonly identity: IdentityState;
  readonly keys: DeviceKeys;
  readonly clock: Clock;
  readonly checkpoints: CheckpointTrust;
  /** Computes delivered envelopes' signatures and payloads ahead of the receiver (closed when the sync stops). */
  readonly checker: EnvelopeChecker;
  directory: Omit<VerifiedDirectory, 'rejected'>;
  chain: ChainState;
  sync: SyncState;
  inclusion: InclusionState;
  /** The authenticated connection, while there is one. */
  link: RelayLink | null;
  /** Records an alarm in the vault and tells the UI. */
  raise(kind: AlarmKind, detail?: Readonly<Record<string, string | number>>): Promise<void>;
  changed(...topics: CoreTopic[]): void;
  /**
   * Where a background task's failure goes. A lost connection or a vault locked under it ends the task quietly (the
   * next connection or unlock starts over); anything else is logged.
   */
  background(error: unknown): void;
  /** Fetches the directory again (after an unknown sender, or a sealing refusal). */
  refreshDirectory(): Promise<void>;
  /**
   * Changes a stored message (with `also` in the same transaction): every change to a stored message goes through the
   * receiver, in order with what it stores (receiver.ts `update`). Resolves false if no such message is stored.
   */
  updateMessage(id: string, mutate: (message: StoredMessage) => StoredMessage, also?: readonly RecordWrite[]): Promise<boolean>;
  /** Judges a checkpoint note with the current connection's proofs, raising an alarm if it fails. */
  observeCheckpoint(note: string): Promise<boolean>;
}
