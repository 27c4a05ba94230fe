/**
 * The UI thread's handle on the core worker: started once per window for the window's profile, which the worker reads
 * from its name (`core:<profile>`) so it opens that profile's vault and nothing else.
 */
import type { CoreApi, CoreEvent } from './api';
import { connectRpc, type RpcClient } from './rpc';

let core: RpcClient<CoreApi, CoreEvent> | null = null;

export const workerNameFor = (profile: string): string => `core:${profile}`;

export function startCore(profile: string): void {
  if (core) return;
  const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: workerNameFor(profile) });
  core = connectRpc<CoreApi, CoreEvent>(worker);
}

function client(): RpcClient<CoreApi, CoreEvent> {
  if (!core) throw new Error('the core worker is not started: call startCore(profile) first');
  return core;
}

export const getCore = (): CoreApi => client().api;

/** Listens for the worker's change notifications; returns the unsubscribe function. */
export const onCoreEvent = (listener: (event: CoreEvent) => void): (() => void) => client().onEvent(listener);
