/**
 * The core: everything the UI may ask of this device, implemented over the vault, the channel state and the sync
 * client. It runs in the core worker (worker.ts) in the app, and directly in Node tests, where IndexedDB, WebSocket
 * and time are injected. While locked it holds no key and runs no sync; unlocking loads the keys, starts the sync
 * client (or, for a device still waiting for the desk, the enrolment watch) and locking stops both and wipes the keys.
 */
import { bytesEqual, fromBase64Url, initCrypto, libraryVersion, toBase64Url, type BoxKeyPair, type SigningKeyPair } from '../../electron/common/crypto/sodium';
import { stageRank } from '../../electron/common/message/lifecycle';
import { LINE_CHECK_ANSWER_WINDOW } from '../../electron/common/message/line-check';
import { AnnotationContent, GlossaryContent, MAX_GLOSSARY_ENTRIES, MAX_NOTE_LENGTH, PolicyContent, TranslationContent, TranslationRequestContent, TranslationReviewContent } from '../../electron/common/message/payload';
import { POST_LANGUAGE } from '../../electron/common/message/post-language';
import { judgeReview } from '../../electron/common/translation/certification';
import type { FuzzyMatch } from '../../electron/common/translation/translation-memory';
import type { GlossaryEntry } from '../../electron/common/translation/glossary-entry';
import { channelTerminology } from '../../electron/common/translation/terminology';
import { MAX_SEGMENT_LENGTH, type TranslationPair } from '../../electron/common/translation/translation-pair';
import { POSTS } from '../../electron/common/protocol/schemas';
import { currentPolicy, DEFAULT_POLICY_RULES, policyAt, type PolicyEntry, type PolicyRules } from '../../electron/common/message/policy';
import { isUrgent } from '../../electron/common/message/precedence';
import { passphraseStrength } from '../../electron/common/passphrase/strength';
import { verifyCertificate, type SignedCertificate } from '../../electron/common/protocol/certificates';
import { fingerprint } from '../../electron/common/protocol/identity';
import type { Language } from '../../electron/common/settings';
import { dismissAlarm, raiseAlarm, readAlarms, toAlarm } from './alarms';
import {
  MESSAGE_LIST_LIMIT,
  MESSAGE_PAGE_LIMIT,
  OPEN_MESSAGES_LIMIT,
  type Alarm,
  type AlarmKind,
  type CoreApi,
  type CoreEvent,
  type CoreStatus,
  type CoreTopic,
  type CreateChannelInput,
  type DeviceSummary,
  type Identity,
  type JoinChannelInput,
  type LineCheckView,
  type InboxPage,
  type MessagePage,
  type MessageSummary,
  type PendingEnrolment,
  type PolicyView,
  type TranslationQueueItem,
  type TranslationReviewInput,
  type TranslationWorkView,
  type ComposeInput,
} from './api';
import { INITIAL_CHAIN, INITIAL_INCLUSION, INITIAL_SYNC, INITIAL_TRUST, readState, stateWrite, type IdentityState } from './channel/channel-state';
import * as desk from './channel/desk';
import { PRIVATE_KEY_IDS, createChannel, fetchOwnCertificate, joinChannel, sendEnrolment } from './channel/onboarding';
import { CoreError } from './core-error';
import { NoticeGatherer } from './notice-gatherer';
import { newestFirst, parseStoredMessage, toSummary, trackingOfMessage, withAct, withEvent, type StoredMessage } from './messages/message-view';
import { InboxHolder } from './messages/inbox-holder';
import type { InboxFilter } from '../../electron/common/message/inbox-filter';
import { isEverything, parseInboxQuery, type InboxQuery } from './messages/inbox-index';
import { CheckpointTrust } from './sync/checkpoint-trust';
import { InlineChecker, type EnvelopeChecker } from './sync/envelope-checker';
import type { Opener } from './sync/envelope-facts';
import { EMPTY_GLOSSARY_LOG, glossaryEntries } from './translation/glossary-log';
import { readWork, TranslationWork, TranslatorLanguages, workId, workWrite } from './translation/workspace-store';
import { statusOf } from './sync/directory';
import { discardDraft, readDraft, saveDraft, type ComposeDraft } from './messages/compose-draft';
import { EMPTY_LINE_CHECK_LOG } from './messages/line-checks';
import { eventItem, lineCheckItem, outboxWrite, ownEvent, postsOfMessage, queuedItem, queueMessage, readOutbox, type QueuedItem } from './sync/outbox';
import { LinkClosedError, type SocketFactory } from './sync/relay-link';
import { SyncClient } from './sync/sync-client';
import type { Clock, DeviceKeys, SyncContext } from './sync/sync-context';
import { Vault, isVaultError, type KdfParams, type VaultStorage } from './vault';

/** How many of the newest messages are searched for open and urgent ones (see #recentSummaries). */
export const RECENT_WINDOW = 300;
/** A translator's queue shows this many: far more than a shift can work through. */
const TRANSLATION_QUEUE_LIMIT = 200;
/** How often a device waiting for the desk asks the relay for its certificate. */
export const ENROLMENT_POLL_MS = 3_000;
/** How often the desk looks for new enrolment requests while online. */
export const DESK_POLL_MS = 3_000;
/** How long change notices that follow one another are gathered before the UI hears of them (see #emit). */
export const EVENT_GATHER_MS = 250;
/** The longest they are gathered, while changes keep coming (a catch-up): see notice-gatherer.ts. */
export const EVENT_GATHER_MAX_MS = 1_000;

