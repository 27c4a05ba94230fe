/**
 * Something the UI shows that lives in the core worker: read once, then read again whenever the worker says one of
 * its topics changed. Only the newest read is applied, so answers that cross on the way back never show stale data.
 */
import { useEffect, useState } from 'react';
import type { CoreTopic } from '../core/api';
import { onCoreEvent } from '../core/client';

export interface CoreQuery<T> {
  /** Undefined until the first read answers. */
  readonly data: T | undefined;
  /** The failure of the newest read, if it failed (the previous data stays shown). */
  readonly error: unknown;
}

/** `read` must be stable (module-level or useCallback): a new function means a new query. */
export function useCoreQuery<T>(topics: readonly CoreTopic[], read: () => Promise<T>): CoreQuery<T> {
  const [state, setState] = useState<CoreQuery<T>>({ data: undefined, error: undefined });
  const topicList = topics.join(' ');
  useEffect(() => {
    const watched = new Set(topicList.split(' '));
    let live = true;
    let newest = 0;
    const load = () => {
      const generation = ++newest;
      const isCurrent = () => live && generation === newest;
      read().then(
        (data) => isCurrent() && setState({ data, error: undefined }),
        (error: unknown) => isCurrent() && setState((previous) => ({ data: previous.data, error })),
      );
    };
    load();
    const unsubscribe = onCoreEvent((event) => {
      if (event.topics.some((topic) => watched.has(topic))) load();
    });
    return () => {
      live = false;
      unsubscribe();
    };
  }, [read, topicList]);
  return state;
}
