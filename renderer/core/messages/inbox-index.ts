/**
 * The inbox as the core holds it while unlocked: for every message, the few facts the inbox sorts, filters and counts
 * by (precedence, category, posts, thread, unread, waiting for an acknowledgement here, deadline base). Built once
 * per unlock from the vault's decrypted views, kept up to date by every commit, and never written anywhere: what is
 * on disk stays sealed, and a 100,000-message inbox filters in memory instead of decrypting its records per query.
 *
 * Order (DESIGN §3, issue 5): threads — a message and the replies that hang off it — with those still waiting for an
 * acknowledgement here first, most urgent precedence first, then the rest; within each group the thread with the
 * newest message first, and within a thread the newest message first.
 */
import { isOpen, stageRank } from '../../../electron/common/message/lifecycle';
import { policyAt, type PolicyEntry } from '../../../electron/common/message/policy';
import { InboxFilter } from '../../../electron/common/message/inbox-filter';
import { precedenceRank, PRECEDENCES, type Category, type Precedence } from '../../../electron/common/message/precedence';
import type { Post } from '../../../electron/common/protocol/schemas';
import { languagesNeeded } from '../../../electron/common/message/post-language';
import type { Language } from '../../../electron/common/settings';
import { trackingOfMessage, type StoredMessage } from './message-view';
import { translationsOf } from './translation-view';


/** A filter, and the screen's clock that judges what is overdue. */
export interface InboxQuery {
  readonly filter: InboxFilter;
  readonly now: number;
}

/** The query the UI asked for; anything malformed matches everything rather than failing the list. */
export function parseInboxQuery(filter: unknown, now: unknown): InboxQuery {
  const parsed = InboxFilter.safeParse(filter);
  return { filter: parsed.success ? parsed.data : {}, now: typeof now === 'number' && Number.isFinite(now) ? now : Date.now() };
}

/** Whether the filter narrows nothing (the whole inbox). */
export const isEverything = (filter: InboxFilter): boolean =>
  Object.entries(filter).every(([key, value]) => value === undefined || value === false || (key === 'search' && typeof value === 'string' && value.trim() === ''));

interface Facet {
  readonly id: string;
  readonly order: number;
  readonly precedence: Precedence;
  readonly category: Category;
  readonly senderPost: Post;
  readonly recipients: readonly Post[];
  readonly replyTo: string | null;
  readonly unread: boolean;
  /** Some recipient post has not acknowledged it. */
  readonly open: boolean;
  /** Open, and it concerns this post: sent from here, addressed here and not acknowledged here, or any at the desk. */
  readonly waitingHere: boolean;
  /** Deadlines count from here (policy.ts). */
  readonly deadlineBase: number;
  /** Languages it still needs a certified translation into (post-language.ts). */
  readonly untranslated: readonly Language[];
}

/** How far up a chain of replies a thread's root is looked for; a longer chain is cut into threads of this depth. */
const MAX_THREAD_DEPTH = 64;
/** Threads with nothing waiting here sort after every precedence. */
const NOTHING_WAITING = PRECEDENCES.length;

/** The languages the message still needs a certified translation into. */
function untranslatedLanguages(message: StoredMessage): Language[] {
  const requested = message.translationRequests.flatMap((request) => request.languages);
  const certified = new Set(translationsOf(message).filter((translation) => translation.stage === 'certified').map((translation) => translation.lang));
  return languagesNeeded(message, requested).filter((language) => !certified.has(language));
}

export class InboxIndex {
  readonly #here: Post;
  readonly #facets = new Map<string, Facet>();
  #policies: readonly PolicyEntry[];
  /** Bumped by every change, so a cached order is known stale. */
  #version = 0;
  #cache: { readonly key: string; readonly version: number; readonly ids: readonly string[] } | null = null;

  constructor(here: Post, policies: readonly PolicyEntry[]) {
    this.#here = here;
    this.#policies = policies;
  }

  get size(): number {
    return this.#facets.size;
  }

  upsert(message: StoredMessage): void {
    const tracking = trackingOfMessage(message);
    const acknowledged = stageRank('acknowledged');
    const open = isOpen(tracking);
    const mine = tracking[this.#here];
    const waitingHere = open && (this.#here === 'US' || message.senderPost === this.#here || (mine !== undefined && stageRank(mine.stage) < acknowledged));
    this.#facets.set(message.id, {
      id: message.id,
      order: message.order ?? 0,
      precedence: message.precedence,
      category: message.category,
      senderPost: message.senderPost,
      recipients: message.recipients,
      replyTo: message.replyTo ?? null,
      unread: !message.outgoing && !message.readHere,
      open,
      waitingHere,
      deadlineBase: message.relayedAt ?? message.createdAt,
      untranslated: untranslatedLanguages(message),
    });
    this.#version++;
  }

