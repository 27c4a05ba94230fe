/**
 * Computes the facts of delivered envelopes (envelope-facts.ts: bytes, hash, signature, opened payload) ahead of the
 * receiver's judgement. In the app it is a second worker (check-worker.ts): the machine's other core verifies and
 * opens one batch while the core worker judges and stores the one before. Without one (Node tests, or if that worker
 * fails) the same facts are computed on this thread, a slice at a time so the event loop keeps turning.
 */
import { CoreError } from '../core-error';
import type { Envelope } from '../../../electron/common/protocol/envelope';
import type { CheckAnswer, CheckPort, CheckRequest } from './check-protocol';
import { envelopeFacts, type EnvelopeFacts, type Opener } from './envelope-facts';
import { nextTurn } from './next-turn';

export interface EnvelopeChecker {
  /**
   * The facts of each envelope, in the same order. `signKeys`: each known sender's signing key (public, from the
   * verified directory). Rejects only once closed.
   */
  facts(envelopes: readonly Envelope[], signKeys: ReadonlyMap<string, string>): Promise<readonly EnvelopeFacts[]>;
  /** Stops, and has any copy of the keys it was given wiped: the vault is being locked. */
  close(): void;
}

/** Envelopes between two turns of the event loop when the facts are computed on this thread. */
const PER_TURN = 64;

/** Computes on this thread, with the session's own key pair (wiped by the vault when it locks). */
export class InlineChecker implements EnvelopeChecker {
  readonly #opener: Opener;
  #closed = false;

  constructor(opener: Opener) {
    this.#opener = opener;
  }

  async facts(envelopes: readonly Envelope[], signKeys: ReadonlyMap<string, string>): Promise<readonly EnvelopeFacts[]> {
    const facts: EnvelopeFacts[] = [];
    for (const [i, envelope] of envelopes.entries()) {
      if (i > 0 && i % PER_TURN === 0) await nextTurn();
      if (this.#closed) throw new CoreError('vault.locked');
      facts.push(envelopeFacts(envelope, signKeys.get(envelope.header.sender), this.#opener));
    }
    return facts;
  }

  close(): void {
    this.#closed = true;
  }
}

/**
 * Hands the work to a check worker through `port`. Requests are answered in any order and matched by id; a request
 * the worker fails is computed on this thread instead, so a broken worker slows catch-up down but loses nothing.
 */
export class WorkerChecker implements EnvelopeChecker {
  readonly #port: CheckPort;
  readonly #fallback: InlineChecker;
  readonly #stop: () => void;
  readonly #waiting = new Map<number, { readonly count: number; readonly resolve: (facts: readonly EnvelopeFacts[]) => void; readonly retry: () => void }>();
  #nextId = 1;
  #closed = false;
  #broken = false;

  /**
   * Sends the worker its own copy of `opener`'s key pair. `stop`: ends the worker (called after it is told to wipe
   * the keys); `failed` is for its error events (a script that did not load, a crash): everything waiting, and
   * everything after, is then computed here.
   */
  constructor(port: CheckPort, opener: Opener, stop: () => void) {
    this.#port = port;
    this.#fallback = new InlineChecker(opener);
    this.#stop = stop;
    port.onmessage = (event) => this.#answer(event.data as CheckAnswer);
    // Posting copies the key pair into the worker; no other copy is made here.
    this.#post({ type: 'keys', deviceId: opener.deviceId, box: opener.box });
  }

  facts(envelopes: readonly Envelope[], signKeys: ReadonlyMap<string, string>): Promise<readonly EnvelopeFacts[]> {
    if (this.#closed) return Promise.reject(new CoreError('vault.locked'));
    if (this.#broken || envelopes.length === 0) return this.#fallback.facts(envelopes, signKeys);
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      const retry = () => this.#fallback.facts(envelopes, signKeys).then(resolve, reject);
      this.#waiting.set(id, { count: envelopes.length, resolve, retry });
      this.#post({ type: 'facts', id, envelopes, signKeys });
    });
  }

  /** The worker failed as a whole: what it was asked is computed here, and so is everything from now on. */
  failed(): void {
    this.#broken = true;
    const waiting = [...this.#waiting.values()];
    this.#waiting.clear();
    for (const request of waiting) request.retry();
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#fallback.close();
    this.#post({ type: 'forget' });
    this.#stop();
    const waiting = [...this.#waiting.values()];
    this.#waiting.clear();
    // Each now rejects with vault.locked, as a request made after closing does.
    for (const request of waiting) request.retry();
  }

  #post(request: CheckRequest): void {
    this.#port.postMessage(request);
  }

  #answer(answer: CheckAnswer): void {
    const request = this.#waiting.get(answer.id);
    if (!request) return;
    this.#waiting.delete(answer.id);
    if (answer.type === 'facts' && answer.facts.length === request.count) request.resolve(answer.facts);
    else request.retry();
  }
}
