/**
 * vault-search, in the page. `fill` writes the corpus (corpus.ts) into the profile's vault from the page's thread while
 * the profile's core worker is locked, all of it through Vault.commit in the receiver's batches (each message sealed,
 * each batch one sealed search index segment). `queries` then times each query three ways:
 * - through the core worker's RPC (`search`), as the inbox asks it: the newest 200 matches, found in the index, each
 *   read and decrypted, checked, sorted, and cloned to the UI thread;
 * - the same in the page (Vault.findMessages, no RPC);
 * - the baseline: a linear scan over the decrypted messages held in memory, each as its set of search tokens (the
 *   cheapest scan there is with the same matching rules: every query token must be among the message's tokens).
 * Every answer is checked against the scan: the same newest 200 matches, in the same order.
 */
import { initCrypto, randomBytes, toBase64Url } from '../../../electron/common/crypto/sodium';
import { searchTokens } from '../../../electron/common/search/normalize';
import type { CoreApi } from '../../../renderer/core/api';
import { NO_ACTS, type StoredMessage } from '../../../renderer/core/messages/message-view';
import { Vault, type RecordWrite } from '../../../renderer/core/vault';
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
    precedence: 'ROUTINE',
    category: 'administrative',
    subject: text.slice(0, 40),
    body: text,
    outgoing: false,
    sender,
    senderPost: 'IL',
    senderName: SENDER_NAME,
    recipients: ['SY'],
    createdAt: START + i * 60_000,
    state: 'relayed',
    logIndex: i,
    hash: toBase64UrlOf(32),
    relayedAt: START + i * 60_000,
    events: [],
    readHere: false,
    ...NO_ACTS,
  };
  return { record, features };
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

  // Every message through Vault.commit, a receiver's batch at a time, as received messages are stored. One commit
  // is in flight while the next is prepared: IndexedDB's backend works in the browser process meanwhile.
  const vault = await openUnlocked(input.profile, input.passphrase);
  const start = performance.now();
  try {
    let writing: Promise<void> = Promise.resolve();
    for (let from = 0; from < input.count; from += input.batch) {
      const writes = batchOf(from, input.batch).map((record): RecordWrite => ({ table: 'messages', record }));
      await writing;
      writing = vault.commit({ put: writes });
    }
    await writing;
  } finally {
    vault.close();
  }
  return { count: input.count, commitSeconds: (performance.now() - start) / 1000, plaintextBytes, postings, mix };
}

interface Loaded {
  readonly id: string;
  readonly order: number;
  readonly tokens: ReadonlySet<string>;
}

/** The newest `limit` messages containing every token of `text`, as the index must answer. */
function scan(messages: readonly Loaded[], text: string, limit: number): { ids: string[]; total: number } {
  const tokens = searchTokens(text);
  if (tokens.length === 0) return { ids: [], total: 0 };
  const found: Loaded[] = [];
  for (const m of messages) if (tokens.every((token) => m.tokens.has(token))) found.push(m);
  found.sort((a, b) => b.order - a.order || (a.id < b.id ? -1 : 1));
  return { ids: found.slice(0, limit).map((m) => m.id), total: found.length };
}

const sameList = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((id, i) => id === b[i]);

/** What the inbox asks for (MESSAGE_LIST_LIMIT). */
const LIMIT = 200;

export async function queries(core: CoreApi, input: QueryInput): Promise<QueryResult> {
  const vault = await openUnlocked(input.profile, input.passphrase);
  try {
    const loadStart = performance.now();
    const { records } = await vault.list('messages');
    const loaded: Loaded[] = records.map((record) => ({ id: record.id, order: record.order ?? -1, tokens: new Set(searchTokens(record.text)) }));
    const loadSeconds = (performance.now() - loadStart) / 1000;
    const samples: QuerySample[] = [];
    let mismatches = 0;
    for (let q = 0; q < input.warmup + input.count; q += 1) {
      const { text, kind } = query(input.seed, q, loaded.length);
      let viaCore = { ms: 0, ids: [] as readonly string[] };
      let viaVault = { ms: 0, ids: [] as readonly string[] };
      const timeCore = async () => {
        const t0 = performance.now();
        const found = await core.search(text, LIMIT);
        viaCore = { ms: performance.now() - t0, ids: found.map((m) => m.id) };
      };
      const timeVault = async () => {
        const t0 = performance.now();
        const found = await vault.findMessages(text, LIMIT);
        viaVault = { ms: performance.now() - t0, ids: found.map((m) => m.id) };
      };
      // Alternate which of the two goes first, so neither always finds the other's blocks in cache.
      for (const time of q % 2 === 0 ? [timeCore, timeVault] : [timeVault, timeCore]) await time();
      const t0 = performance.now();
      const scanned = scan(loaded, text, LIMIT);
      const scanMs = performance.now() - t0;
      if (!sameList(scanned.ids, viaVault.ids) || !sameList(scanned.ids, viaCore.ids)) mismatches += 1;
      if (q < input.warmup) continue;
      samples.push({ query: text, kind, coreMs: viaCore.ms, vaultMs: viaVault.ms, scanMs, results: scanned.total });
    }
    return { samples, loadSeconds, loaded: loaded.length, mismatches };
  } finally {
    vault.close();
  }
}
