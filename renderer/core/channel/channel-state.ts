/**
 * The channel as this device keeps it, in the vault's `state` table (encrypted like everything else): who this device
 * is and whom it trusts (identity), what it has verified (trust), where its own chain stands (chain) and how far it
 * has read the log (sync). Each is a strict schema, parsed on every read: the vault hands back untrusted bytes.
 */
import { z } from 'zod';
import { PreviousByPost } from '../../../electron/common/message/payload';
import { SignedCertificate, SignedRevocationList } from '../../../electron/common/protocol/certificates';
import { ChannelId, DeviceId, Hash, PostSchema, PublicKey, RolesSchema } from '../../../electron/common/protocol/schemas';
import { RelayUrlSchema } from '../../../electron/common/settings';
import { CoreError } from '../core-error';
import { LineCheckLog } from '../messages/line-checks';
import { PolicyLog } from '../messages/policy-log';
import { GlossaryLog } from '../translation/glossary-log';
import { TranslatorLanguages } from '../translation/workspace-store';
import type { RecordWrite, Vault } from '../vault';

const LogIndex = z.number().int().min(-1).max(Number.MAX_SAFE_INTEGER);

export const IdentityState = z.strictObject({
  id: z.literal('identity'),
  deviceId: DeviceId,
  channelId: ChannelId,
  /** The channel root public key: everything this device trusts is signed by it. */
  channelKey: PublicKey,
  relayUrl: RelayUrlSchema,
  /** The relay's key, pinned when this device first met the relay: its checkpoints must be signed by it. */
  relayKey: PublicKey,
  post: PostSchema,
  roles: RolesSchema,
  name: z.string(),
  enrolment: z.enum(['unsent', 'pending', 'ready']),
  certificate: SignedCertificate.nullable(),
  holdsChannelRoot: z.boolean(),
});
export type IdentityState = z.infer<typeof IdentityState>;

export const TrustedCheckpoint = z.strictObject({ size: z.number().int().min(0), root: Hash, note: z.string() });
export type TrustedCheckpoint = z.infer<typeof TrustedCheckpoint>;

export const TrustState = z.strictObject({
  id: z.literal('trust'),
  /** The newest checkpoint verified: signed by the pinned relay key and consistent with every earlier one. */
  checkpoint: TrustedCheckpoint.nullable(),
  /** Certificates verified under the channel root, by device id. */
  directory: z.array(SignedCertificate),
  revocations: SignedRevocationList.nullable(),
});
export type TrustState = z.infer<typeof TrustState>;

export const ChainState = z.strictObject({
  id: z.literal('chain'),
  /** The last of this device's envelopes the relay accepted. */
  seq: z.number().int().min(0),
  lastHash: Hash.nullable(),
  /** For each post, this device's last accepted envelope whose audience included it (see payload.ts). */
  previous: PreviousByPost,
});
export type ChainState = z.infer<typeof ChainState>;

export const SyncState = z.strictObject({
  id: z.literal('sync'),
  /** Every delivered envelope up to here is verified and stored (the client's own cursor, §7.6). */
  processedIndex: LogIndex,
  lastSyncAt: z.number().nullable(),
});
export type SyncState = z.infer<typeof SyncState>;

/** A record of its own so the receiver and the inclusion prover never overwrite each other's progress. */
export const InclusionState = z.strictObject({
  id: z.literal('inclusion'),
  /** Every envelope stored up to here has had its inclusion in the log verified. */
  includedThrough: LogIndex,
});
export type InclusionState = z.infer<typeof InclusionState>;

export const INITIAL_TRUST: TrustState = { id: 'trust', checkpoint: null, directory: [], revocations: null };
export const INITIAL_CHAIN: ChainState = { id: 'chain', seq: 0, lastHash: null, previous: {} };
export const INITIAL_SYNC: SyncState = { id: 'sync', processedIndex: -1, lastSyncAt: null };
export const INITIAL_INCLUSION: InclusionState = { id: 'inclusion', includedThrough: -1 };

const SCHEMAS = { identity: IdentityState, trust: TrustState, chain: ChainState, sync: SyncState, inclusion: InclusionState, 'line-checks': LineCheckLog, policy: PolicyLog, translator: TranslatorLanguages, glossary: GlossaryLog } as const;
type StateName = keyof typeof SCHEMAS;
type StateOf<N extends StateName> = z.infer<(typeof SCHEMAS)[N]>;

/** Reads one state record; a missing one is null, a corrupt one is an error (the vault has quarantined it). */
export async function readState<N extends StateName>(vault: Vault, name: N): Promise<StateOf<N> | null> {
  const result = await vault.get('state', name);
  if (result.status === 'missing') return null;
  if (result.status === 'corrupt') throw new CoreError('core.internal');
  const parsed = SCHEMAS[name].safeParse(result.record);
  if (!parsed.success) throw new CoreError('core.internal');
  return parsed.data as StateOf<N>;
}

export const stateWrite = (state: StateOf<StateName>): RecordWrite => ({ table: 'state', record: state });
