/**
 * Builds the inbox index (inbox-index.ts) once per unlock, in the background, by reading every message's view from the
 * vault a page at a time, and keeps it current: commits made while it is being built are replayed on it once it is
 * (each change is the record as written, so replaying is idempotent and the newest write wins).
 */
import type { PolicyEntry } from '../../../electron/common/message/policy';
import type { Post } from '../../../electron/common/protocol/schemas';
import type { Vault } from '../vault';
import { InboxIndex } from './inbox-index';
import { MemoryKeeper } from '../translation/memory-keeper';
import { parseStoredMessage } from './message-view';

/** Messages read per page while building: large enough to keep IndexedDB busy, small enough not to hold the worker. */
const BUILD_PAGE = 1000;

type Change = (index: InboxIndex) => void;

export class InboxHolder {
  readonly #vault: Vault;
  readonly #here: Post;
  readonly #policies: () => Promise<readonly PolicyEntry[]>;
  readonly #onBuilt: () => void;
  #index: InboxIndex | null = null;
  #building: Promise<InboxIndex> | null = null;
  #pending: Change[] | null = null;
  /** Counts resets: a build that straddles one is dropped. */
  #epoch = 0;

  readonly #memory = new MemoryKeeper();

  /** `onBuilt`: the index is ready (lists shown in log order while it was being built may now be sorted). */
  constructor(vault: Vault, here: Post, policies: () => Promise<readonly PolicyEntry[]>, onBuilt: () => void) {
    this.#vault = vault;
    this.#here = here;
    this.#policies = policies;
    this.#onBuilt = onBuilt;
  }

  /** The translation memory, fed by the same walk and the same commits as the index (complete once it is built). */
  async memory(): Promise<MemoryKeeper> {
    await this.get();
    return this.#memory;
  }

  /** The index if it is built, without waiting. */
  get ready(): InboxIndex | null {
    return this.#index;
  }

  get(): Promise<InboxIndex> {
    if (this.#index) return Promise.resolve(this.#index);
    this.#building ??= this.#build();
    return this.#building;
  }

  /** What a commit wrote: applied now, or once the index being built is complete. */
  committed(written: readonly unknown[], removed: readonly string[]): void {
    const change: Change = (index) => {
      for (const record of written) this.#take(index, record);
      for (const id of removed) index.remove(id);
    };
    if (this.#index) change(this.#index);
    else this.#pending?.push(change);
  }

  /** The policy changed: deadlines (and so what is overdue) follow it. */
  async policyChanged(): Promise<void> {
    const policies = await this.#policies();
    this.#index?.setPolicies(policies);
  }

  /** Forgets the index (a message set aside as corrupt, say): the next read builds it afresh. */
  reset(): void {
    this.#epoch++;
    this.#index = null;
    this.#building = null;
    this.#pending = null;
  }

  #take(index: InboxIndex, record: unknown): void {
    const message = parseStoredMessage(record);
    if (!message) return;
    index.upsert(message);
    this.#memory.add(message);
  }

  async #build(): Promise<InboxIndex> {
    const epoch = this.#epoch;
    const pending: Change[] = [];
    this.#pending = pending;
    try {
      const index = new InboxIndex(this.#here, await this.#policies());
      const total = await this.#vault.count('messages');
      // Newer messages arriving meanwhile push the older ones down the list: a page may be read twice, none skipped,
      // and the arrivals themselves are among the pending changes.
      for (let offset = 0; offset < total; offset += BUILD_PAGE) {
        const { records } = await this.#vault.page('messages', offset, BUILD_PAGE);
        for (const record of records) this.#take(index, record);
      }
      for (const change of pending) change(index);
      if (epoch === this.#epoch) {
        this.#index = index;
        this.#onBuilt();
      }
      return index;
    } finally {
      if (this.#pending === pending) this.#pending = null;
      if (epoch === this.#epoch) this.#building = null;
    }
  }
}
