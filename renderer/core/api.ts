/**
 * What the core worker offers the UI thread: the one interface between them. The worker holds the vault, the keys and
 * the sync client; the UI gets decrypted views through these calls and learns of changes from `CoreEvent`s, and never
 * touches IndexedDB or a key itself.
 *
 * Failures reach the UI as `RpcError`s carrying a `CoreErrorCode` and its parameters (see core-error.ts), which the UI
 * translates (`errors` namespace); never as English sentences.
 */
import type { Tracking } from '../../electron/common/message/lifecycle';
import type { PolicyRules } from '../../electron/common/message/policy';
import type { CheckKind } from '../../electron/common/translation/findings';
import type { GlossaryEntry } from '../../electron/common/translation/glossary-entry';
import type { TranslationPair } from '../../electron/common/translation/translation-pair';
import type { ComposeDraft, PresendTranslation } from './messages/compose-draft';
import type { LineCheck } from './messages/line-checks';
import type { InboxFilter } from '../../electron/common/message/inbox-filter';
import type { MessageNote, TranslationRequest } from './messages/message-view';
import type { TranslationSummary } from './messages/translation-view';
import type { Category, Precedence } from '../../electron/common/message/precedence';
import type { TemplateData } from '../../electron/common/message/template';
import type { Post, Role } from '../../electron/common/protocol/schemas';
import type { Language } from '../../electron/common/settings';

export interface CryptoInfo {
  readonly library: 'libsodium';
  readonly version: string;
}

export type VaultStatus = 'absent' | 'locked' | 'unlocked';
export type ConnectionState = 'offline' | 'connecting' | 'online';

/** This device, as the channel knows it. Only while the vault is unlocked. */
export interface Identity {
  readonly deviceId: string;
  readonly channelId: string;
  /** The channel root public key (base64url): what a joining device types in, from the desk. */
  readonly channelKey: string;
  readonly relayUrl: string;
  readonly post: Post;
  readonly roles: readonly Role[];
  readonly name: string;
  /** This device's key fingerprint, to read out by voice (see electron/common/protocol/identity.ts). */
  readonly fingerprint: string;
  /**
   * 'unsent': keys made, the request has not reached the relay yet (retry with resendEnrolment); 'pending': the request
   * is with the desk (the relay does not tell a device it was refused: it stays pending, and may be sent again);
   * 'ready': the device holds its certificate.
   */
  readonly enrolment: 'unsent' | 'pending' | 'ready';
  /** Whether this device holds the channel root key (the desk's first device). */
  readonly holdsChannelRoot: boolean;
}

export interface SyncStatus {
  readonly connection: ConnectionState;
  /** When the device last finished catching up with the relay (ms since the epoch), or null. */
  readonly lastSyncAt: number | null;
  /** The size of the newest relay checkpoint this device has verified (signature and consistency), or null. */
  readonly verifiedLogSize: number | null;
  /** Envelopes waiting in the outbox. */
  readonly outbox: number;
}

export interface CoreStatus {
  readonly vault: VaultStatus;
  readonly identity: Identity | null;
  readonly sync: SyncStatus;
  /** Alarms not yet dismissed. */
  readonly alarms: number;
}

export interface CreateChannelInput {
  readonly relayUrl: string;
  /** The one-time token the unbound relay printed. */
  readonly bindToken: string;
  readonly deviceName: string;
  readonly passphrase: string;
}

export interface JoinChannelInput {
  readonly relayUrl: string;
  /** The channel root public key, from the desk (base64url, 43 characters; spaces are ignored). */
  readonly channelKey: string;
  readonly post: Post;
  readonly roles: readonly Role[];
  readonly deviceName: string;
  readonly passphrase: string;
}

export interface PendingEnrolment {
  readonly deviceId: string;
  readonly post: Post;
  readonly roles: readonly Role[];
  readonly name: string;
  readonly fingerprint: string;
  readonly receivedAt: number;
}

export interface DeviceSummary {
  readonly deviceId: string;
  readonly post: Post;
  readonly roles: readonly Role[];
  readonly name: string;
  readonly fingerprint: string;
  readonly status: 'current' | 'not-yet-valid' | 'expired' | 'revoked';
}

