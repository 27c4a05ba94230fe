/**
 * Relay frames: JSON text messages over one WebSocket, each an object with a `type`. Every frame a client may send
 * and every frame the relay may send is declared here once; both sides validate what they receive against it.
 * A client request may carry `rid` (request id), which the relay echoes in its answer or error.
 */
import { z } from 'zod';
import { SignedCertificate, SignedEnrolmentRequest, SignedRevocationList } from './certificates';
import { Envelope } from './envelope';
import { ERROR_CODES } from './error-codes';
import { MAX_INCLUSIONS_PER_REQUEST, PROTOCOL_VERSION } from './limits';
import { Bytes, ChannelId, DeviceId, Hash, PublicKey, Signature, Time } from './schemas';

export { ERROR_CODES, type ErrorCode } from './error-codes';

const RequestId = z.string().min(1).max(64).optional();
const LogIndex = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
/** A signed checkpoint note (see merkle/checkpoint.ts). */
const CheckpointNote = z.string().max(4096);
/** An inclusion proof: hashes, leaf side first (at most one per level of a tree of 2^64 leaves). */
const InclusionProof = z.array(Hash).max(64);
const LeafIndexes = z.array(LogIndex).min(1).max(MAX_INCLUSIONS_PER_REQUEST);

const request = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.object({ type: z.literal(type), rid: RequestId, ...shape }).strict();

// --- client → relay ---

export const ClientFrame = z.discriminatedUnion('type', [
  request('hello', { v: z.number().int() }),
  request('auth', { device: DeviceId, nonce: Bytes(32), sig: Signature }),
  request('bind', { token: z.string().min(1).max(128), root: PublicKey, sig: Signature }),
  request('submit', { envelope: Envelope }),
  request('ack', { index: LogIndex }),
  request('get-checkpoint', {}),
  request('get-inclusion', { index: LogIndex, size: LogIndex }),
  request('get-inclusions', { indexes: LeafIndexes, size: LogIndex }),
  request('get-consistency', { from: LogIndex, to: LogIndex }),
  request('get-directory', {}),
  request('enrol', { request: SignedEnrolmentRequest }),
  request('get-enrolments', {}),
  request('refuse-enrolment', { deviceId: DeviceId }),
  request('get-certificate', { deviceId: DeviceId }),
  request('publish-certificate', { certificate: SignedCertificate }),
  request('publish-revocations', { list: SignedRevocationList }),
]);
export type ClientFrame = z.infer<typeof ClientFrame>;
export type ClientFrameType = ClientFrame['type'];

// --- relay → client ---

const answer = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) => z.object({ type: z.literal(type), rid: RequestId, ...shape }).strict();

export const RelayFrame = z.discriminatedUnion('type', [
  answer('challenge', { v: z.literal(PROTOCOL_VERSION), nonce: Bytes(32), relay: PublicKey, channel: ChannelId.nullable(), expiresAt: Time }),
  answer('bound', { channel: ChannelId, relay: PublicKey }),
  answer('ready', { device: DeviceId, cursor: z.number().int().min(-1), checkpoint: CheckpointNote }),
  answer('receipt', { hash: Hash, index: LogIndex, checkpoint: CheckpointNote }),
  answer('deliver', { index: LogIndex, envelope: Envelope }),
  answer('checkpoint', { checkpoint: CheckpointNote }),
  answer('inclusion', { index: LogIndex, size: LogIndex, proof: InclusionProof }),
  answer('inclusions', { indexes: LeafIndexes, size: LogIndex, proofs: z.array(InclusionProof).max(MAX_INCLUSIONS_PER_REQUEST) }),
  answer('consistency', { from: LogIndex, to: LogIndex, proof: z.array(Hash).max(128) }),
  answer('directory', { certificates: z.array(SignedCertificate), revocations: SignedRevocationList.nullable() }),
  answer('enrol-received', { deviceId: DeviceId }),
  answer('enrolments', { requests: z.array(z.object({ request: SignedEnrolmentRequest, receivedAt: Time }).strict()) }),
  answer('enrolment-refused', { deviceId: DeviceId }),
  answer('certificate', { deviceId: DeviceId, certificate: SignedCertificate.nullable() }),
  answer('published', { deviceId: DeviceId }),
  answer('revocations-published', { number: z.number().int().min(1) }),
  answer('error', { code: z.enum(ERROR_CODES), message: z.string().max(500), ref: z.string().max(128).optional() }),
]);
export type RelayFrame = z.infer<typeof RelayFrame>;
export type RelayFrameOf<T extends RelayFrame['type']> = Extract<RelayFrame, { type: T }>;

/** What a device signs to authenticate: bound to the relay's key and channel, and to the single-use nonce. */
export const authStatement = (input: { nonce: string; relay: string; channel: string; device: string }) => ({
  purpose: 'relay-auth',
  nonce: input.nonce,
  relay: input.relay,
  channel: input.channel,
  device: input.device,
});

/** What the channel root signs to bind an unbound relay to its channel. */
export const bindStatement = (input: { token: string; relay: string; root: string }) => ({
  purpose: 'relay-bind',
  token: input.token,
  relay: input.relay,
  root: input.root,
});

