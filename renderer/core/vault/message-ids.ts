/**
 * Every message id the vault holds, kept in memory while unlocked once first asked for (like the messages' order,
 * order-index.ts, and kept up to date the same way: by the vault's own commits). A reader that must know which of many
 * ids are stored — the receiver, for each batch of a catch-up, whose messages are nearly all new — asks memory instead
 * of making one IndexedDB request per id that would find nothing. Only ids: what the table's keys show anyway.
 */
interface Change {
  readonly put: readonly string[];
  readonly removed: readonly string[];
}

function apply(ids: Set<string>, change: Change): void {
  for (const id of change.put) ids.add(id);
  for (const id of change.removed) ids.delete(id);
}

export class MessageIds {
  readonly #read: () => Promise<readonly string[]>;
  #ids: Set<string> | null = null;
  #loading: Promise<Set<string>> | null = null;
  /** Changes committed while the ids are being read, to replay on them (each is idempotent). */
  #pending: Change[] | null = null;
  /** Counts `forget` calls: a read that straddles one is dropped. */
  #epoch = 0;

  /** `read`: every primary key of the messages table. */
  constructor(read: () => Promise<readonly string[]>) {
    this.#read = read;
  }

  /** Those of `ids` that name a stored message. */
  async among(ids: readonly string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const held = this.#ids ?? (await this.#load());
    return ids.filter((id) => held.has(id));
  }

  /** Messages committed (put) or deleted. */
  changed(change: Change): void {
    if (this.#ids) apply(this.#ids, change);
    this.#pending?.push(change);
  }

  /** Drops the ids (the vault locks, or a message was set aside: read them afresh when next needed). */
  forget(): void {
    this.#epoch++;
    this.#ids = null;
    this.#pending = null;
  }

  #load(): Promise<Set<string>> {
    this.#loading ??= (async () => {
      const epoch = this.#epoch;
      const pending: Change[] = [];
      this.#pending = pending;
      try {
        const ids = new Set(await this.#read());
        for (const change of pending) apply(ids, change);
        if (epoch === this.#epoch) this.#ids = ids;
        return ids;
      } finally {
        if (this.#pending === pending) this.#pending = null;
        this.#loading = null;
      }
    })();
    return this.#loading;
  }
}
