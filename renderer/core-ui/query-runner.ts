/**
 * How a view of the core's data is kept current (useCoreQuery.ts), without React: one read at a time, and a change
 * reported while a read is on its way asks for exactly one more once it answers. So every answer is newer than the
 * one before (none is thrown away as stale), and a catch-up's stream of change notices costs the worker and the UI
 * one read and one render per answer, not one per notice: a read slower than the notices still lands.
 */
export interface QueryRunner {
  /** Something the view shows has changed: read again (now, or once the read under way answers). */
  changed(): void;
  /** The view is gone: nothing more is read or told. */
  dispose(): void;
}

export function runQuery<T>(read: () => Promise<T>, told: (outcome: { readonly data: T } | { readonly error: unknown }) => void): QueryRunner {
  let live = true;
  let reading = false;
  let again = false;
  const load = (): void => {
    if (!live) return;
    if (reading) {
      again = true;
      return;
    }
    reading = true;
    again = false;
    read()
      .then(
        (data) => live && told({ data }),
        (error: unknown) => live && told({ error }),
      )
      .finally(() => {
        reading = false;
        if (live && again) load();
      });
  };
  load();
  return {
    changed: load,
    dispose: () => {
      live = false;
    },
  };
}
