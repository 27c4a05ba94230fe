/**
 * A small typed request/response channel over postMessage between the UI thread and the core worker, plus one-way
 * events from the worker. The API is an interface of async methods; the UI gets a proxy of it and the worker serves an
 * object implementing it, so both sides are checked against the same type. Errors cross as a code and parameters
 * (structured-clone safe), never as Error objects or stacks.
 */
import { CoreError, toCoreError, type CoreErrorCode, type CoreErrorParams } from './core-error';

export type RpcApi = { [method: string]: (...args: never[]) => Promise<unknown> };

interface RpcRequest {
  readonly id: number;
  readonly method: string;
  readonly args: readonly unknown[];
}

type RpcMessage =
  | { readonly kind: 'response'; readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly kind: 'response'; readonly id: number; readonly ok: false; readonly code: CoreErrorCode; readonly params: CoreErrorParams }
  | { readonly kind: 'event'; readonly event: unknown };

interface MessagePort {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}

/** A failure of a call into the core, as the UI sees it: the code to translate and its parameters. */
export class RpcError extends Error {
  override name = 'RpcError';
  readonly code: CoreErrorCode;
  readonly params: CoreErrorParams;

  constructor(code: CoreErrorCode, params: CoreErrorParams) {
    super(code);
    this.code = code;
    this.params = params;
  }
}

export interface RpcClient<Api extends RpcApi, Event> {
  readonly api: Api;
  /** Listens for the worker's events; returns the unsubscribe function. */
  onEvent(listener: (event: Event) => void): () => void;
}

/** The UI side: each method call posts a request and resolves with the worker's answer. */
export function connectRpc<Api extends RpcApi, Event = never>(port: MessagePort): RpcClient<Api, Event> {
  let nextId = 1;
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  const listeners = new Set<(event: Event) => void>();
  port.addEventListener('message', (message) => {
    const data = message.data as RpcMessage;
    if (data.kind === 'event') {
      for (const listener of listeners) listener(data.event as Event);
      return;
    }
    const waiter = pending.get(data.id);
    if (!waiter) return;
    pending.delete(data.id);
    if (data.ok) waiter.resolve(data.value);
    else waiter.reject(new RpcError(data.code, data.params));
  });
  const api = new Proxy({} as Api, {
    get: (_target, method) => {
      if (typeof method !== 'string' || method === 'then') return undefined;
      return (...args: unknown[]) =>
        new Promise((resolve, reject) => {
          const id = nextId++;
          pending.set(id, { resolve, reject });
          port.postMessage({ id, method, args } satisfies RpcRequest);
        });
    },
  });
  return {
    api,
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * The worker side: answers each request by calling the method of `api` it names, and only those. Returns the
 * function that sends an event to the UI.
 */
export function serveRpc<Api extends RpcApi, Event = never>(port: MessagePort, api: Api, onUnexpected: (error: unknown) => void = () => {}): (event: Event) => void {
  port.addEventListener('message', async (message) => {
    const { id, method, args } = message.data as RpcRequest;
    const respond = (response: RpcMessage) => port.postMessage(response);
    if (typeof method !== 'string' || !Object.hasOwn(api, method) || !Array.isArray(args)) {
      respond({ kind: 'response', id, ok: false, code: 'core.internal', params: {} });
      return;
    }
    try {
      const value = await (api[method] as (...a: unknown[]) => Promise<unknown>)(...args);
      respond({ kind: 'response', id, ok: true, value });
    } catch (error) {
      const coded = toCoreError(error);
      if (coded.code === 'core.internal' && !(error instanceof CoreError)) onUnexpected(error);
      respond({ kind: 'response', id, ok: false, code: coded.code, params: coded.params });
    }
  });
  return (event) => port.postMessage({ kind: 'event', event } satisfies RpcMessage);
}
