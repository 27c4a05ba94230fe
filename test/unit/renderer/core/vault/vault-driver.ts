/**
 * Drivers for the vault tests: a fresh in-memory IndexedDB per test (fake-indexeddb, injected as the worker would
 * inject the real one), a clock the test moves by hand, real envelopes, and the attacker's view of storage — every
 * database, store, key and value, read with the raw IndexedDB API, bypassing the vault.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { generateBoxKeyPair, generateSigningKeyPair, randomBytes, toBase64Url, utf8Encode } from '../../../../../electron/common/crypto/sodium';
import { envelopeBytes, sealEnvelope } from '../../../../../electron/common/protocol/envelope';
import { deviceIdFor } from '../../../../../electron/common/protocol/identity';
import type { VaultStorage } from '../../../../../renderer/core/vault/database';
import { MIN_KDF } from '../../../../../renderer/core/vault/kdf';
import { Vault, type VaultOptions } from '../../../../../renderer/core/vault/vault';
import type { VaultClock } from '../../../../../renderer/core/vault/throttle';

export const PASSPHRASE = 'correct horse battery staple — סוס نجمة';

export class ManualClock implements VaultClock {
  time = Date.UTC(2027, 0, 15, 12, 0, 0);
  now(): number {
    return this.time;
  }
  advance(ms: number): void {
    this.time += ms;
  }
}

export interface Machine {
  readonly storage: VaultStorage & { readonly indexedDB: IDBFactory };
  readonly clock: ManualClock;
  /** Opens (again) the vault of `profile` on this machine. The cheapest parameters OWASP allows keep tests quick. */
  open(profile?: string, options?: Partial<VaultOptions>): Promise<Vault>;
}

/** One device's storage: every test gets its own, so nothing leaks between tests. */
export function machine(): Machine {
  const storage = { indexedDB: new IDBFactory(), IDBKeyRange };
  const clock = new ManualClock();
  return {
    storage,
    clock,
    open: (profile = 'il-post', options = {}) => Vault.open({ profile, storage, clock, kdf: MIN_KDF, ...options }),
  };
}

export async function createdVault(m: Machine, profile = 'il-post', passphrase = PASSPHRASE): Promise<Vault> {
  const vault = await m.open(profile);
  await vault.create(passphrase);
  return vault;
}

/** The code of the VaultError a promise rejects with (fails the test if it resolves). */
export async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
  throw new Error('expected a rejection');
}

/** A real envelope's canonical bytes, as the relay would deliver them; from a new device unless `sign` is given. */
export function envelopeFrom(seq = 1, text = 'envelope payload', sign = generateSigningKeyPair()): Uint8Array {
  const recipient = generateBoxKeyPair();
  const envelope = sealEnvelope({
    header: {
      v: 1,
      id: toBase64Url(randomBytes(16)),
      kind: 'message',
      sender: deviceIdFor(sign.publicKey),
      senderPost: 'IL',
      recipients: ['SY'],
      createdAt: Date.UTC(2027, 0, 15),
      seq,
      prev: seq === 1 ? null : toBase64Url(randomBytes(32)),
    },
    plaintext: utf8Encode(text),
    recipients: [{ deviceId: deviceIdFor(generateSigningKeyPair().publicKey), boxKey: recipient.publicKey }],
    senderSecretKey: sign.secretKey,
  });
  return envelopeBytes(envelope);
}

// --- the attacker's view ---

export interface StoredEntry {
  readonly database: string;
  readonly store: string;
  readonly key: IDBValidKey;
  readonly value: unknown;
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** Every row of every object store of every database on this machine, straight from IndexedDB. */
export async function dumpStorage(factory: IDBFactory): Promise<StoredEntry[]> {
  const entries: StoredEntry[] = [];
  for (const { name } of await factory.databases()) {
    if (!name) continue;
    const db = await request(factory.open(name));
    try {
      for (const store of Array.from(db.objectStoreNames)) {
        const os = db.transaction(store, 'readonly').objectStore(store);
        const [keys, values] = await Promise.all([request(os.getAllKeys()), request(os.getAll())]);
        keys.forEach((key, i) => entries.push({ database: name, store, key, value: values[i] }));
      }
    } finally {
      db.close();
    }
  }
  return entries;
}

/** Rewrites one stored row in place, as someone with access to the profile's files could. */
export async function tamper(factory: IDBFactory, database: string, store: string, key: IDBValidKey, change: (value: unknown) => unknown): Promise<void> {
  const db = await request(factory.open(database));
  try {
    const os = db.transaction(store, 'readwrite').objectStore(store);
    const value: unknown = await request(os.get(key));
    await request(os.put(change(value)));
  } finally {
    db.close();
  }
}

/** Empties one object store and puts `meta` into the meta store: what an upgrade that drops an index leaves behind. */
export async function clearStore(factory: IDBFactory, database: string, store: string, meta: { readonly id: string }): Promise<void> {
  const db = await request(factory.open(database));
  try {
    const transaction = db.transaction([store, 'meta'], 'readwrite');
    await request(transaction.objectStore(store).clear());
    await request(transaction.objectStore('meta').put(meta));
  } finally {
    db.close();
  }
}

const utf8 = new TextDecoder('utf-8');
const utf16 = new TextDecoder('utf-16le');

/** Everything an attacker could read out of a stored value: strings as they are, bytes as UTF-8 and UTF-16LE text. */
export function readable(value: unknown): string {
  if (value instanceof Uint8Array) {
    return [utf8.decode(value), utf16.decode(value), utf16.decode(value.subarray(1))].join('\n');
  }
  if (ArrayBuffer.isView(value)) return readable(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
  if (value instanceof ArrayBuffer) return readable(new Uint8Array(value));
  if (Array.isArray(value)) return value.map(readable).join('\n');
  if (value !== null && typeof value === 'object') return Object.entries(value).map(([k, v]) => `${k}\n${readable(v)}`).join('\n');
  return String(value);
}