  remove(id: string): void {
    if (this.#facets.delete(id)) this.#version++;
  }

  /** Deadlines follow the channel policy: a new one changes which messages are overdue. */
  setPolicies(policies: readonly PolicyEntry[]): void {
    this.#policies = policies;
    this.#version++;
  }

  /** The ids matching `filter` (and, if given, among `among`: a search's matches), in inbox order. */
  ordered(filter: InboxFilter, now: number, among?: ReadonlySet<string>): readonly string[] {
    const { overdue, ...rest } = filter;
    const key = JSON.stringify(rest);
    if (this.#cache?.key !== key || this.#cache.version !== this.#version) {
      this.#cache = { key, version: this.#version, ids: this.#order((facet) => this.#matches(facet, rest) && (among === undefined || among.has(facet.id))) };
    }
    const ids = this.#cache.ids;
    // Overdue changes with the clock, not with the messages: applied to the cached order on every read.
    return overdue === true ? ids.filter((id) => this.#isOverdue(this.#facets.get(id)!, now)) : ids;
  }

  /**
   * A translator's queue: messages still needing a certified translation into one of `languages`, the highest
   * precedence first, then the oldest (it has waited longest).
   */
  translationQueue(languages: readonly Language[], limit: number): { id: string; languages: Language[] }[] {
    const wanted = new Set(languages);
    const queue: { facet: Facet; languages: Language[] }[] = [];
    for (const facet of this.#facets.values()) {
      const needed = facet.untranslated.filter((language) => wanted.has(language));
      if (needed.length > 0) queue.push({ facet, languages: needed });
    }
    queue.sort((a, b) => precedenceRank(a.facet.precedence) - precedenceRank(b.facet.precedence) || a.facet.order - b.facet.order);
    return queue.slice(0, limit).map(({ facet, languages: needed }) => ({ id: facet.id, languages: needed }));
  }

  /** Unread messages, those waiting here, and those of them overdue at `now`. */
  counts(now: number): { unread: number; waiting: number; overdue: number } {
    let unread = 0;
    let waiting = 0;
    let overdue = 0;
    for (const facet of this.#facets.values()) {
      if (facet.unread) unread++;
      if (facet.waitingHere) waiting++;
      if (this.#isOverdue(facet, now)) overdue++;
    }
    return { unread, waiting, overdue };
  }

  #isOverdue(facet: Facet, now: number): boolean {
    return facet.waitingHere && now > facet.deadlineBase + policyAt(this.#policies, facet.deadlineBase).ackDeadlines[facet.precedence];
  }

  #matches(facet: Facet, filter: Omit<InboxFilter, 'overdue' | 'search'>): boolean {
    if (filter.precedence !== undefined && facet.precedence !== filter.precedence) return false;
    if (filter.category !== undefined && facet.category !== filter.category) return false;
    if (filter.post !== undefined && facet.senderPost !== filter.post && !facet.recipients.includes(filter.post)) return false;
    switch (filter.state) {
      case 'unread':
        return facet.unread;
      case 'open':
        return facet.waitingHere;
      case 'done':
        return !facet.open;
      default:
        return true;
    }
  }

  #order(matches: (facet: Facet) => boolean): string[] {
    const threads = new Map<string, { rank: number; newest: number; members: Facet[] }>();
    for (const facet of this.#facets.values()) {
      if (!matches(facet)) continue;
      const root = this.#rootOf(facet);
      let thread = threads.get(root);
      if (!thread) {
        thread = { rank: NOTHING_WAITING, newest: -1, members: [] };
        threads.set(root, thread);
      }
      thread.members.push(facet);
      if (facet.order > thread.newest) thread.newest = facet.order;
      if (facet.waitingHere) thread.rank = Math.min(thread.rank, precedenceRank(facet.precedence));
    }
    const sorted = [...threads.values()].sort((a, b) => a.rank - b.rank || b.newest - a.newest);
    const ids: string[] = [];
    for (const thread of sorted) {
      if (thread.members.length > 1) thread.members.sort((a, b) => b.order - a.order);
      for (const member of thread.members) ids.push(member.id);
    }
    return ids;
  }

  /** The first message of the chain of replies this one belongs to (as far as this device holds it). */
  #rootOf(facet: Facet): string {
    let current = facet;
    for (let depth = 0; depth < MAX_THREAD_DEPTH && current.replyTo !== null; depth++) {
      const parent = this.#facets.get(current.replyTo);
      if (!parent) break;
      current = parent;
    }
    return current.id;
  }
}
