/**
 * inbox-render, in the page: what the inbox's reads cost in the core, by part. `messagePage(offset, limit)` is a count
 * of the messages' order index plus a page read at an offset of it (renderer/core/core.ts); `messages(limit)` is the
 * same first page without the count. Then the storage engine alone, on the profile's own vault database (plain
 * IndexedDB, a connection of this page's next to the worker's): counting through the order index and through the
 * object store, and a cursor on the index skipping `offset` entries, as a deep page does.
 */
import { databaseName } from '../../../renderer/core/vault/database';
import type { CoreApi } from '../../../renderer/core/api';
import type { ListReads } from './bench-api';

const LIMIT = 50;

const request = <T>(r: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
  });

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

/** The newest-first index cursor, `skip` entries on, then LIMIT entries read. */
function indexCursor(db: IDBDatabase, skip: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const cursorRequest = db.transaction('messages').objectStore('messages').index('order').openCursor(null, 'prev');
    let skipped = skip === 0;
    let read = 0;
    cursorRequest.onerror = () => reject(cursorRequest.error ?? new Error('cursor failed'));
    cursorRequest.onsuccess = () => {
      const cursor = cursorRequest.result;
      if (!cursor) return resolve();
      if (!skipped) {
        skipped = true;
        return cursor.advance(skip);
      }
      read += 1;
      if (read >= LIMIT) return resolve();
      cursor.continue();
    };
  });
}

export async function listReads(core: CoreApi, input: { profile: string; count: number }): Promise<ListReads> {
  const middle = Math.floor(input.count / 2);
  const last = Math.max(0, input.count - LIMIT);
  const firstPage = await timed(() => core.messagePage(0, LIMIT));
  const newest = await timed(() => core.messages(LIMIT));
  const middlePage = await timed(() => core.messagePage(middle, LIMIT));
  const lastPage = await timed(() => core.messagePage(last, LIMIT));
  const db = await request(indexedDB.open(databaseName(input.profile)));
  try {
    const store = () => db.transaction('messages').objectStore('messages');
    return {
      limit: LIMIT,
      core: { firstPage, newest, middlePage, lastPage },
      raw: {
        indexCount: await timed(() => request(store().index('order').count())),
        storeCount: await timed(() => request(store().count())),
        firstPage: await timed(() => indexCursor(db, 0)),
        middlePage: await timed(() => indexCursor(db, middle)),
      },
    };
  } finally {
    db.close();
  }
}
