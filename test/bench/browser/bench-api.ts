/**
 * What the benchmark page offers the Node side (as `window.bench`, called through Playwright's page.evaluate): one
 * interface, imported by both, so each side is checked against the same types. Everything that crosses is plain data.
 */
import type { CoreApi } from '../../../renderer/core/api';
import type { KdfParams } from '../../../renderer/core/vault/kdf';

export interface UnlockInput {
  readonly profile: string;
  readonly passphrase: string;
  readonly warmup: number;
  readonly count: number;
}

export interface UnlockResult {
  readonly kdf: KdfParams;
  /** Vault.unlock, one sample per unlock (after lock()). */
  readonly unlockMs: number[];
  /** The bare crypto_pwhash (sodium.ts argon2id) with the same parameters, interleaved with the unlocks. */
  readonly bareMs: number[];
}

export interface FillInput {
  readonly profile: string;
  readonly passphrase: string;
  readonly count: number;
  /** Messages per Vault.commit (the receiver's batch). */
  readonly batch: number;
  readonly seed: number;
}

export interface FillResult {
  readonly count: number;
  /** Time to store all of them through Vault.commit. */
  readonly commitSeconds: number;
  /** UTF-8 bytes of every message text. */
  readonly plaintextBytes: number;
  /** Distinct search tokens per message, summed (each is one posting in a segment). */
  readonly postings: number;
  /** How the languages and spellings of the corpus came out. */
  readonly mix: Readonly<Record<string, number>>;
}

export interface QueryInput {
  readonly profile: string;
  readonly passphrase: string;
  readonly count: number;
  readonly seed: number;
  readonly warmup: number;
}

export interface QuerySample {
  readonly query: string;
  readonly kind: string;
  /** The core worker's `search` through the RPC, as the inbox calls it (the newest 200 matches, read and cloned). */
  readonly coreMs: number;
  /** Vault.findMessages in the page: the same without the RPC. */
  readonly vaultMs: number;
  readonly scanMs: number;
  readonly results: number;
}

export interface QueryResult {
  readonly samples: QuerySample[];
  /** Reading and decrypting every message into memory once, as a scanning search would at unlock. */
  readonly loadSeconds: number;
  readonly loaded: number;
  /** Queries whose answer (core or vault) differed from the scan's newest 200 (must be 0: the same tokens apply). */
  readonly mismatches: number;
}

export interface CatchUpInput {
  readonly passphrase: string;
  readonly expected: number;
  /** A word only the last message contains. */
  readonly lastWord: string;
  readonly lastId: string;
  readonly pollMs: number;
  readonly timeoutMs: number;
}

/** Times are epoch milliseconds (performance.timeOrigin + now()), comparable with the Node side's. */
export interface CatchUpResult {
  readonly startedAt: number;
  readonly unlockedAt: number;
  /** When search for the last message's word first found it. */
  readonly searchableAt: number;
  /** When messages() first answered with every expected message. */
  readonly allListedAt: number;
  readonly listed: number;
  /** messages() calls made by this page (the inbox's, in UI mode, plus the final check). */
  readonly reads: number;
}

export interface LongTasks {
  readonly count: number;
  readonly longestMs: number;
  readonly totalMs: number;
  /** Longest first, at most 10. */
  readonly top: readonly { readonly at: number; readonly ms: number }[];
}

export interface FloorInput {
  readonly profile: string;
  readonly passphrase: string;
}

export interface FloorResult {
  readonly count: number;
  readonly opened: number;
  /** verifyEnvelopeSignature + openEnvelope + decodePayload over every envelope, one loop. */
  readonly ms: number;
  readonly verifyMs: number;
  readonly openMs: number;
  readonly decodeMs: number;
}

export interface BenchPage {
  readonly ready: Promise<void>;
  /** vault-unlock */
  unlock(input: UnlockInput): Promise<UnlockResult>;
  /** vault-search */
  fill(input: FillInput): Promise<FillResult>;
  queries(input: QueryInput): Promise<QueryResult>;
  /** Plain IndexedDB puts into a scratch database: the storage engine's pace (raw-idb.ts). */
  rawPuts(rows: number): Promise<{ rows: number; seconds: number }>;
  /** vault-catch-up: the core worker of this page's profile (`?profile=`), through the RPC exactly as the UI calls it. */
  core<M extends keyof CoreApi & string>(method: M, ...args: Parameters<CoreApi[M]>): Promise<Awaited<ReturnType<CoreApi[M]>>>;
  observeLongTasks(): void;
  longTasks(): LongTasks;
  catchUp(input: CatchUpInput): Promise<CatchUpResult>;
  floor(input: FloorInput): Promise<FloorResult>;
}

declare global {
  interface Window {
    bench: BenchPage;
  }
}
