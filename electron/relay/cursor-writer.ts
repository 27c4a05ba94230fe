/**
 * Delivery cursors, written in batches: acknowledgements that arrive within FLUSH_INTERVAL_MS cost one transaction
 * together, instead of one fsync each. A cursor lost in a crash only means a redelivery, which clients ignore by log
 * index (PROTOCOL.md §7.6), so cursors need not be as prompt as the log.
 */
const FLUSH_INTERVAL_MS = 100;

import type { RelayStore } from './store/relay-store';

export class CursorWriter {
  private pending = new Map<string, number>();
  private scheduled = false;

  constructor(private readonly store: RelayStore) {}

  advance(deviceId: string, index: number): void {
    this.pending.set(deviceId, Math.max(index, this.pending.get(deviceId) ?? -1));
    if (this.scheduled) return;
    this.scheduled = true;
    setTimeout(() => this.flush(), FLUSH_INTERVAL_MS).unref();
  }

  /** The cursor as it will be once pending writes land. */
  current(deviceId: string): number {
    return Math.max(this.pending.get(deviceId) ?? -1, this.store.getCursor(deviceId));
  }

  flush(): void {
    this.scheduled = false;
    if (this.pending.size === 0) return;
    const batch = this.pending;
    this.pending = new Map();
    this.store.advanceCursors(batch);
  }
}
