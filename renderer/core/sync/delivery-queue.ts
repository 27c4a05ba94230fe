/**
 * The receiver's queue of deliveries not yet judged, each with the facts (envelope-facts.ts) the envelope checker is
 * computing for it: deliveries are handed to the checker in chunks as they arrive, so that the facts of those ahead
 * are computed (on the check worker, in the app) while the batch before them is judged and stored.
 */
import type { RelayFrameOf } from '../../../electron/common/protocol/frames';
import type { EnvelopeFacts } from './envelope-facts';
import type { SyncContext } from './sync-context';

/** Deliveries handed to the checker together, as soon as that many have arrived (fewer after a pause). */
const FACTS_CHUNK = 256;

/** A delivery waiting in the queue, with the facts the checker is computing for it (null: not asked, or not needed). */
export interface Delivery {
  readonly frame: RelayFrameOf<'deliver'>;
  facts: { readonly chunk: Promise<readonly EnvelopeFacts[]>; readonly at: number; readonly signKeys: ReadonlyMap<string, string> } | null;
}

export class DeliveryQueue {
  readonly #context: Pick<SyncContext, 'checker' | 'directory'>;
  /** The read position of the moment: deliveries at or below it are redeliveries, skipped unjudged. */
  readonly #processed: () => number;
  #queue: Delivery[] = [];
  /** How many deliveries arrived since the checker was last handed some. */
  #fresh = 0;
  #askTimer: ReturnType<typeof setTimeout> | null = null;
  /** The senders' signing keys for the checker, from the directory they were read from. */
  #signKeys: { readonly directory: SyncContext['directory']; readonly keys: ReadonlyMap<string, string> } | null = null;

  constructor(context: Pick<SyncContext, 'checker' | 'directory'>, processed: () => number) {
    this.#context = context;
    this.#processed = processed;
  }

  get size(): number {
    return this.#queue.length;
  }

  push(frame: RelayFrameOf<'deliver'>): void {
    this.#queue.push({ frame, facts: null });
    this.#fresh += 1;
    if (this.#fresh >= FACTS_CHUNK) this.#ask(this.#queue, false);
    // A trickle (live traffic, a catch-up's tail) is asked for once the deliveries that came together are in.
    else this.#askTimer ??= setTimeout(() => this.#ask(this.#queue, false), 0);
  }

  /** The oldest `count` deliveries, taken out of the queue, every one of them asked for. */
  take(count: number): Delivery[] {
    const taken = this.#queue.splice(0, count);
    this.#ask(taken, true);
    return taken;
  }

  /** Forgets every delivery (the connection is gone; the relay delivers them again). */
  clear(): void {
    this.#queue = [];
    this.#fresh = 0;
  }

  /**
   * The facts of each delivery, in order (null where none were asked for), each chunk awaited once. Deliveries asked
   * for with another key for their sender than the directory now gives (it was fetched again meanwhile) are asked for
   * again, so that their signatures too are checked off this thread.
   */
  async factsOf(deliveries: readonly Delivery[]): Promise<(EnvelopeFacts | null)[]> {
    const chunks = new Map<Promise<readonly EnvelopeFacts[]>, readonly EnvelopeFacts[]>();
    for (const { facts } of deliveries) if (facts && !chunks.has(facts.chunk)) chunks.set(facts.chunk, await facts.chunk);
    const found = deliveries.map(({ facts }) => (facts ? chunks.get(facts.chunk)![facts.at]! : null));
    const signKeys = this.#currentSignKeys();
    const stale = deliveries.flatMap(({ frame, facts }, i) => {
      const sender = frame.envelope.header.sender;
      return facts && facts.signKeys !== signKeys && signKeys.has(sender) && facts.signKeys.get(sender) !== signKeys.get(sender) ? [i] : [];
    });
    if (stale.length > 0) {
      const again = await this.#context.checker.facts(
        stale.map((i) => deliveries[i]!.frame.envelope),
        signKeys,
      );
      stale.forEach((i, k) => (found[i] = again[k]!));
    }
    return found;
  }

  /**
   * Hands the checker, in chunks, those of `deliveries` whose facts it was not asked for. Unless `evenUnknown`, not
   * those from a sender the directory does not name yet: the first deliveries of a connection arrive before the
   * directory is fetched again, and are asked for once it is (or when their batch is taken), so that their
   * signatures are checked there too.
   */
  #ask(deliveries: readonly Delivery[], evenUnknown: boolean): void {
    if (this.#askTimer !== null) clearTimeout(this.#askTimer);
    this.#askTimer = null;
    this.#fresh = 0;
    const signKeys = this.#currentSignKeys();
    // Redeliveries of what is already stored are skipped by the receiver: no facts are needed for them.
    const processed = this.#processed();
    const needed = deliveries.filter(({ frame, facts }) => facts === null && frame.index > processed && (evenUnknown || signKeys.has(frame.envelope.header.sender)));
    for (let i = 0; i < needed.length; i += FACTS_CHUNK) {
      const chunkOf = needed.slice(i, i + FACTS_CHUNK);
      const chunk = this.#context.checker.facts(
        chunkOf.map((delivery) => delivery.frame.envelope),
        signKeys,
      );
      // Awaited by factsOf; a chunk dropped with the queue (the connection closed) must not count as unhandled.
      chunk.catch(() => undefined);
      chunkOf.forEach((delivery, at) => (delivery.facts = { chunk, at, signKeys }));
    }
  }

  #currentSignKeys(): ReadonlyMap<string, string> {
    const { directory } = this.#context;
    if (this.#signKeys?.directory !== directory) {
      this.#signKeys = { directory, keys: new Map(directory.certificates.map((certificate) => [certificate.body.deviceId, certificate.body.signKey])) };
    }
    return this.#signKeys.keys;
  }
}
