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
  readonly top: readonly { readonly at: number; readonly ms: number; /** From the Long Animation Frames API, where it saw the task. */ readonly what?: string | undefined }[];
}

export interface FloorInput {
  readonly profile: string;
  readonly passphrase: string;
}

export interface FloorResult {
  readonly count: number;
  readonly opened: number;
  /** verifyEnvelopeSignature + openEnvelope + decodePayload over every envelope, one loop: the median pass. */
  readonly ms: number;
  readonly verifyMs: number;
  readonly openMs: number;
  readonly decodeMs: number;
  /** Every pass's time, in the order run. */
  readonly passesMs: readonly number[];
}

/** What the page holds, counted (app-probe.ts). */
export interface DomCounts {
  /** document.querySelectorAll('*').length: every element of the page. */
  readonly nodes: number;
  /** Elements inside the message list. */
  readonly listNodes: number;
  /** Rows (li) the list renders, and how many of them show a message / a placeholder. */
  readonly rows: number;
  readonly articles: number;
  readonly placeholders: number;
  /** aria-posinset of the first and last rendered rows (1-based; 0 if none). */
  readonly firstRow: number;
  readonly lastRow: number;
  /** The list's length (data-total). */
  readonly total: number;
  readonly scrollHeight: number;
}

/** inbox-render: from pressing Unlock to the inbox's first rows. Epoch milliseconds. */
export interface FirstRows {
  /** The unlock form submitted (the press). */
  readonly submitAt: number;
  /** The app's frame in the DOM (the core reported the vault open and the gate let the app through). */
  readonly frameAt: number;
  readonly listAt: number;
  /** The first row with a message in the DOM (React's commit). */
  readonly rowsAt: number;
  /** The end of the frame that first shows it. */
  readonly paintedAt: number;
  readonly counts: DomCounts;
}

export interface ScrollResult {
  /** The row scrolled to (0-based). */
  readonly target: number;
  readonly startedAt: number;
  /** Every rendered row shows its message, the target's included. */
  readonly filledAt: number;
  readonly paintedAt: number;
  readonly scrollTop: number;
  /** The target row lies inside the list's box. */
  readonly targetVisible: boolean;
  readonly counts: DomCounts;
}

/** send-to-banner: the banner as it appeared. Epoch milliseconds. */
export interface BannerSeen {
  readonly id: string;
  readonly subject: string;
  readonly inDomAt: number;
  readonly paintedAt: number;
}

/** inbox-render: the inbox's reads in the core and in IndexedDB, ms (list-reads.ts). */
export interface ListReads {
  readonly limit: number;
  /** messagePage(0 | middle | last, limit) and messages(limit) through the core's RPC. */
  readonly core: { readonly firstPage: number; readonly newest: number; readonly middlePage: number; readonly lastPage: number };
  /** Plain IndexedDB on the vault's database: counts (order index, object store) and index cursors (skipping 0 | middle). */
  readonly raw: { readonly indexCount: number; readonly storeCount: number; readonly firstPage: number; readonly middlePage: number };
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
  /** inbox-render and send-to-banner, with the app's UI rendered (`?ui=1`): app-probe.ts. */
  armFirstRows(timeoutMs: number): void;
  firstRows(): Promise<FirstRows>;
  domCounts(): DomCounts;
  scrollList(input: { to: 'middle' | 'end'; timeoutMs: number }): Promise<ScrollResult>;
  armPress(testId: string): void;
  pressed(): number | null;
  armBanner(input: { exceptId: string | null; timeoutMs: number }): void;
  banner(): Promise<BannerSeen>;
  bannerGone(timeoutMs: number): Promise<void>;
  listReads(input: { profile: string; count: number }): Promise<ListReads>;
}

declare global {
  interface Window {
    bench: BenchPage;
  }
}