export interface CoreOptions {
  readonly profile: string;
  readonly socketFactory: SocketFactory;
  readonly storage?: VaultStorage;
  readonly clock?: Clock;
  readonly kdf?: KdfParams;
  readonly emit: (event: CoreEvent) => void;
  /** Where failures nobody asked about go (a lost background task); the worker logs them. */
  readonly log?: (message: string, error: unknown) => void;
  /**
   * Starts the checker for a sync session (the core worker starts a check worker); by default the checks run on
   * this thread. It is given this device's id and box key pair, and closed when the session ends.
   */
  readonly checker?: (opener: Opener) => EnvelopeChecker;
}

interface Session {
  identity: IdentityState;
  readonly keys: DeviceKeys;
  readonly root: Uint8Array | null;
  context: SyncContext | null;
  sync: SyncClient | null;
  enrolmentTimer: ReturnType<typeof setTimeout> | null;
  /** Desk: polls for new enrolment requests (the relay does not push them); the ids last seen. */
  deskTimer: ReturnType<typeof setInterval> | null;
  pendingSeen: string;
  /** Desk: when this device last sent a line check (null: not this session; the log is read on the first tick). */
  lastLineCheckAt: number | null;
  /** The inbox's facets, built on first use (inbox-holder.ts). */
  inbox: InboxHolder | null;
}

const systemClock: Clock = { now: () => Date.now() };

export class Core implements CoreApi {
  [method: string]: (...args: never[]) => Promise<unknown>;
  readonly #options: CoreOptions;
  readonly #clock: Clock;
  #vault: Promise<Vault> | null = null;
  #session: Session | null = null;
  readonly #notices: NoticeGatherer<CoreTopic>;
  /** Counts changes to the messages, so reads that depend only on them are shared until the next one. */
  #messagesGeneration = 0;
  #recent: { readonly generation: number; readonly read: Promise<MessageSummary[]> } | null = null;
  /** The channel policies verified so far (policy-log.ts), read once per change. */
  #policies: Promise<readonly PolicyEntry[]> | null = null;

  constructor(options: CoreOptions) {
    this.#options = options;
    this.#clock = options.clock ?? systemClock;
    this.#notices = new NoticeGatherer((topics) => options.emit({ type: 'changed', topics }), EVENT_GATHER_MS, EVENT_GATHER_MAX_MS);
  }

  async cryptoInfo() {
    await initCrypto();
    return { library: 'libsodium' as const, version: libraryVersion() };
  }

  async status(): Promise<CoreStatus> {
    const vault = await this.#openVault();
    const session = this.#session;
    const alarms = session ? (await readAlarms(vault)).filter((alarm) => !alarm.dismissed).length : 0;
    const outbox = session ? (await readOutbox(vault)).filter((item) => item.failed === undefined).length : 0;
    return {
      vault: vault.state,
      identity: session ? this.#identityView(session) : null,
      sync: {
        connection: session?.sync?.connection ?? 'offline',
        lastSyncAt: session?.context?.sync.lastSyncAt ?? null,
        verifiedLogSize: session?.context?.checkpoints.trusted?.size ?? null,
        outbox,
      },
      alarms,
    };
  }