/** A message as this device sees it: decrypted, verified, with where it stands at each recipient post. */
export interface MessageSummary {
  /** The envelope's id (header.id): stable from the moment it is queued. */
  readonly id: string;
  readonly outgoing: boolean;
  readonly senderPost: Post;
  readonly senderName: string;
  readonly recipients: readonly Post[];
  readonly createdAt: number;
  readonly precedence: Precedence;
  readonly category: Category;
  readonly subject: string;
  readonly body: string;
  /** The author's language. */
  readonly lang: Language;
  /** A templated message's data, which the reader's screen renders in the reader's language. */
  readonly template: TemplateData | null;
  /** The message this one answers. */
  readonly replyTo: string | null;
  /** queued: in this device's outbox; relayed: the relay logged it (a receipt, or it arrived through the log). */
  readonly state: 'queued' | 'relayed';
  readonly logIndex: number | null;
  readonly relayedAt: number | null;
  /** Each recipient post's stage, with the time and device of every step (lifecycle.ts). */
  readonly tracking: Tracking;
  /** When each recipient post must have acknowledged by (a post still short of it then is overdue: lifecycle.ts). */
  readonly deadline: number;
  /** Some recipient post has not acknowledged yet. */
  readonly open: boolean;
  /** Received, and nobody has opened it on this device yet. */
  readonly unread: boolean;
  /** The desk's notes on it, oldest first. */
  readonly notes: readonly MessageNote[];
  /** Who asked for it in which languages. */
  readonly translationRequests: readonly TranslationRequest[];
  /** Each language's translation and its stage (translation-view.ts). */
  readonly translations: readonly TranslationSummary[];
}

export type { ComposeDraft, PresendTranslation } from './messages/compose-draft';

/** The line checks this device has seen, newest first, and what the desk needs to judge them. */
export interface LineCheckView {
  readonly checks: readonly LineCheck[];
  /** How long a post has to answer (ms): a check unanswered longer is missed (judged by the screen's clock). */
  readonly answerWindow: number;
  /** How often the desk sends one (ms). */
  readonly interval: number;
  /** The size of the newest checkpoint this device verified: the desk compares each answer's with it. */
  readonly verifiedLogSize: number | null;
}

/** A message waiting for a translator, and the languages it still needs that this translator covers. */
export interface TranslationQueueItem {
  readonly message: MessageSummary;
  readonly languages: readonly Language[];
}

/** The translation this translator is writing, as last saved here. */
export interface TranslationWorkView {
  readonly subject: string;
  readonly body: string;
  readonly savedAt: number;
}

export interface TranslationReviewInput {
  readonly messageId: string;
  /** The submission's id (TranslationSummary.id). */
  readonly submissionId: string;
  readonly verdict: 'certified' | 'returned';
  /** Why it is returned (required then); optional with a certification. */
  readonly comment: string;
  /** For each failed check a certifier accepts anyway, the written reason every reader will see. */
  readonly overrides: readonly { readonly check: CheckKind; readonly reason: string }[];
}

import type { FuzzyMatch } from '../../electron/common/translation/translation-memory';
export type { FuzzyMatch };

/** The channel policy in force, and who set it when (null: the defaults, never changed). */
export interface PolicyView {
  readonly rules: PolicyRules;
  readonly setAt: number | null;
  readonly setBy: string | null;
}

export interface ComposeInput {
  readonly recipients: readonly Post[];
  readonly precedence: Precedence;
  readonly category: Category;
  readonly subject: string;
  readonly body: string;
  /** The language the author wrote in. */
  readonly lang: Language;
  readonly template?: TemplateData;
  readonly replyTo?: string;
  /** Written by a translator here before sending; sent just after the message, for a second translator to certify. */
  readonly translations?: readonly PresendTranslation[];
}

/**
 * What the sync client refuses to let pass silently. Each kind has a translation (`alarms.<kind>`) with the detail as
 * its parameters.
 */
