/**
 * Where a thread's time goes: a CPU profile (Chrome DevTools Protocol) of the page's core worker, attached through the
 * page's target, or of the page's own thread, summed by what the app was doing. Each sample goes to the first
 * activity in the list whose function is on its stack (so a Dexie write made by `reindex` counts as search indexing);
 * '(idle)' is the thread waiting — for IndexedDB's backend in the browser process, the relay, the other thread, or a
 * CPU taken by another process. The raw profile is kept under test/artifacts/bench/ for DevTools. Needs the page built unminified (browser/vite.config.ts), so functions keep their names.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession } from 'playwright-core';
import type { BenchBrowser } from './browser-page';

/** [activity, function names] in priority order, and the name for the JavaScript that matches none. */
interface Activities {
  readonly list: readonly (readonly [string, readonly string[]])[];
  readonly rest: string;
}

export const WORKER_ACTIVITIES: Activities = {
  rest: 'other JS (Dexie promise and transaction plumbing, RPC, timers)',
  list: [
    ['reads for the page (messages(), search(), status())', ['messages', 'search', 'status']],
    ['search index (tokens, blind hashes, segments, merges)', ['docOf', '#merge', '#sync', 'remember']],
    ['message rows (sealing, write)', ['prepareMessages', 'storeMessages']],
    ['envelope checks (signature, sealed key, payload)', ['checkEnvelope']],
    ['canonical envelope bytes and hashes', ['envelopeBytes', 'hashOfEnvelopeBytes']],
    ['chain checks (vault lookups)', ['#judgeChain', 'checkChain']],
    ['existing-view lookup', ['#view']],
    ['inclusion proofs', ['verifyInclusion', '#run']],
    ['checkpoint signatures and consistency', ['#judge', 'observe', 'openCheckpoint', 'verifyConsistency']],
    ['frame parsing and validation', ['#receive']],
    ['other vault writes (envelopes, state)', ['commit']],
    ['receiver, other', ['#prepare', '#commit', '#drain']],
  ],
};

export const UI_ACTIVITIES: Activities = {
  rest: 'other JS (RPC answers, scheduling)',
  list: [
    ['message timestamps (Timestamp: formatLocalTime, Intl)', ['Timestamp']],
    ['message items, other (translations, list format)', ['MessageItem']],
    ['status bar', ['StatusBar']],
    ['React rendering and commit, other', ['performWorkOnRoot', 'performWorkUntilDeadline', 'commitRoot']],
  ],
};

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string };
  readonly children?: readonly number[];
}
interface Profile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** Milliseconds per activity, largest first, plus idle, garbage collection, native work and the rest. */
export function activities(profile: Profile, known: Activities): [string, number][] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const activityOf = new Map<number, string>();
  const classify = (leaf: number): string => {
    const cached = activityOf.get(leaf);
    if (cached) return cached;
    const names = new Set<string>();
    for (let id: number | undefined = leaf; id !== undefined; id = parent.get(id)) names.add(byId.get(id)!.callFrame.functionName);
    const leafName = byId.get(leaf)!.callFrame.functionName;
    const found =
      leafName === '(idle)'
        ? 'idle (waiting: IndexedDB backend, relay, other thread, CPU)'
        : leafName === '(garbage collector)'
          ? 'garbage collection'
          : leafName === '(program)'
            ? 'outside JS (layout, style, cloning: "(program)")'
            : (known.list.find(([, functions]) => functions.some((name) => names.has(name)))?.[0] ?? known.rest);
    activityOf.set(leaf, found);
    return found;
  };
  const totals = new Map<string, number>();
  profile.samples.forEach((sample, i) => {
    const activity = classify(sample);
    totals.set(activity, (totals.get(activity) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return [...totals].sort((a, b) => b[1] - a[1]);
}

/** Writes a raw profile where DevTools can open it (test/artifacts is git-ignored). */
function keep(thread: string, profile: unknown): void {
  const folder = join('test', 'artifacts', 'bench');
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, `${thread}.cpuprofile`), JSON.stringify(profile));
}

/**
 * A profiler for the page's core worker. Attach before the worker starts (it starts on the page's first core call):
 * auto-attach reports it, and its protocol messages go through the page's session (Target.sendMessageToTarget).
 */
export class WorkerProfiler {
  #nextId = 1;
  readonly #pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  #sessionId: Promise<string>;

  private constructor(private readonly cdp: CDPSession) {
    this.#sessionId = new Promise((resolve) => {
      cdp.on('Target.attachedToTarget', (event: { sessionId: string; targetInfo: { type: string } }) => {
        if (event.targetInfo.type === 'worker') resolve(event.sessionId);
      });
    });
    cdp.on('Target.receivedMessageFromTarget', (event: { message: string }) => {
      const answer = JSON.parse(event.message) as { id?: number; result?: unknown; error?: { message: string } };
      const waiter = answer.id === undefined ? undefined : this.#pending.get(answer.id);
      if (!waiter) return;
      this.#pending.delete(answer.id!);
      if (answer.error) waiter.reject(new Error(answer.error.message));
      else waiter.resolve(answer.result);
    });
  }

  static async attach(browser: BenchBrowser): Promise<WorkerProfiler> {
    const cdp = await browser.context.newCDPSession(browser.page);
    const profiler = new WorkerProfiler(cdp);
    await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
    return profiler;
  }

  async #send(method: string, params: object = {}): Promise<unknown> {
    const sessionId = await this.#sessionId;
    const id = this.#nextId++;
    const answer = new Promise((resolve, reject) => this.#pending.set(id, { resolve, reject }));
    await this.cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
    return answer;
  }

  async start(): Promise<void> {
    await this.#send('Profiler.enable');
    await this.#send('Profiler.setSamplingInterval', { interval: 1000 });
    await this.#send('Profiler.start');
  }

  async stop(): Promise<[string, number][]> {
    const { profile } = (await this.#send('Profiler.stop')) as { profile: Profile };
    await this.cdp.detach();
    keep('worker', profile);
    return activities(profile, WORKER_ACTIVITIES);
  }
}

/** A profiler for the page's own thread (the UI thread). */
export class PageProfiler {
  private constructor(private readonly cdp: CDPSession) {}

  static async start(browser: BenchBrowser): Promise<PageProfiler> {
    const cdp = await browser.context.newCDPSession(browser.page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
    await cdp.send('Profiler.start');
    return new PageProfiler(cdp);
  }

  async stop(): Promise<[string, number][]> {
    const { profile } = await this.cdp.send('Profiler.stop');
    await this.cdp.detach();
    keep('page', profile);
    return activities(profile as unknown as Profile, UI_ACTIVITIES);
  }
}
