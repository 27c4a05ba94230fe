/**
 * Appends accepted envelopes to the log with group commit. Submissions that arrive in the same turn of the event loop
 * form a batch: their signatures are verified together (signature-verifier.ts), then, in order, each is checked —
 * signature, device still current, already in the log (the same receipt again), sealing, sequence and chain — and
 * the accepted ones are written in one durable transaction with their tree nodes, the checkpoint and any pending
 * delivery cursors, and only then answered. Batches are written in the order they arrived, so one fsync serves many
 * envelopes, receipts keep each connection's order, and no receipt is ever sent for something that is not on disk.
 */
import type { ErrorCode } from '../common/protocol/frames';
import type { CursorWriter } from './cursor-writer';
import { deliverFrame } from './deliver-frame';
import type { Refusal } from './envelope-checks';
import type { Logger } from './log';
import type { MerkleLog } from './merkle-log';
import type { SignatureCheck, SignatureVerifier } from './signature-verifier';
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
  readonly signature: SignatureCheck;
  /** Checks judged by the relay's clock when the envelope is about to be appended: its device is still current... */
  readonly deviceRefusal: (now: number) => Refusal | null;
  /** ...and it is sealed to every current device of its audience. */
  readonly sealingRefusal: (now: number) => Refusal | null;
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

/** Submissions whose signatures are verified together once this many are waiting, without waiting for the turn to end. */
const VERIFY_CHUNK = 64;

/** A batch on its way: its signature verdicts, once known. */
interface Stage {
  readonly batch: readonly Pending[];
  verdicts: readonly boolean[] | null;
  readonly verified: Promise<void>;
}

export class LogWriter {
  private queue: Pending[] = [];
  private scheduled = false;
  private readonly stages: Stage[] = [];
  private writeScheduled = false;
  /** Each device's chain head as committed: read from the store once, then kept here (only this writer moves it). */
  private readonly heads = new Map<string, SenderState | null>();

  constructor(
    private readonly store: RelayStore,
    private readonly log: MerkleLog,
    private readonly cursors: CursorWriter,
    private readonly signatures: SignatureVerifier,
    private readonly logger: Logger,
    private readonly onAppended: (appended: readonly AppendedEnvelope[]) => void,
    private readonly now: () => number = Date.now,
  ) {}

  /** Queues an envelope that passed the checks needing no order; `answer` is called once, when its outcome is durable. */
  submit(submission: Submission, answer: (result: SubmitResult) => void): void {
    this.queue.push({ submission, answer });
    // A full chunk of a burst starts verifying at once, on the thread pool, while the rest is still being read.
    if (this.queue.length >= VERIFY_CHUNK) return this.verifyQueued();
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => {
        this.scheduled = false;
        this.verifyQueued();
      });
    }
  }

  /** Verifies and writes everything queued so far; resolves once it is written (shutdown waits for it). */
  async settle(): Promise<void> {
    this.verifyQueued();
    await Promise.all(this.stages.map((stage) => stage.verified));
    this.writeVerified();
  }

  private verifyQueued(): void {
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) return;
    const verdicts = this.signatures.verifyAll(batch.map((pending) => pending.submission.signature));
    if (Array.isArray(verdicts)) {
      this.stages.push({ batch, verdicts, verified: Promise.resolve() });
    } else {
      const stage: Stage = {
        batch,
        verdicts: null,
        verified: (verdicts as Promise<readonly boolean[]>).then((known) => {
          stage.verdicts = known;
          this.writeSoon();
        }),
      };
      this.stages.push(stage);
    }
    this.writeVerified();
  }

  /**
   * Verdicts from the thread pool come in chunk by chunk, often while the rest of a burst is still being read: the
   * chunks verified by the end of this turn are written together, so a burst costs a few fsyncs, not one per chunk.
   */
  private writeSoon(): void {
    if (this.writeScheduled) return;
    this.writeScheduled = true;
    setImmediate(() => {
      this.writeScheduled = false;
      this.writeVerified();
    });
  }

  /** Writes the verified batches at the head of the line, together; a batch still being verified holds back the rest. */
  private writeVerified(): void {
    const ready: { pending: Pending; signed: boolean }[] = [];
    while (this.stages[0]?.verdicts) {
      const stage = this.stages.shift()!;
      stage.batch.forEach((pending, i) => ready.push({ pending, signed: stage.verdicts![i]! }));
    }
    if (ready.length > 0) this.write(ready);
  }

  private headOf(device: string): SenderState | null {
    if (!this.heads.has(device)) this.heads.set(device, this.store.senderState(device));
    return this.heads.get(device)!;
  }

  private write(batch: readonly { pending: Pending; signed: boolean }[]): void {
    const now = this.now();
    const senders = new Map<string, SenderState | null>();
    const stateOf = (device: string) => (senders.has(device) ? senders.get(device)! : this.headOf(device));
    const newHashes = new Map<string, number>();
    const entries: NewLogEntry[] = [];
    const appended: AppendedEnvelope[] = [];
    // In batch order: a refusal, or the log index the envelope has (new in this batch, or stored before).
    const outcomes: ({ refusal: Refusal } | { index: number; isNew: boolean })[] = [];
    const first = this.log.size;

    for (const { pending, signed } of batch) {
      const { submission } = pending;
      const unfit = signed ? submission.deviceRefusal(now) : { code: 'bad-signature' as const, message: 'envelope signature does not verify' };
      if (unfit) {
        outcomes.push({ refusal: unfit });
        continue;
      }
      const existing = newHashes.get(submission.hash) ?? this.store.indexOfHash(submission.hash);
      if (existing !== null) {
        // The same envelope again (a resubmission after a lost receipt): the same answer, nothing stored twice.
        outcomes.push({ index: existing, isNew: existing >= first });
        continue;
      }
      const refusal = submission.sealingRefusal(now) ?? checkOrder(submission, stateOf(submission.sender));
      if (refusal) {
        outcomes.push({ refusal });
        continue;
      }
      const index = first + entries.length;
      senders.set(submission.sender, { seq: submission.seq, hash: submission.hash });
      newHashes.set(submission.hash, index);
      entries.push({ hash: submission.hash, sender: submission.sender, seq: submission.seq, audience: submission.audience, bytes: submission.bytes, receivedAt: now });
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
        for (const [device, head] of senders) this.heads.set(device, head);
        checkpoint = plan.checkpoint;
      } catch (error) {
        stored = false;
        this.cursors.restore(cursors);
        this.logger.error('log.append-failed', { error: String(error) });
      }
    }
    // Deliveries first: they are what the other posts wait for; receipts follow in the same burst.
    if (entries.length > 0 && stored) this.onAppended(appended);
    batch.forEach(({ pending }, i) => {
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
function checkOrder(submission: Submission, last: SenderState | null): Refusal | null {
  const lastSeq = last?.seq ?? 0;
  if (submission.seq <= lastSeq) return { code: 'sequence-replay', message: `sequence ${submission.seq} is already used; the next is ${lastSeq + 1}` };
  if (submission.seq > lastSeq + 1) return { code: 'sequence-gap', message: `sequence ${submission.seq} skips ahead; the next is ${lastSeq + 1}` };
  if (submission.prev !== (last?.hash ?? null)) return { code: 'chain-fork', message: 'prev does not name this device\'s previous envelope' };
  return null;
}