export const ALARM_KINDS = [
  /** A frame that is not valid JSON or breaks the frame schema. */
  'malformed-frame',
  /** The relay's key is not the one pinned when the channel was set up. */
  'relay-key-changed',
  /** The relay serves another channel. */
  'wrong-channel',
  /** A checkpoint whose signature or origin does not verify. */
  'bad-checkpoint',
  /** Two checkpoints that cannot both be true: the relay shows different histories (split view), or rolled back. */
  'log-inconsistent',
  /** An envelope whose log inclusion proof does not verify against a trusted checkpoint. */
  'inclusion-failed',
  /** An envelope from a device without a valid certificate of this channel. */
  'unknown-sender',
  /** An envelope sent by a device after it was revoked. */
  'revoked-sender',
  /** A signature that does not verify, or a sender post that is not the certificate's. */
  'bad-signature',
  /** An envelope that breaks its sender's chain (a replay, or two envelopes with one sequence number). */
  'chain-broken',
  /** The sender says it sent an envelope to this post that never arrived: the relay dropped it. */
  'missing-envelope',
  /** An envelope for this post that this device cannot open. */
  'undecryptable',
  /** A directory entry (certificate or revocation list) that does not verify under the channel root. */
  'bad-directory',
  /** The relay refused an envelope from the outbox for a reason retrying cannot fix. */
  'send-refused',
  /** The relay revoked this device: it can no longer send or receive. */
  'device-revoked',
  /** A record of the vault did not decrypt or parse as itself: it is set aside in quarantine, the rest reads on. */
  'record-corrupt',
] as const;
export type AlarmKind = (typeof ALARM_KINDS)[number];

export interface Alarm {
  readonly id: string;
  readonly kind: AlarmKind;
  readonly at: number;
  /** Plain values for the translation: a device name, a post, a log index, an error code. */
  readonly detail: Readonly<Record<string, string | number>>;
}

/** How many messages a list returns unless asked for another number: enough for a screen, small enough to move fast. */
export const MESSAGE_LIST_LIMIT = 200;

/** The most messages one page of the list holds (a scrolling list asks for what is on screen, and a little more). */
export const MESSAGE_PAGE_LIMIT = 500;

/** The most open messages `openMessages` returns: those whose deadlines come soonest. */
export const OPEN_MESSAGES_LIMIT = 50;

/** A stretch of the whole message list, newest first: what a scrolling list shows. */
export interface MessagePage {
  /** How many messages there are in all: what the list scrolls over. */
  readonly total: number;
  /** The position of the first message below in the whole list (0: the newest). */
  readonly offset: number;
  readonly messages: readonly MessageSummary[];
}

/** A page of the inbox in its order (inbox-index.ts), narrowed by a filter, with the counts the inbox heads with. */
export interface InboxPage extends MessagePage {
  /** Unread messages, those waiting for an acknowledgement here, and of those the overdue; null while still indexing. */
  readonly counts: { readonly unread: number; readonly waiting: number; readonly overdue: number } | null;
}

export type { InboxFilter, InboxState } from '../../electron/common/message/inbox-filter';
export { INBOX_STATES } from '../../electron/common/message/inbox-filter';

export type CoreTopic = 'status' | 'messages' | 'alarms' | 'enrolments' | 'devices' | 'line-checks' | 'policy' | 'glossary';

/** Sent by the worker whenever something the UI shows may have changed; the UI re-reads what it shows. */
export interface CoreEvent {
  readonly type: 'changed';
  readonly topics: readonly CoreTopic[];
}

export interface CoreApi {
  [method: string]: (...args: never[]) => Promise<unknown>;
  cryptoInfo(): Promise<CryptoInfo>;

  status(): Promise<CoreStatus>;
  /** Onboarding at the desk: channel root and the desk's first device; binds the fresh relay. Leaves the vault unlocked. */
  createChannel(input: CreateChannelInput): Promise<Identity>;
  /** Onboarding at a post: keys, vault, enrolment request sent. Leaves the vault unlocked; the desk approves later. */
  joinChannel(input: JoinChannelInput): Promise<Identity>;
  /** Sends the enrolment request again (after 'unsent', or after the desk refused with a mistake). */
  resendEnrolment(): Promise<void>;
  unlock(passphrase: string): Promise<void>;
  lock(): Promise<void>;
  changePassphrase(current: string, next: string): Promise<void>;

  /** Desk: requests waiting for approval, with their fingerprints. */
  pendingEnrolments(): Promise<readonly PendingEnrolment[]>;
  approveEnrolment(deviceId: string): Promise<void>;
  refuseEnrolment(deviceId: string): Promise<void>;
  /** Every device of the channel, from the verified directory. */
  devices(): Promise<readonly DeviceSummary[]>;

