/**
 * Delivery cursors, written in batches: acknowledgements that arrive within FLUSH_INTERVAL_MS cost one transaction
 * together, instead of one fsync each; and while envelopes are flowing, the log writer takes whatever is pending into
 * its own group commits, so cursors then cost no fsync of their own. A cursor lost in a crash only means a
 * redelivery, which clients ignore by log index (PROTOCOL.md §7.6), so cursors need not be as prompt as the log.
 */
const FLUSH_INTERVAL_MS = 100;

import type { RelayStore } from './store/relay-store';

export class CursorWriter {
  private pending = new Map<string, number>();
  private scheduled = false;
  /** When the log writer last took the pending cursors (performance.now()). */
  private takenAt = -Infinity;

  constructor(private readonly store: RelayStore) {}

  advance(deviceId: string, index: number): void {
    this.pending.set(deviceId, Math.max(index, this.pending.get(deviceId) ?? -1));
    if (this.scheduled) return;
    this.scheduled = true;
    setTimeout(() => this.due(), FLUSH_INTERVAL_MS).unref();
  }

  /** The cursor as it will be once pending writes land. */
  current(deviceId: string): number {
    return Math.max(this.pending.get(deviceId) ?? -1, this.store.getCursor(deviceId));
  }

  /** Hands the pending cursors to a transaction that writes them (the log writer's); see `restore` if it fails. */
  take(): ReadonlyMap<string, number> {
    this.takenAt = performance.now();
    return this.swap();
  }

  /** Puts back cursors a failed transaction did not write. */
  restore(batch: ReadonlyMap<string, number>): void {
    for (const [deviceId, index] of batch) this.advance(deviceId, index);
  }

  /** Writes what is pending now (shutdown); see `due` for the timer. */
  flush(): void {
    this.scheduled = false;
    if (this.pending.size === 0) return;
    this.store.advanceCursors(this.swap());
  }

  /** The timer: writes what is pending, unless the log's commits are carrying cursors anyway; then it looks again later. */
  private due(): void {
    if (this.pending.size === 0 || performance.now() - this.takenAt >= FLUSH_INTERVAL_MS) return this.flush();
    setTimeout(() => this.due(), FLUSH_INTERVAL_MS).unref();
  }

  private swap(): ReadonlyMap<string, number> {
    const batch = this.pending;
    this.pending = new Map();
    return batch;
  }
}
