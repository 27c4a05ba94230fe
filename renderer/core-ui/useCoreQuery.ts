/**
 * Something the UI shows that lives in the core worker: read once, then read again whenever the worker says one of
 * its topics changed (query-runner.ts: one read at a time, so answers never cross and none is discarded). Answers are
 * rendered as a transition: rendering a page of new rows during a catch-up yields to input and painting instead of
 * holding the UI thread for its whole length.
 */
import { startTransition, useEffect, useState } from 'react';
import type { CoreTopic } from '../core/api';
import { onCoreEvent } from '../core/client';
import { runQuery } from './query-runner';

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
    const runner = runQuery(read, (outcome) =>
      startTransition(() => setState((previous) => ('data' in outcome ? { data: outcome.data, error: undefined } : { data: previous.data, error: outcome.error }))),
    );
    const unsubscribe = onCoreEvent((event) => {
      if (event.topics.some((topic) => watched.has(topic))) runner.changed();
    });
    return () => {
      runner.dispose();
      unsubscribe();
    };
  }, [read, topicList]);
  return state;
}
