/**
 * A small typed request/response channel over postMessage between the UI thread and the core worker. The API is an
 * interface of async methods; the UI gets a proxy of it and the worker serves an object implementing it, so both
 * sides are checked against the same type.
 */
export type RpcApi = { [method: string]: (...args: never[]) => Promise<unknown> };

interface RpcRequest {
  readonly id: number;
  readonly method: string;
  readonly args: readonly unknown[];
}

type RpcResponse =
  | { readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly id: number; readonly ok: false; readonly error: string };

interface MessagePort {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}

export class RpcError extends Error {
  override name = 'RpcError';
}

/** The UI side: each method call posts a request and resolves with the worker's answer. */
export function connectRpc<Api extends RpcApi>(port: MessagePort): Api {
  let nextId = 1;
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  port.addEventListener('message', (event) => {
    const response = event.data as RpcResponse;
    const waiter = pending.get(response.id);
    if (!waiter) return;
    pending.delete(response.id);
    if (response.ok) waiter.resolve(response.value);
    else waiter.reject(new RpcError(response.error));
  });
  return new Proxy({} as Api, {
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
}

/** The worker side: answers each request by calling the method of `api` it names, and only those. */
export function serveRpc<Api extends RpcApi>(port: MessagePort, api: Api): void {
  port.addEventListener('message', async (event) => {
    const { id, method, args } = event.data as RpcRequest;
    const respond = (response: RpcResponse) => port.postMessage(response);
    if (!Object.hasOwn(api, method)) {
      respond({ id, ok: false, error: `unknown method ${method}` });
      return;
    }
    try {
      const value = await (api[method] as (...a: unknown[]) => Promise<unknown>)(...args);
      respond({ id, ok: true, value });
    } catch (error) {
      respond({ id, ok: false, error: error instanceof Error ? error.message : String(error) });
    }
  });
}