  async createChannel(input: CreateChannelInput): Promise<Identity> {
    const vault = await this.#openVault();
    await createChannel(vault, this.#options.socketFactory, input, this.#clock.now());
    await this.#begin(vault);
    return this.#identityView(this.#session!);
  }

  async joinChannel(input: JoinChannelInput): Promise<Identity> {
    const vault = await this.#openVault();
    await joinChannel(vault, this.#options.socketFactory, input);
    await this.#begin(vault);
    await this.resendEnrolment().catch((error: unknown) => this.#options.log?.('enrolment not sent yet', error));
    return this.#identityView(this.#session!);
  }

  async resendEnrolment(): Promise<void> {
    const session = this.#requireSession();
    if (session.identity.enrolment === 'ready') return;
    await sendEnrolment(this.#options.socketFactory, session.identity, session.keys.sign, session.keys.box, this.#clock.now());
    await this.#saveIdentity(session, { ...session.identity, enrolment: 'pending' });
    this.#watchEnrolment(session);
  }

  async unlock(passphrase: string): Promise<void> {
    const vault = await this.#openVault();
    if (this.#session) return;
    await vault.unlock(passphrase);
    await this.#begin(vault);
  }

  async lock(): Promise<void> {
    this.#end();
    (await this.#openVault()).lock();
    // Not gathered with a catch-up's notices: the unlock screen must replace the messages shown at once.
    this.#notices.now(['status', 'messages', 'alarms', 'enrolments', 'devices']);
  }

  async changePassphrase(current: string, next: string): Promise<void> {
    if (!passphraseStrength(next).acceptable) throw new CoreError('onboarding.weakPassphrase');
    await (await this.#openVault()).changePassphrase(current, next);
  }

  async pendingEnrolments(): Promise<readonly PendingEnrolment[]> {
    const session = this.#requireSupervisor();
    return desk.pendingEnrolments(this.#link(session), session.identity);
  }

  async approveEnrolment(deviceId: string): Promise<void> {
    const session = this.#requireSupervisor();
    if (!session.root) throw new CoreError('core.notSupervisor');
    await desk.approveEnrolment(this.#link(session), session.identity, session.root, deviceId, this.#clock.now());
    await session.context!.refreshDirectory();
    this.#emit('enrolments', 'devices');
  }

  async refuseEnrolment(deviceId: string): Promise<void> {
    const session = this.#requireSupervisor();
    await desk.refuseEnrolment(this.#link(session), deviceId);
    this.#emit('enrolments');
  }

  async devices(): Promise<readonly DeviceSummary[]> {
    const session = this.#requireSession();
    const directory = session.context?.directory ?? { certificates: session.identity.certificate ? [session.identity.certificate] : [], revocations: null };
    const now = this.#clock.now();
    return directory.certificates.map(({ body }, i) => ({
      deviceId: body.deviceId,
      post: body.post,
      roles: body.roles,
      name: body.name,
      fingerprint: fingerprint(body.signKey, body.boxKey),
      status: statusOf(directory.certificates[i]!, directory, now),
    }));
  }

  async send(input: ComposeInput): Promise<string> {
    const session = this.#requireReady();
    const { identity } = session;
    const { recipients, lang, precedence, category, subject, body, template, replyTo, translations = [] } = input;
    if (translations.length > 0 && !identity.roles.includes('translator')) throw new CoreError('translation.notTranslator');
    const id = await queueMessage(
      await this.#openVault(),
      { deviceId: identity.deviceId, post: identity.post, name: identity.name },
      {
        recipients,
        content: {
          type: 'message',
          lang,
          precedence,
          category,
          subject,
          body,
          ...(template === undefined ? {} : { template }),
          ...(replyTo === undefined ? {} : { replyTo }),
        },
        translations,
      },
      this.#clock.now(),
    );
    this.#emit('messages', 'status');
    session.sync?.kick();
    return id;
  }

  async messages(limit: number = MESSAGE_LIST_LIMIT): Promise<readonly MessageSummary[]> {
    this.#requireSession();
    const { records } = await (await this.#openVault()).newest('messages', listLimit(limit));
    return this.#summaries(parseMessages(records));
  }

  async messagePage(offset: number, limit: number): Promise<MessagePage> {
    this.#requireSession();
    const vault = await this.#openVault();
    const start = Number.isSafeInteger(offset) && offset > 0 ? offset : 0;
    const size = Number.isSafeInteger(limit) && limit > 0 ? Math.min(limit, MESSAGE_PAGE_LIMIT) : MESSAGE_LIST_LIMIT;
    const [total, { records }] = await Promise.all([vault.count('messages'), vault.page('messages', start, size)]);
    return { total, offset: start, messages: await this.#summaries(parseMessages(records)) };
  }

  async inboxPage(filter: InboxFilter, now: number, offset: number, limit: number): Promise<InboxPage> {
    const session = this.#requireSession();
    const query = parseInboxQuery(filter, now);
    const start = Number.isSafeInteger(offset) && offset > 0 ? offset : 0;
    const size = Number.isSafeInteger(limit) && limit > 0 ? Math.min(limit, MESSAGE_PAGE_LIMIT) : MESSAGE_LIST_LIMIT;
    const holder = this.#inboxOf(session, await this.#openVault());
    const index = holder.ready;
    if (!index && isEverything(query.filter)) {
      // A large inbox takes a while to index after unlocking: meanwhile the unfiltered list is shown in log order.
      holder.get().catch((error: unknown) => this.#options.log?.('inbox not indexed', error));
      return { ...(await this.messagePage(start, size)), counts: null };
    }
    const ids = await this.#inboxOrder(holder, query);
    const found = await (await this.#openVault()).getMany('messages', ids.slice(start, start + size));
    const messages = ids.slice(start, start + size).flatMap((id) => parseStoredMessage(found.get(id)) ?? []);
    return { total: ids.length, offset: start, messages: await this.#summaries(messages), counts: (await holder.get()).counts(query.now) };
  }

  async inboxNeighbours(filter: InboxFilter, now: number, id: string): Promise<{ newer: string | null; older: string | null } | null> {
    const session = this.#requireSession();
    const query = parseInboxQuery(filter, now);
    const ids = await this.#inboxOrder(this.#inboxOf(session, await this.#openVault()), query);
    const at = typeof id === 'string' ? ids.indexOf(id) : -1;
    return at < 0 ? null : { newer: ids[at - 1] ?? null, older: ids[at + 1] ?? null };
  }

  async #inboxOrder(holder: InboxHolder, query: InboxQuery): Promise<readonly string[]> {
    const index = await holder.get();
    const search = query.filter.search?.trim() ?? '';
    const among = search === '' ? undefined : new Set(await (await this.#openVault()).search(search));
    return index.ordered({ ...query.filter, search }, query.now, among);
  }

  #inboxOf(session: Session, vault: Vault): InboxHolder {
    session.inbox ??= new InboxHolder(vault, session.identity.post, () => this.#policyHistory(), () => this.#emit('messages'));
    return session.inbox;
  }

  async search(query: string, limit: number = MESSAGE_LIST_LIMIT): Promise<readonly MessageSummary[]> {
    this.#requireSession();
    const vault = await this.#openVault();
    const found = await vault.findMessages(query, listLimit(limit));
    return this.#summaries(parseMessages(found).sort(byOrderNewestFirst));
  }

  async draft(): Promise<ComposeDraft | null> {
    this.#requireSession();
    return readDraft(await this.#openVault());
  }

  async saveDraft(draft: ComposeDraft): Promise<void> {
    this.#requireSession();
    if (!(await saveDraft(await this.#openVault(), draft))) throw new CoreError('message.invalidDraft');
  }

  async discardDraft(): Promise<void> {
    this.#requireSession();
    await discardDraft(await this.#openVault());
  }

  async message(id: string): Promise<MessageSummary | null> {
    this.#requireSession();
    if (typeof id !== 'string') return null;
    const found = await (await this.#openVault()).get('messages', id);
    const message = found.status === 'found' ? parseStoredMessage(found.record) : null;
    return message ? (await this.#summaries([message]))[0]! : null;
  }

  async urgent(): Promise<readonly MessageSummary[]> {
    const session = this.#requireSession();
    const post = session.identity.post;
    return (await this.#recentSummaries()).filter(
      (message) => isUrgent(message.precedence) && !message.outgoing && message.senderPost !== post && (message.tracking[post] ? stageRank(message.tracking[post].stage) < stageRank('acknowledged') : false),
    );
  }

  async openMessages(): Promise<readonly MessageSummary[]> {
    const session = this.#requireSession();
    const { post } = session.identity;
    const acknowledged = stageRank('acknowledged');
    // The soonest deadlines first, and no more than the UI can show without slowing down during a catch-up.
    return (await this.#recentSummaries())
      .filter(
        (message) =>
          message.open &&
          (post === 'US' || message.senderPost === post || (message.tracking[post] !== undefined && stageRank(message.tracking[post].stage) < acknowledged)),
      )
      .sort((a, b) => a.deadline - b.deadline)
      .slice(0, OPEN_MESSAGES_LIMIT);
  }

  /**
   * The newest stretch of the list: where every message still waiting for an acknowledgement is. Deadlines are hours
   * at most, and a hotline carries far fewer than this many messages in that time.
   */
  #recentSummaries(): Promise<MessageSummary[]> {
    // The banners ask for these after every change: read once per change, however many ask.
    if (this.#recent?.generation !== this.#messagesGeneration) {
      const read = this.#openVault().then(async (vault) => this.#summaries(parseMessages((await vault.newest('messages', RECENT_WINDOW)).records)));
      this.#recent = { generation: this.#messagesGeneration, read };
      read.catch(() => (this.#recent = null));
    }
    return this.#recent!.read;
  }

  async markRead(id: string): Promise<void> {
    const session = this.#requireReady();
    const message = await this.#storedMessage(id);
    if (message.readHere) return;
    const { identity } = session;
    const receipt = this.#addressedHere(session, message) && (trackingOfMessage(message)[identity.post]?.marks.read === undefined) ? this.#eventItem(session, 'read', message) : null;
    await this.#update(session, id, (stored) => ({ ...stored, readHere: true }), receipt);
  }

  async acknowledge(id: string): Promise<void> {
    const session = this.#requireReady();
    const message = await this.#storedMessage(id);
    const { identity } = session;
    if (!identity.roles.includes('officer') || !this.#addressedHere(session, message)) throw new CoreError('message.cannotAcknowledge');
    if (trackingOfMessage(message)[identity.post]?.marks.acknowledged !== undefined) return;
    const item = this.#eventItem(session, 'acknowledged', message);
    // Shown at once, before the relay has it: the signed event delivered back is the same event (same source and time).
    const event = ownEvent({ deviceId: identity.deviceId, post: identity.post, name: identity.name }, item)!;
    await this.#update(session, id, (stored) => withEvent({ ...stored, readHere: true }, event), item);
  }

  /** Desk: a supervisor's note on a message, to every post it concerns; shown here at once, the same note when signed back. */
  async annotate(id: string, text: string): Promise<void> {
    const session = this.#requireSupervisor();
    const message = await this.#storedMessage(id);
    const now = this.#clock.now();
    const parsed = AnnotationContent.safeParse({ type: 'annotation', message: id, text, at: now });
    if (!parsed.success) throw new CoreError('message.invalidNote', { max: MAX_NOTE_LENGTH });
    const { identity } = session;
    const item = queuedItem(parsed.data, postsOfMessage(message, identity.post), now);
    const note = { at: now, post: identity.post, device: identity.deviceId, deviceName: identity.name, source: item.id, text: parsed.data.text };
    await this.#update(session, id, (stored) => ({ ...stored, notes: withAct(stored.notes, note) }), item);
  }

  /** Asks for a message in other languages: it joins the queues of the translators who cover them, at every post. */
  async requestTranslation(id: string, languages: readonly Language[]): Promise<void> {
    const session = this.#requireReady();
    const message = await this.#storedMessage(id);
    const now = this.#clock.now();
    const wanted = Array.isArray(languages) ? [...new Set(languages)].filter((language) => language !== message.lang) : [];
    const parsed = TranslationRequestContent.safeParse({ type: 'translation-request', message: id, languages: wanted, at: now });
    if (!parsed.success) throw new CoreError('message.invalidLanguages');
    const { identity } = session;
    const item = queuedItem(parsed.data, postsOfMessage(message, identity.post), now);
    const request = { at: now, post: identity.post, device: identity.deviceId, deviceName: identity.name, source: item.id, languages: parsed.data.languages };
    await this.#update(session, id, (stored) => ({ ...stored, translationRequests: withAct(stored.translationRequests, request) }), item);
  }

  async translatorLanguages(): Promise<readonly Language[]> {
    const session = this.#requireSession();
    return (await readState(await this.#openVault(), 'translator'))?.languages ?? [POST_LANGUAGE[session.identity.post]];
  }

  async setTranslatorLanguages(languages: readonly Language[]): Promise<void> {
    this.#requireSession();
    const parsed = TranslatorLanguages.safeParse({ id: 'translator', languages: Array.isArray(languages) ? [...new Set(languages)] : null });
    if (!parsed.success) throw new CoreError('translation.invalid');
    await (await this.#openVault()).commit({ put: [stateWrite(parsed.data)] });
    this.#emit('messages');
  }

  /** Messages still needing a certified translation into a language this translator covers: the most urgent, oldest first. */
  async translationQueue(): Promise<readonly TranslationQueueItem[]> {
    const session = this.#requireSession();
    const languages = await this.translatorLanguages();
    const queue = (await this.#inboxOf(session, await this.#openVault()).get()).translationQueue(languages, TRANSLATION_QUEUE_LIMIT);
    const found = await (await this.#openVault()).getMany('messages', queue.map((item) => item.id));
    const messages = await this.#summaries(queue.flatMap((item) => parseStoredMessage(found.get(item.id)) ?? []));
    const wanted = new Map(queue.map((item) => [item.id, item.languages]));
    return messages.map((message) => ({ message, languages: wanted.get(message.id) ?? [] }));
  }

  async translationWork(messageId: string, lang: Language): Promise<TranslationWorkView | null> {
    this.#requireSession();
    const work = await readWork(await this.#openVault(), messageId, lang);
    return work && { subject: work.subject, body: work.text, savedAt: work.savedAt };
  }

  /** Keeps the translation being written (sealed); the first save tells the channel a translator is drafting it. */
  async saveTranslationWork(messageId: string, lang: Language, subject: string, body: string): Promise<void> {
    const session = this.#requireTranslator();
    const message = await this.#storedMessage(messageId);
    const vault = await this.#openVault();
    const now = this.#clock.now();
    const held = await readWork(vault, messageId, lang);
    const parsed = TranslationWork.safeParse({ id: workId(messageId, lang), messageId, language: lang, text: body, subject, claimed: true, savedAt: now });
    if (!parsed.success || lang === message.lang) throw new CoreError('translation.invalid');
    const claim = held?.claimed ? null : queuedItem({ type: 'translation-draft', message: messageId, lang, at: now }, postsOfMessage(message, session.identity.post), now);
    await vault.commit({ put: [workWrite(parsed.data), ...(claim ? [outboxWrite(claim)] : [])] });
    if (claim) session.sync?.kick();
  }

  /** Sends the translation for certification by a second translator; the draft kept here is done with. */
  async submitTranslation(messageId: string, lang: Language, subject: string, body: string): Promise<void> {
    const session = this.#requireTranslator();
    const message = await this.#storedMessage(messageId);
    const now = this.#clock.now();
    const parsed = TranslationContent.safeParse({ type: 'translation', message: messageId, lang, subject, body, at: now });
    if (!parsed.success || lang === message.lang || body.trim() === '') throw new CoreError('translation.invalid');
    const item = queuedItem(parsed.data, postsOfMessage(message, session.identity.post), now);
    await (await this.#openVault()).commit({ put: [outboxWrite(item)], delete: [{ table: 'translations', id: workId(messageId, lang) }] });
    this.#emit('messages', 'status');
    session.sync?.kick();
  }

  /**
   * Certifies or returns a submitted translation. Judged here first by the rules every client applies (certification.ts),
   * so a refusal is explained now rather than discovered when the others disregard it.
   */
  async reviewTranslation(input: TranslationReviewInput): Promise<void> {
    const session = this.#requireTranslator();
    const message = await this.#storedMessage(input.messageId);
    const submitted = message.translations.find((translation) => translation.id === input.submissionId);
    if (!submitted) throw new CoreError('translation.gone');
    const now = this.#clock.now();
    const parsed = TranslationReviewContent.safeParse({ type: 'translation-review', message: message.id, submission: submitted.id, verdict: input.verdict, comment: input.comment, overrides: input.overrides, at: now });
    if (!parsed.success) throw new CoreError(input.verdict === 'returned' ? 'translation.commentNeeded' : 'translation.invalid');
    const { identity } = session;
    // Judged with the channel's glossary as this device holds it, as every receiver judges it at the review's place in
    // the log (receiver.ts): a glossary change relayed in between is the only way the two can differ.
    const terminology = channelTerminology(await this.glossary());
    const judgement = judgeReview(parsed.data, { device: identity.deviceId, name: identity.name, roles: identity.roles }, { ...submitted, translator: { device: submitted.device, name: submitted.deviceName, roles: ['translator'] } }, message, terminology);
    if (!judgement.ok) throw new CoreError(`translation.${judgement.reason}`, { count: judgement.checks.length });
    await (await this.#openVault()).commit({ put: [outboxWrite(queuedItem(parsed.data, postsOfMessage(message, identity.post), now))] });
    this.#emit('status');
    session.sync?.kick();
  }

  /** Certified sentences like this one, with their translations: the memory's fuzzy matches. */
  async memoryMatches(sourceLang: Language, targetLang: Language, sentence: string): Promise<readonly FuzzyMatch[]> {
    const session = this.#requireSession();
    if (typeof sentence !== 'string' || sentence.trim() === '' || sentence.length > MAX_SEGMENT_LENGTH) return [];
    return (await this.#inboxOf(session, await this.#openVault()).memory()).lookup(sourceLang, targetLang, sentence);
  }

  #requireTranslator(): Session {
    const session = this.#requireReady();
    if (!session.identity.roles.includes('translator')) throw new CoreError('translation.notTranslator');
    return session;
  }

  /** The channel's own glossary entries (the shipped glossary is under them: terminology.ts channelTerminology). */
  async glossary(): Promise<readonly GlossaryEntry[]> {
    this.#requireSession();
    return glossaryEntries((await readState(await this.#openVault(), 'glossary')) ?? EMPTY_GLOSSARY_LOG);
  }

  /** Translators and supervisors: entries added or replaced, and ids removed, sent to every post as signed envelopes. */
  async saveGlossary(entries: readonly GlossaryEntry[], removed: readonly string[]): Promise<void> {
    const session = this.#requireReady();
    const { identity } = session;
    if (!identity.roles.includes('translator') && !identity.roles.includes('supervisor')) throw new CoreError('translation.notTranslator');
    const now = this.#clock.now();
    const everyPost = POSTS.filter((post) => post !== identity.post);
    const items: QueuedItem[] = [];
    const list = Array.isArray(entries) ? entries : [];
    const gone = Array.isArray(removed) ? removed : [];
    for (let i = 0; i < Math.max(list.length, gone.length); i += MAX_GLOSSARY_ENTRIES) {
      const parsed = GlossaryContent.safeParse({ type: 'glossary', entries: list.slice(i, i + MAX_GLOSSARY_ENTRIES), removed: gone.slice(i, i + MAX_GLOSSARY_ENTRIES), at: now });
      if (!parsed.success) throw new CoreError('translation.invalidGlossary');
      items.push(queuedItem(parsed.data, everyPost, now));
    }
    if (items.length === 0) return;
    await (await this.#openVault()).commit({ put: items.map(outboxWrite) });
    this.#emit('status');
    session.sync?.kick();
  }

  /** The certified sentence pairs of the translation memory (for a TMX export). */
  async memoryPairs(): Promise<readonly TranslationPair[]> {
    const session = this.#requireSession();
    return (await this.#inboxOf(session, await this.#openVault()).memory()).pairs();
  }

  async policy(): Promise<PolicyView> {
    this.#requireSession();
    const current = currentPolicy(await this.#policyHistory());
    return { rules: current?.rules ?? DEFAULT_POLICY_RULES, setAt: current?.at ?? null, setBy: current?.deviceName ?? null };
  }

  /** Desk: new deadlines and line-check interval for the channel; in force from now, once the relay has logged them. */
  async setPolicy(rules: PolicyRules): Promise<void> {
    const session = this.#requireSupervisor();
    const now = this.#clock.now();
    const parsed = PolicyContent.safeParse({ type: 'policy', at: now, rules });
    if (!parsed.success) throw new CoreError('policy.invalid');
    await (await this.#openVault()).commit({ put: [outboxWrite(queuedItem(parsed.data, ['IL', 'SY'], now))] });
    this.#emit('status');
    session.sync?.kick();
  }

  async lineChecks(): Promise<LineCheckView> {
    const session = this.#requireSession();
    const log = (await readState(await this.#openVault(), 'line-checks')) ?? EMPTY_LINE_CHECK_LOG;
    return {
      checks: [...log.checks].reverse(),
      answerWindow: LINE_CHECK_ANSWER_WINDOW,
      interval: policyAt(await this.#policyHistory(), this.#clock.now()).lineCheckInterval,
      verifiedLogSize: session.context?.checkpoints.trusted?.size ?? null,
    };
  }

  async sendLineCheck(): Promise<void> {
    const session = this.#requireSupervisor();
    const now = this.#clock.now();
    const item = lineCheckItem(['IL', 'SY'], session.context?.checkpoints.trusted?.note ?? null, now);
    await (await this.#openVault()).commit({ put: [outboxWrite(item)] });
    session.lastLineCheckAt = now;
    this.#emit('status', 'line-checks');
    session.sync?.kick();
  }

  async alarms(): Promise<readonly Alarm[]> {
    this.#requireSession();
    return (await readAlarms(await this.#openVault())).filter((alarm) => !alarm.dismissed).flatMap((alarm) => toAlarm(alarm) ?? []);
  }

  async dismissAlarm(id: string): Promise<void> {
    this.#requireSession();
    await dismissAlarm(await this.#openVault(), id);
    this.#emit('alarms', 'status');
  }

  /** For tests and benchmarks: resolves once every delivery received so far is stored and proved. */
  async settled(): Promise<void> {
    await this.#session?.sync?.settled();
  }

  /** Closes the vault and stops everything (a profile being closed). */
  async close(): Promise<void> {
    this.#end();
    if (this.#vault) (await this.#vault).close();
  }

  async #storedMessage(id: string): Promise<StoredMessage> {
    const found = typeof id === 'string' ? await (await this.#openVault()).get('messages', id) : null;
    const message = found?.status === 'found' ? parseStoredMessage(found.record) : null;
    if (!message) throw new CoreError('message.notFound');
    return message;
  }

  /** A message from another post, addressed to this device's post: the messages whose stages this post reports. */
  #addressedHere(session: Session, message: StoredMessage): boolean {
    return message.senderPost !== session.identity.post && message.recipients.includes(session.identity.post);
  }

  #eventItem(session: Session, stage: 'read' | 'acknowledged', message: StoredMessage): QueuedItem {
    const { identity } = session;
    const item = eventItem({ deviceId: identity.deviceId, post: identity.post, name: identity.name }, stage, [message], this.#clock.now());
    if (!item) throw new CoreError('core.internal');
    return item;
  }

  /** A change to a stored message, with the event it reports queued in the same transaction. */
  async #update(session: Session, id: string, mutate: (message: StoredMessage) => StoredMessage, item: QueuedItem | null): Promise<void> {
    if (!session.context) throw new CoreError('core.notEnrolled');
    const found = await session.context.updateMessage(id, mutate, item ? [outboxWrite(item)] : []);
    if (!found) throw new CoreError('message.notFound');
    this.#emit('messages', 'status');
    if (item) session.sync?.kick();
  }

  async #summaries(messages: readonly StoredMessage[]): Promise<MessageSummary[]> {
    const policies = await this.#policyHistory();
    return messages.map((message) => toSummary(message, policies));
  }

  #policyHistory(): Promise<readonly PolicyEntry[]> {
    if (!this.#policies) {
      const read = this.#openVault().then(async (vault) => (await readState(vault, 'policy'))?.history ?? []);
      read.catch(() => (this.#policies = null));
      this.#policies = read;
    }
    return this.#policies;
  }

  #openVault(): Promise<Vault> {
    this.#vault ??= Vault.open({
      profile: this.#options.profile,
      ...(this.#options.storage ? { storage: this.#options.storage } : {}),
      ...(this.#options.kdf ? { kdf: this.#options.kdf } : {}),
    }).then((vault) => {
      // A damaged record is set aside by the vault; the person at the screen must hear of it.
      vault.onCorruption((report) => {
        if (report.table === 'messages') this.#session?.inbox?.reset();
        void this.#raise(vault, 'record-corrupt', { table: report.table }).catch((error: unknown) => this.#options.log?.('alarm not recorded', error));
      });
      vault.onMessagesCommitted((written, removed) => this.#session?.inbox?.committed(written, removed));
      return vault;
    });
    return this.#vault;
  }

  /** After unlocking (or onboarding): load identity and keys, then start what this device's state calls for. */
  async #begin(vault: Vault): Promise<void> {
    const identity = await readState(vault, 'identity');
    if (!identity) throw new CoreError('core.internal');
    const key = async (id: string) => {
      const found = await vault.get('privateKeys', id);
      return found.status === 'found' ? found.record : null;
    };
    const sign = await key(PRIVATE_KEY_IDS.sign);
    const box = await key(PRIVATE_KEY_IDS.box);
    const root = identity.holdsChannelRoot ? await key(PRIVATE_KEY_IDS.root) : null;
    if (!sign || !box) throw new CoreError('core.internal');
    const keys: DeviceKeys = {
      sign: { publicKey: sign.publicKey, secretKey: sign.secretKey } satisfies SigningKeyPair,
      box: { publicKey: box.publicKey, secretKey: box.secretKey } satisfies BoxKeyPair,
    };
    const session: Session = { identity, keys, root: root?.secretKey ?? null, context: null, sync: null, enrolmentTimer: null, deskTimer: null, pendingSeen: '', lastLineCheckAt: null, inbox: null };
    this.#session = session;
    if (identity.enrolment === 'ready') await this.#startSync(vault, session);
    else if (identity.enrolment === 'pending') this.#watchEnrolment(session);
    this.#emit('status', 'messages', 'alarms', 'devices');
  }

  async #startSync(vault: Vault, session: Session): Promise<void> {
    const { identity } = session;
    const trust = (await readState(vault, 'trust')) ?? INITIAL_TRUST;
    const context: SyncContext = {
      vault,
      identity,
      keys: session.keys,
      clock: this.#clock,
      checkpoints: new CheckpointTrust(identity.channelId, fromBase64Url(identity.relayKey), trust.checkpoint),
      checker: (this.#options.checker ?? ((opener) => new InlineChecker(opener)))({ deviceId: identity.deviceId, box: session.keys.box }),
      directory: { certificates: trust.directory, revocations: trust.revocations },
      chain: (await readState(vault, 'chain')) ?? INITIAL_CHAIN,
      sync: (await readState(vault, 'sync')) ?? INITIAL_SYNC,
      inclusion: (await readState(vault, 'inclusion')) ?? INITIAL_INCLUSION,
      link: null,
      raise: (kind, detail = {}) => this.#raise(vault, kind, detail),
      changed: (...topics) => this.#emit(...topics),
      background: (error) => {
        if (error instanceof LinkClosedError || (error instanceof CoreError && error.code === 'vault.locked') || isVaultError(error, 'vault.locked')) return;
        this.#options.log?.('sync task failed', error);
      },
      refreshDirectory: async () => {},
      updateMessage: async () => false,
      observeCheckpoint: async () => false,
    };
    session.context = context;
    session.sync = new SyncClient(context, { socketFactory: this.#options.socketFactory });
    session.sync.start();
    if (identity.post === 'US' && identity.roles.includes('supervisor')) this.#watchDesk(session);
  }

  /** Tells the UI when the desk's list of pending enrolment requests changes, so a new request appears by itself. */
  #watchDesk(session: Session): void {
    session.deskTimer = setInterval(() => {
      if (this.#session !== session || session.sync?.connection !== 'online') return;
      this.#lineCheckWhenDue(session).catch((error: unknown) => session.context?.background(error));
      desk
        .pendingEnrolments(session.sync.link(), session.identity)
        .then((pending) => {
          const seen = pending.map((request) => request.deviceId).join(',');
          if (seen === session.pendingSeen) return;
          session.pendingSeen = seen;
          this.#emit('enrolments');
        })
        .catch((error: unknown) => session.context?.background(error));
    }, DESK_POLL_MS);
  }

  /** Desk: sends the scheduled line check once the interval since the last one has passed. */
  async #lineCheckWhenDue(session: Session): Promise<void> {
    const now = this.#clock.now();
    if (session.lastLineCheckAt === null) {
      const log = await readState(await this.#openVault(), 'line-checks');
      // A new channel waits one interval before its first check.
      session.lastLineCheckAt = log?.checks.at(-1)?.sentAt ?? now;
    }
    if (now - session.lastLineCheckAt >= policyAt(await this.#policyHistory(), now).lineCheckInterval) await this.sendLineCheck();
  }

  /** Asks the relay for this device's certificate until the desk has published it, then starts syncing. */
  #watchEnrolment(session: Session): void {
    if (session.enrolmentTimer) return;
    const poll = async () => {
      session.enrolmentTimer = null;
      if (this.#session !== session) return;
      try {
        const certificate = await fetchOwnCertificate(this.#options.socketFactory, session.identity);
        if (this.#session !== session) return;
        if (certificate && this.#isOurs(session, certificate)) {
          await this.#saveIdentity(session, { ...session.identity, enrolment: 'ready', certificate });
          await this.#startSync(await this.#openVault(), session);
          this.#emit('status', 'devices');
          return;
        }
      } catch (error) {
        if (!(error instanceof CoreError)) this.#options.log?.('enrolment watch failed', error);
      }
      if (this.#session === session) session.enrolmentTimer = setTimeout(() => void poll(), ENROLMENT_POLL_MS);
    };
    session.enrolmentTimer = setTimeout(() => void poll(), 0);
  }

  /** A certificate for this device: signed by the channel root, for our keys, our post. */
  #isOurs(session: Session, certificate: SignedCertificate): boolean {
    const { identity, keys } = session;
    const { body } = certificate;
    return (
      verifyCertificate(certificate, fromBase64Url(identity.channelKey), identity.channelId) &&
      body.deviceId === identity.deviceId &&
      body.post === identity.post &&
      bytesEqual(fromBase64Url(body.boxKey), keys.box.publicKey)
    );
  }

  async #saveIdentity(session: Session, identity: IdentityState): Promise<void> {
    await (await this.#openVault()).commit({ put: [stateWrite(identity)] });
    session.identity = identity;
    this.#emit('status');
  }

  #end(): void {
    const session = this.#session;
    this.#recent = null;
    this.#policies = null;
    if (!session) return;
    this.#session = null;
    session.sync?.stop();
    if (session.enrolmentTimer) clearTimeout(session.enrolmentTimer);
    if (session.deskTimer) clearInterval(session.deskTimer);
    // The key arrays are the vault's leased copies: vault.lock() wipes them.
  }

  async #raise(vault: Vault, kind: AlarmKind, detail: Readonly<Record<string, string | number>>): Promise<void> {
    if (await raiseAlarm(vault, kind, detail, this.#clock.now())) this.#emit('alarms', 'status');
  }

  #identityView(session: Session): Identity {
    const { identity, keys } = session;
    return {
      deviceId: identity.deviceId,
      channelId: identity.channelId,
      channelKey: identity.channelKey,
      relayUrl: identity.relayUrl,
      post: identity.post,
      roles: identity.roles,
      name: identity.name,
      fingerprint: fingerprint(toBase64Url(keys.sign.publicKey), toBase64Url(keys.box.publicKey)),
      enrolment: identity.enrolment,
      holdsChannelRoot: identity.holdsChannelRoot,
    };
  }

  #requireSession(): Session {
    if (!this.#session) throw new CoreError('vault.locked');
    return this.#session;
  }

  #requireReady(): Session {
    const session = this.#requireSession();
    if (session.identity.enrolment !== 'ready') throw new CoreError('core.notEnrolled');
    return session;
  }

  #requireSupervisor(): Session {
    const session = this.#requireReady();
    if (session.identity.post !== 'US' || !session.identity.roles.includes('supervisor')) throw new CoreError('core.notSupervisor');
    return session;
  }

  #link(session: Session) {
    if (!session.sync) throw new CoreError('core.offline');
    return session.sync.link();
  }

  /** Tells the UI what changed, gathered (notice-gatherer.ts). */
  #emit(...topics: CoreTopic[]): void {
    if (topics.includes('policy')) {
      this.#policies = null;
      void this.#session?.inbox?.policyChanged().catch((error: unknown) => this.#options.log?.('inbox deadlines not updated', error));
    }
    // Deadlines follow the policy, so a new one changes what the message reads return.
    if (topics.includes('messages') || topics.includes('policy')) this.#messagesGeneration++;
    this.#notices.add(topics);
  }
}

const listLimit = (limit: number): number => (Number.isSafeInteger(limit) && limit > 0 ? Math.min(limit, 100_000) : MESSAGE_LIST_LIMIT);

/** The same order as the vault's index: queued first, then the highest log position. */
const byOrderNewestFirst = (a: StoredMessage, b: StoredMessage): number => (b.order ?? 0) - (a.order ?? 0) || newestFirst(a, b);

const parseMessages = (records: readonly unknown[]): StoredMessage[] => records.flatMap((record) => parseStoredMessage(record) ?? []);
