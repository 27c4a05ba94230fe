/**
 * The storage engine's own pace, for vault-search's notes: plain IndexedDB puts (no Dexie, no crypto) of rows shaped
 * like the search index's — a 22-character key, a 22-character indexed field, a 62-byte value — in large
 * transactions, into a scratch database of this origin. Run it from another origin than the vault's, so the scratch
 * rows never reach the folder whose size is measured.
 */
const TRANSACTION_ROWS = 5_000;

const randomId = (): string => btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16)))).slice(0, 22);

function openScratch(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, 1);
    request.onupgradeneeded = () => request.result.createObjectStore('rows', { keyPath: 'id' }).createIndex('t', 't');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('open failed'));
  });
}

export async function rawPuts(rows: number): Promise<{ rows: number; seconds: number }> {
  const name = `raw-puts-${randomId()}`;
  const db = await openScratch(name);
  const start = performance.now();
  try {
    for (let from = 0; from < rows; from += TRANSACTION_ROWS) {
      await new Promise<void>((resolve, reject) => {
        const transaction = db.transaction('rows', 'readwrite');
        const store = transaction.objectStore('rows');
        for (let i = from; i < Math.min(rows, from + TRANSACTION_ROWS); i += 1) store.put({ id: randomId(), t: randomId(), box: crypto.getRandomValues(new Uint8Array(62)) });
        transaction.oncomplete = () => resolve();
        transaction.onerror = () => reject(transaction.error ?? new Error('transaction failed'));
      });
    }
    return { rows, seconds: (performance.now() - start) / 1000 };
  } finally {
    db.close();
    indexedDB.deleteDatabase(name);
  }
}
