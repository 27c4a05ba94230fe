/**
 * vault-search, in the page. `fill` writes the corpus (corpus.ts) into the profile's vault from the page's thread while
 * the profile's core worker is locked: the first messages through Vault.commit (the receiver's batches of message
 * records, each with its blind search index rows), timed, then the rest as the same rows written in bulk (see
 * `bulkWrite`: the real path stores about a hundred messages a second here). `queries` then times each query three ways:
 * - through the core worker's RPC (`search`), as the inbox asks it: blind-index lookup, then each matching message
 *   read and decrypted, sorted, and cloned to the UI thread;
 * - the blind-index lookup alone (Vault.search: the matching ids), in the page;
 * - the baseline: a linear scan over the decrypted messages held in memory, each as its set of search tokens (the
 *   cheapest scan there is with the same matching rules: every query token must be among the message's tokens).
 */
import { initCrypto, randomBytes, toBase64Url, utf8Encode } from '../../../electron/common/crypto/sodium';
import { blindPosting, blindToken } from '../../../electron/common/search/blind-index';
import { searchTokens } from '../../../electron/common/search/normalize';
import type { CoreApi } from '../../../renderer/core/api';
import type { StoredMessage } from '../../../renderer/core/messages/message-view';
import { Vault, type RecordWrite } from '../../../renderer/core/vault';
import { VaultDatabase, defaultStorage } from '../../../renderer/core/vault/database';
import { KeyRing } from '../../../renderer/core/vault/key-ring';
import { parseMeta, unwrapDataKey } from '../../../renderer/core/vault/meta';
import { sealRecord } from '../../../renderer/core/vault/record-store';
import { sealBox } from '../../../renderer/core/vault/sealed-row';
import type { FillInput, FillResult, QueryInput, QueryResult, QuerySample } from './bench-api';
import { message, query } from './corpus';

const SENDER_NAME = 'קצין קישור';
const START = Date.UTC(2027, 0, 1);

function toBase64UrlOf(bytes: number): string {
  return toBase64Url(crypto.getRandomValues(new Uint8Array(bytes)));
}

async function openUnlocked(profile: string, passphrase: string): Promise<Vault> {
  const vault = await Vault.open({ profile });
  await vault.unlock(passphrase);
  return vault;
}

/** Message i of the corpus as the receiver stores it (a StoredMessage: every field the inbox shows). */
function storedMessage(seed: number, i: number, sender: string): { record: StoredMessage; features: readonly string[] } {
  const { text, lang, features } = message(seed, i);
  const record: StoredMessage = {
    id: toBase64Url(randomBytes(16)),
    order: i,
    text,
    lang,
    outgoing: false,
    sender,
    senderPost: 'IL',
    senderName: SENDER_NAME,
    recipients: ['SY'],
    createdAt: START + i * 60_000,
    state: 'relayed',
    logIndex: i,
    hash: toBase64UrlOf(32),
  };
  return { record, features };
}

/**
 * The rows Vault.commit writes for a batch of messages — each message sealed as its record (sealRecord) and one
 * search-index row per distinct token, built exactly as search-index.ts builds them — written with one bulkPut per
 * table instead of a nested transaction and four round trips per message. Any drift from the vault's own format
 * shows up in `queries`, which checks every answer of Vault.search against the scan.
 */
async function bulkWrite(db: VaultDatabase, keys: KeyRing, records: readonly StoredMessage[]): Promise<void> {
  const messages = records.map((record) => sealRecord('messages', record, keys));
  const postings = records.flatMap((record) =>
    searchTokens(record.text).map((token) => {
      const id = blindPosting(keys.searchKey, token, record.id);
      return { id, t: blindToken(keys.searchKey, token), box: sealBox('searchIndex', id, utf8Encode(record.id), keys.dataKey) };
    }),
  );
  await db.transaction('rw', [db.sealed('messages'), db.sealed('searchIndex')], async () => {
    await Promise.all([db.sealed('messages').bulkPut(messages), db.sealed('searchIndex').bulkPut(postings)]);
  });
}

