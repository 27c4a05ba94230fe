/**
 * The messages' order, held in memory while the vault is unlocked: every message id by its plain `order` (the log
 * position), so a page of a 100,000-message list is a slice and a read of that page's rows, not a walk of the order
 * index from its start (IndexedDB has no cheap "skip n"), and the total is a length, not a count over the index.
 *
 * Kept ascending, because new messages come with the highest orders and are appended; a page counts from the end.
 * Only ids and order numbers are held: what the index in IndexedDB already shows.
 */
interface Entry {
  readonly order: number;
  readonly id: string;
}

const before = (a: Entry, b: Entry): boolean => a.order < b.order || (a.order === b.order && a.id < b.id);

export class OrderIndex {
  readonly #orders = new Map<string, number>();
  readonly #sorted: Entry[] = [];

  /** From the index as IndexedDB returns it: orders ascending, with their primary keys in the same order. */
  static from(orders: readonly number[], ids: readonly string[]): OrderIndex {
    const index = new OrderIndex();
    for (const [i, id] of ids.entries()) index.upsert(id, orders[i]!);
    return index;
  }

  get size(): number {
    return this.#sorted.length;
  }

  /** Adds a message or moves it to its new order; the same id and order again changes nothing. */
  upsert(id: string, order: number): void {
    const held = this.#orders.get(id);
    if (held === order) return;
    if (held !== undefined) this.#sorted.splice(this.#position({ order: held, id }), 1);
    const entry = { order, id };
    const at = this.#position(entry);
    if (at === this.#sorted.length) this.#sorted.push(entry);
    else this.#sorted.splice(at, 0, entry);
    this.#orders.set(id, order);
  }

  remove(id: string): void {
    const held = this.#orders.get(id);
    if (held === undefined) return;
    this.#sorted.splice(this.#position({ order: held, id }), 1);
    this.#orders.delete(id);
  }

  /** Up to `limit` ids from position `offset`, counting from the highest order: one page of a newest-first list. */
  newest(offset: number, limit: number): string[] {
    const end = Math.max(0, this.#sorted.length - offset);
    const start = Math.max(0, end - limit);
    const ids: string[] = [];
    for (let i = end - 1; i >= start; i--) ids.push(this.#sorted[i]!.id);
    return ids;
  }

  /** Where `entry` is, or would go: the first position not before it. New highest orders land at the end at once. */
  #position(entry: Entry): number {
    const sorted = this.#sorted;
    if (sorted.length === 0 || before(sorted[sorted.length - 1]!, entry)) return sorted.length;
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (before(sorted[middle]!, entry)) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}
