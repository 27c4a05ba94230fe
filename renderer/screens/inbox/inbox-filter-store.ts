/**
 * The inbox's filter, shared by the inbox and the message view (next and previous follow the list as filtered) and
 * kept while the person moves between screens. Held in memory only, and cleared on lock: a search term is plaintext.
 */
import { useSyncExternalStore } from 'react';
import type { InboxFilter } from '../../core/api';

let current: InboxFilter = {};
const listeners = new Set<() => void>();

export function setInboxFilter(next: InboxFilter): void {
  current = next;
  for (const listener of listeners) listener();
}

export const clearInboxFilter = (): void => setInboxFilter({});

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};
const snapshot = () => current;

export const useInboxFilter = (): InboxFilter => useSyncExternalStore(subscribe, snapshot);

/** Whether the filter narrows the list at all. */
export const isFiltered = (filter: Partial<InboxFilter>): boolean =>
  Object.entries(filter).some(([key, value]) => value !== undefined && value !== false && !(key === 'search' && typeof value === 'string' && value.trim() === ''));
