/**
 * Appends accepted envelopes to the log with group commit: submissions that arrive in the same turn of the event loop
 * are checked in order (sequence, chain, duplicates) and written in one durable transaction — envelopes, tree nodes,
 * checkpoint and any pending delivery cursors — and only then answered. One fsync serves many envelopes, and no
 * receipt is ever sent for something that is not on disk. Deliveries and answers go out synchronously, in one burst.
 */
import type { ErrorCode } from '../common/protocol/frames';
import type { CursorWriter } from './cursor-writer';
import { deliverFrame } from './deliver-frame';
import type { Logger } from './log';
import type { MerkleLog } from './merkle-log';
import type { NewLogEntry, RelayStore, SenderState } from './store/relay-store';

export interface Submission {
  readonly hash: string;
  readonly sender: string;
  readonly seq: number;
  readonly prev: string | null;
  readonly audience: number;
  /** The canonical JSON and its UTF-8 bytes (encodeEnvelope): stored as bytes, delivered as text. */
  readonly json: string;
  readonly bytes: Uint8Array;
}

/** An envelope just made durable, handed to open sessions so they can deliver it without reading it back. */
export interface AppendedEnvelope {
  readonly index: number;
  readonly sender: string;
  readonly audience: number;
  /** Its `deliver` frame, the same bytes for every session that sends it. */
  readonly frame: Buffer;
}

export type SubmitResult = { readonly index: number; readonly checkpoint: string } | { readonly code: ErrorCode; readonly message: string };

interface Pending {
  readonly submission: Submission;
  readonly answer: (result: SubmitResult) => void;
}

export class LogWriter {
  private queue: Pending[] = [];
  private scheduled = false;

  constructor(
    private readonly store: RelayStore,
    private readonly log: MerkleLog,
    private readonly cursors: CursorWriter,
    private readonly logger: Logger,
    private readonly onAppended: (appended: readonly AppendedEnvelope[]) => void,
    private readonly now: () => number = Date.now,
  ) {}

  /** Queues a checked envelope; `answer` is called once, from the flush, when its outcome is durable. */
  submit(submission: Submission, answer: (result: SubmitResult) => void): void {
    this.queue.push({ submission, answer });
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.flush());
    }
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
    const appended: AppendedEnvelope[] = [];
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
      appended.push({ index, sender: submission.sender, audience: submission.audience, frame: deliverFrame(index, submission.json) });
      outcomes.push({ index, isNew: true });
    }

    let checkpoint = this.log.latestCheckpoint();
    let stored = true;
    if (entries.length > 0) {
      const cursors = this.cursors.take();
      try {
        // An envelope's hash is its leaf hash (base64url, from encodeEnvelope).
        const plan = this.log.plan(entries.map((entry) => new Uint8Array(Buffer.from(entry.hash, 'base64url'))));
        this.store.appendToLog(entries, plan.nodes, { size: plan.size, note: plan.checkpoint }, cursors);
        this.log.committed(plan);
        checkpoint = plan.checkpoint;
      } catch (error) {
        stored = false;
        this.cursors.restore(cursors);
        this.logger.error('log.append-failed', { error: String(error) });
      }
    }
    // Deliveries first: they are what the other posts wait for; receipts follow in the same burst.
    if (entries.length > 0 && stored) this.onAppended(appended);
    batch.forEach((pending, i) => {
      const outcome = outcomes[i]!;
      const result: SubmitResult =
        'refusal' in outcome
          ? outcome.refusal
          : outcome.isNew && !stored
            ? { code: 'internal-error', message: 'the relay could not store the envelope; resubmit it' }
            : { index: outcome.index, checkpoint };
      pending.answer(result);
    });
    // Logged once the burst has left (sessions send it when this turn's work is done): writing the line wakes whoever
    // reads the log, which is not worth a moment of anyone's latency.
    if (entries.length > 0 && stored) {
      const fields = { count: entries.length, size: first + entries.length };
      setImmediate(() => this.logger.info('log.appended', fields));
    }
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
