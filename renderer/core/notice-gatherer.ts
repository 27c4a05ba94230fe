/**
 * Gathers the core's change notices for the UI. The first change after a quiet moment is told at once (an urgent
 * message must not wait); those that follow within a window are gathered and told together at its end: a catch-up
 * stores hundreds of batches, and a notice per batch would have the UI re-read its lists hundreds of times. While
 * changes keep coming through whole windows, each window is twice the one before, up to `maxMs`, so the UI's re-reads
 * do not compete with the catch-up for the worker and IndexedDB; a quiet window brings it back to `minMs`.
 */
export class NoticeGatherer<T> {
  readonly #tell: (topics: T[]) => void;
  readonly #minMs: number;
  readonly #maxMs: number;
  readonly #pending = new Set<T>();
  #timer: ReturnType<typeof setTimeout> | null = null;
  #windowMs: number;

  constructor(tell: (topics: T[]) => void, minMs: number, maxMs: number) {
    this.#tell = tell;
    this.#minMs = minMs;
    this.#maxMs = maxMs;
    this.#windowMs = minMs;
  }

  add(topics: readonly T[]): void {
    for (const topic of topics) this.#pending.add(topic);
    if (this.#timer === null) this.#flush();
  }

  /** Tells these (and whatever was gathered) at once, whatever the window: a lock must clear the screen now. */
  now(topics: readonly T[]): void {
    for (const topic of topics) this.#pending.add(topic);
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#windowMs = this.#minMs;
    this.#flush();
  }

  #flush(): void {
    const gathered = [...this.#pending];
    this.#pending.clear();
    this.#tell(gathered);
    this.#timer = setTimeout(() => {
      this.#timer = null;
      if (this.#pending.size === 0) {
        this.#windowMs = this.#minMs;
        return;
      }
      this.#windowMs = Math.min(2 * this.#windowMs, this.#maxMs);
      this.#flush();
    }, this.#windowMs);
  }
}