export async function fill(input: FillInput): Promise<FillResult> {
  await initCrypto();
  const encoder = new TextEncoder();
  const sender = toBase64UrlOf(16);
  const mix: Record<string, number> = {};
  let plaintextBytes = 0;
  let postings = 0;
  const batchOf = (from: number, size: number) => {
    const records: StoredMessage[] = [];
    for (let i = from; i < Math.min(input.count, from + size); i += 1) {
      const { record, features } = storedMessage(input.seed, i, sender);
      for (const feature of features) mix[feature] = (mix[feature] ?? 0) + 1;
      plaintextBytes += encoder.encode(record.text).length;
      postings += searchTokens(record.text).length;
      records.push(record);
    }
    return records;
  };

  // The real write path first, for its rate: what storing received messages costs the receiver.
  const vault = await openUnlocked(input.profile, input.passphrase);
  const sampleStart = performance.now();
  let from = 0;
  try {
    for (; from < Math.min(input.viaCommit, input.count); from += input.batch) {
      await vault.commit({ put: batchOf(from, input.batch).map((record): RecordWrite => ({ table: 'messages', record })) });
    }
  } finally {
    vault.close();
  }
  const commitSeconds = (performance.now() - sampleStart) / 1000;
  const viaCommit = from;

  const db = new VaultDatabase(input.profile, defaultStorage());
  const dataKey = unwrapDataKey(parseMeta(await db.meta.get('vault')), input.passphrase);
  if (!dataKey) throw new Error('wrong passphrase');
  const keys = new KeyRing(dataKey);
  const bulkStart = performance.now();
  try {
    // One transaction in flight while the next batch is sealed: IndexedDB's backend works in the browser process.
    let writing: Promise<void> = Promise.resolve();
    for (; from < input.count; from += input.bulkBatch) {
      const records = batchOf(from, input.bulkBatch);
      await writing;
      writing = bulkWrite(db, keys, records);
    }
    await writing;
  } finally {
    keys.wipe();
    db.close();
  }
  return {
    count: input.count,
    viaCommit,
    commitSeconds,
    bulkSeconds: (performance.now() - bulkStart) / 1000,
    plaintextBytes,
    postings,
    mix,
  };
}

interface Loaded {
  readonly id: string;
  readonly tokens: ReadonlySet<string>;
}

function scan(messages: readonly Loaded[], text: string): string[] {
  const tokens = searchTokens(text);
  if (tokens.length === 0) return [];
  const found: string[] = [];
  for (const m of messages) if (tokens.every((token) => m.tokens.has(token))) found.push(m.id);
  return found;
}

const sameSet = (a: readonly string[], b: readonly string[]): boolean => {
  if (a.length !== b.length) return false;
  const set = new Set(a);
  return b.every((id) => set.has(id));
};

export async function queries(core: CoreApi, input: QueryInput): Promise<QueryResult> {
  const vault = await openUnlocked(input.profile, input.passphrase);
  try {
    const loadStart = performance.now();
    const { records } = await vault.list('messages');
    const loaded: Loaded[] = records.map((record) => ({ id: record.id, tokens: new Set(searchTokens(record.text)) }));
    const loadSeconds = (performance.now() - loadStart) / 1000;
    const samples: QuerySample[] = [];
    let mismatches = 0;
    for (let q = 0; q < input.warmup + input.count; q += 1) {
      const { text, kind } = query(input.seed, q, loaded.length);
      let viaCore = { ms: 0, count: 0 };
      let viaVault = { ms: 0, ids: [] as readonly string[] };
      const timeCore = async () => {
        const t0 = performance.now();
        const found = await core.search(text);
        viaCore = { ms: performance.now() - t0, count: found.length };
      };
      const timeVault = async () => {
        const t0 = performance.now();
        const ids = await vault.search(text);
        viaVault = { ms: performance.now() - t0, ids };
      };
      // Alternate which of the two index paths goes first, so neither always finds the other's blocks in cache.
      for (const time of q % 2 === 0 ? [timeCore, timeVault] : [timeVault, timeCore]) await time();
      const t0 = performance.now();
      const scanned = scan(loaded, text);
      const scanMs = performance.now() - t0;
      if (!sameSet(scanned, viaVault.ids) || viaCore.count !== scanned.length) mismatches += 1;
      if (q < input.warmup) continue;
      samples.push({ query: text, kind, coreMs: viaCore.ms, vaultMs: viaVault.ms, scanMs, results: scanned.length });
    }
    return { samples, loadSeconds, loaded: loaded.length, mismatches };
  } finally {
    vault.close();
  }
}
