/**
 * Appends accepted envelopes to the log with group commit: submissions that arrive in the same turn of the event loop
 * are checked in order (sequence, chain, duplicates) and written in one durable transaction, and only then answered.
 * One fsync serves many envelopes, and no receipt is ever sent for something that is not on disk.
 */
import { fromBase64Url, utf8Decode } from '../common/crypto/sodium';
import type { ErrorCode } from '../common/protocol/frames';
import type { Logger } from './log';
import type { MerkleLog } from './merkle-log';
import type { NewLogEntry, RelayStore, SenderState } from './store/relay-store';

export interface Submission {
  readonly hash: string;
  readonly sender: string;
  readonly seq: number;
  readonly prev: string | null;
  readonly audience: number;
  readonly bytes: Uint8Array;
}

/** An envelope just made durable, handed to open sessions so they can deliver it without reading it back. */
export interface AppendedEnvelope {
  readonly index: number;
  readonly audience: number;
  /** The canonical JSON as text, decoded once for every session that delivers it. */
  readonly json: string;
}

export type SubmitResult = { readonly index: number; readonly checkpoint: string } | { readonly code: ErrorCode; readonly message: string };

interface Pending {
  readonly submission: Submission;
  readonly resolve: (result: SubmitResult) => void;
}

export class LogWriter {
  private queue: Pending[] = [];
  private scheduled = false;

  constructor(
    private readonly store: RelayStore,
    private readonly log: MerkleLog,
    private readonly logger: Logger,
    private readonly onAppended: (appended: readonly AppendedEnvelope[]) => void,
    private readonly now: () => number = Date.now,
  ) {}

  submit(submission: Submission): Promise<SubmitResult> {
    return new Promise((resolve) => {
      this.queue.push({ submission, resolve });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /** Writes everything queued so far; used by the timer and by shutdown. */
  flush(): void {
    this.scheduled = false;
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) return;

    const senders = new Map<string, SenderState | null>();
    const stateOf = (device: string) => (senders.has(device) ? senders.get(device)! : this.store.senderState(device));
    const newHashes = new Map<string, number>();
    const entries: NewLogEntry[] = [];
    // In batch order: a refusal, or the log index the envelope has (new in this batch, or stored before).
    const outcomes: ({ refusal: SubmitResult } | { index: number; isNew: boolean })[] = [];
    const first = this.log.size;

    for (const { submission } of batch) {
      const existing = newHashes.get(submission.hash) ?? this.store.indexOfHash(submission.hash);
      if (existing !== null) {
        // The same envelope again (a resubmission after a lost receipt): the same answer, nothing stored twice.
        outcomes.push({ index: existing, isNew: existing >= first });
        continue;
      }
      const refusal = checkOrder(submission, stateOf(submission.sender));
      if (refusal) {
        outcomes.push({ refusal });
        continue;
      }
      const index = first + entries.length;
      senders.set(submission.sender, { seq: submission.seq, hash: submission.hash });
      newHashes.set(submission.hash, index);
      entries.push({ hash: submission.hash, sender: submission.sender, seq: submission.seq, audience: submission.audience, bytes: submission.bytes, receivedAt: this.now() });
      outcomes.push({ index, isNew: true });
    }

    let checkpoint = this.log.latestCheckpoint();
    let stored = true;
    if (entries.length > 0) {
      try {
        const plan = this.log.plan(entries.map((entry) => fromBase64Url(entry.hash)));
        this.store.appendToLog(entries, plan.nodes, { size: plan.size, note: plan.checkpoint });
        this.log.committed(plan);
        checkpoint = plan.checkpoint;
        this.logger.info('log.appended', { count: entries.length, size: plan.size });
      } catch (error) {
        stored = false;
        this.logger.error('log.append-failed', { error: String(error) });
      }
    }
    batch.forEach((pending, i) => {
      const outcome = outcomes[i]!;
      if ('refusal' in outcome) pending.resolve(outcome.refusal);
      else if (outcome.isNew && !stored) pending.resolve({ code: 'internal-error', message: 'the relay could not store the envelope; resubmit it' });
      else pending.resolve({ index: outcome.index, checkpoint });
    });
    if (entries.length > 0 && stored) this.onAppended(entries.map((entry, i) => ({ index: first + i, audience: entry.audience, json: utf8Decode(entry.bytes) })));
  }
}

/** Each device's envelopes form a chain: seq counts up by one and prev names the previous envelope's hash. */
function checkOrder(submission: Submission, last: SenderState | null): { code: ErrorCode; message: string } | null {
  const lastSeq = last?.seq ?? 0;
  if (submission.seq <= lastSeq) return { code: 'sequence-replay', message: `sequence ${submission.seq} is already used; the next is ${lastSeq + 1}` };
  if (submission.seq > lastSeq + 1) return { code: 'sequence-gap', message: `sequence ${submission.seq} skips ahead; the next is ${lastSeq + 1}` };
  if (submission.prev !== (last?.hash ?? null)) return { code: 'chain-fork', message: 'prev does not name this device\'s previous envelope' };
  return null;
}