  /** Queues a message in the outbox (encrypted); the sync client sends it when it can. Returns the message id. */
  send(input: ComposeInput): Promise<string>;
  /** The message being composed, as typed, kept encrypted in the vault (null: none). */
  draft(): Promise<ComposeDraft | null>;
  /** Keeps the message being composed (called as it is typed); a draft that is not one is refused (core.invalidDraft). */
  saveDraft(draft: ComposeDraft): Promise<void>;
  discardDraft(): Promise<void>;
  /** One message, or null if this device holds none with that id. */
  message(id: string): Promise<MessageSummary | null>;
  /** Incoming FLASH and IMMEDIATE messages addressed to this post that it has not acknowledged, newest first. */
  urgent(): Promise<readonly MessageSummary[]>;
  /**
   * Messages still waiting for an acknowledgement that concern this post: those it sent that some post has not
   * acknowledged, those sent to it that it has not acknowledged, and at the desk all of them; the OPEN_MESSAGES_LIMIT
   * with the soonest deadlines. The UI sees which are overdue by its own clock.
   */
  openMessages(): Promise<readonly MessageSummary[]>;
  /** A person opened the message here: its post's read receipt goes out (once). */
  markRead(id: string): Promise<void>;
  /** "Received and understood", by an officer of a recipient post: a signed event to every party. */
  acknowledge(id: string): Promise<void>;
  /** The newest `limit` messages (default MESSAGE_LIST_LIMIT), newest first: the outbox, then by log position. */
  messages(limit?: number): Promise<readonly MessageSummary[]>;
  /** Up to `limit` (at most MESSAGE_PAGE_LIMIT) messages from position `offset` of the whole list, and the total. */
  messagePage(offset: number, limit: number): Promise<MessagePage>;
  /**
   * A page of the inbox: threads, those waiting here first by precedence, then by their newest message (inbox-index.ts),
   * narrowed by `filter`; `now` is the screen's clock, which judges what is overdue.
   */
  inboxPage(filter: InboxFilter, now: number, offset: number, limit: number): Promise<InboxPage>;
  /** The messages above and below one in the inbox as filtered: for next and previous. Null if it is not in it. */
  inboxNeighbours(filter: InboxFilter, now: number, id: string): Promise<{ readonly newer: string | null; readonly older: string | null } | null>;
  /** Messages containing every word of the query, however each was spelt: the newest `limit` of them. */
  search(query: string, limit?: number): Promise<readonly MessageSummary[]>;
  /** Desk: a supervisor's note on a message (never a change to it), sent to every post the message concerns. */
  annotate(id: string, text: string): Promise<void>;
  /** Asks for the message in these languages (its own language is left out): translators' queues at every post. */
  requestTranslation(id: string, languages: readonly Language[]): Promise<void>;
  /** The languages this translator covers (default: the post's own). */
  translatorLanguages(): Promise<readonly Language[]>;
  setTranslatorLanguages(languages: readonly Language[]): Promise<void>;
  translationQueue(): Promise<readonly TranslationQueueItem[]>;
  translationWork(messageId: string, lang: Language): Promise<TranslationWorkView | null>;
  /** Keeps the translation being written, sealed in the vault, as it is typed. */
  saveTranslationWork(messageId: string, lang: Language, subject: string, body: string): Promise<void>;
  submitTranslation(messageId: string, lang: Language, subject: string, body: string): Promise<void>;
  /** Certify or return: refused here, with the reason, when the rules every client applies would refuse it. */
  reviewTranslation(input: TranslationReviewInput): Promise<void>;
  memoryMatches(sourceLang: Language, targetLang: Language, sentence: string): Promise<readonly FuzzyMatch[]>;
  /** The channel's own glossary entries (over the shipped glossary). */
  glossary(): Promise<readonly GlossaryEntry[]>;
  /** Translators and supervisors: glossary changes, sent to every post as signed envelopes. */
  saveGlossary(entries: readonly GlossaryEntry[], removed: readonly string[]): Promise<void>;
  memoryPairs(): Promise<readonly TranslationPair[]>;
  policy(): Promise<PolicyView>;
  /** Desk: sets acknowledgement deadlines and the line-check interval for the channel (policy.ts ranges). */
  setPolicy(rules: PolicyRules): Promise<void>;
  lineChecks(): Promise<LineCheckView>;
  /** Desk: sends a line check to both posts now (they are also sent every interval while the desk is online). */
  sendLineCheck(): Promise<void>;
  alarms(): Promise<readonly Alarm[]>;
  dismissAlarm(id: string): Promise<void>;
}
