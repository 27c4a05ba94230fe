/**
 * What the relay keeps, behind one interface: SQLite today (sqlite-store.ts); a PostgreSQL store can implement the
 * same interface for deployments that outgrow one machine. Every method is synchronous and each write is durable
 * when it returns (the relay answers only after that).
 */
import type { SignedCertificate, SignedEnrolmentRequest, SignedRevocationList } from '../../common/protocol/certificates';

export interface StoredEnvelope {
  readonly index: number;
  /** The envelope exactly as accepted: its canonical JSON (stored as those UTF-8 bytes), ready to deliver. */
  readonly json: string;
}

export interface NewLogEntry {
  readonly hash: string;
  readonly sender: string;
  readonly seq: number;
  /** Bit mask of the posts the envelope is delivered to (see post-mask.ts). */
  readonly audience: number;
  readonly bytes: Uint8Array;
  readonly receivedAt: number;
}

export interface TreeNode {
  readonly level: number;
  readonly index: number;
  readonly hash: Uint8Array;
}

export interface SenderState {
  readonly seq: number;
  readonly hash: string;
}

export interface RelayStore {
  getMeta(key: string): string | null;
  setMeta(key: string, value: string): void;
  deleteMeta(key: string): void;

  putCertificate(certificate: SignedCertificate): void;
  listCertificates(): SignedCertificate[];
  getRevocationList(): SignedRevocationList | null;
  putRevocationList(list: SignedRevocationList): void;

  putEnrolment(request: SignedEnrolmentRequest, receivedAt: number): void;
  listEnrolments(): { request: SignedEnrolmentRequest; receivedAt: number }[];
  deleteEnrolment(deviceId: string): void;

  /**
   * Appends entries at the end of the log with their tree nodes and the new checkpoint, and moves cursors forward
   * (never back), all in one durable transaction: one fsync for the whole group commit.
   */
  appendToLog(entries: readonly NewLogEntry[], nodes: readonly TreeNode[], checkpoint: { size: number; note: string }, cursors: ReadonlyMap<string, number>): void;
  logSize(): number;
  indexOfHash(hash: string): number | null;
  senderState(deviceId: string): SenderState | null;
  treeNode(level: number, index: number): Uint8Array;
  latestCheckpoint(): string | null;
  /** Envelopes after `afterIndex` whose audience overlaps `audienceMask`, in log order. */
  envelopesAfter(afterIndex: number, audienceMask: number, limit: number): StoredEnvelope[];

  getCursor(deviceId: string): number;
  /** Moves cursors forward (never back), all in one transaction. */
  advanceCursors(cursors: ReadonlyMap<string, number>): void;

  close(): void;
}
