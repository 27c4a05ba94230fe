/**
 * One WebSocket connection to the relay: every incoming frame validated against the protocol's schema, requests
 * matched to their answers by `rid`, deliveries and unsolicited errors handed to the owner. The socket comes from a
 * factory so the worker uses the browser's WebSocket and Node tests use `ws`, which speaks the same interface.
 */
import { canonicalJson } from '../../../electron/common/protocol/canonical-json';
import { RelayFrame, type ClientFrame, type RelayFrameOf } from '../../../electron/common/protocol/frames';
import { relayError } from '../core-error';

/** The part of the WebSocket interface this module uses (the browser's, and `ws`'s). */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  addEventListener(type: 'open' | 'close' | 'error' | 'message', listener: (event: { data?: unknown; code?: number }) => void): void;
}
export type SocketFactory = (url: string) => SocketLike;

const OPEN = 1;

export interface LinkHandlers {
  onDeliver(frame: RelayFrameOf<'deliver'>): void;
  /** A relay frame that breaks the protocol: the link closes itself after reporting it. */
  onMalformed(detail: string): void;
  /** An error the relay sent without a request (a revocation, say). */
  onUnsolicitedError(frame: RelayFrameOf<'error'>): void;
  onClose(): void;
}

type Answer = Exclude<RelayFrame, RelayFrameOf<'deliver'>>;
/** A client frame without its `rid` (the link numbers requests itself); distributed over the union. */
type Request = ClientFrame extends infer Frame ? (Frame extends ClientFrame ? Omit<Frame, 'rid'> : never) : never;

/** The answer type for each request type. */
const ANSWER_TYPES = {
  hello: 'challenge',
  bind: 'bound',
  auth: 'ready',
  submit: 'receipt',
  'get-checkpoint': 'checkpoint',
  'get-inclusion': 'inclusion',
  'get-inclusions': 'inclusions',
  'get-consistency': 'consistency',
  'get-directory': 'directory',
  enrol: 'enrol-received',
  'get-enrolments': 'enrolments',
  'refuse-enrolment': 'enrolment-refused',
  'get-certificate': 'certificate',
  'publish-certificate': 'published',
  'publish-revocations': 'revocations-published',
} as const satisfies Partial<Record<ClientFrame['type'], RelayFrame['type']>>;
type AnswerOf = typeof ANSWER_TYPES;
type Answered = keyof AnswerOf;

export class LinkClosedError extends Error {
  override name = 'LinkClosedError';
}

export class RelayLink {
  readonly #socket: SocketLike;
  readonly #handlers: LinkHandlers;
  readonly #pending = new Map<
    string,
    { expected: string; resolve: (frame: Answer) => void; reject: (error: Error) => void; timer: ReturnType<typeof setTimeout> }
  >();
  #nextRid = 1;
  #closed = false;

  private constructor(socket: SocketLike, handlers: LinkHandlers) {
    this.#socket = socket;
    this.#handlers = handlers;
    socket.addEventListener('message', (event) => this.#receive(event.data));
    socket.addEventListener('close', () => this.#onClose());
    socket.addEventListener('error', () => this.#onClose());
  }

  /** Opens a connection; rejects with LinkClosedError if the relay cannot be reached within `timeoutMs`. */
  static open(factory: SocketFactory, url: string, handlers: LinkHandlers, timeoutMs = 10_000): Promise<RelayLink> {
    return new Promise((resolve, reject) => {
      let socket: SocketLike;
      try {
        socket = factory(url);
      } catch {
        reject(new LinkClosedError('cannot open'));
        return;
      }
      const timer = setTimeout(() => {
        socket.close();
        reject(new LinkClosedError('timeout'));
      }, timeoutMs);
      socket.addEventListener('open', () => {
        clearTimeout(timer);
        resolve(new RelayLink(socket, handlers));
      });
      const fail = () => {
        clearTimeout(timer);
        reject(new LinkClosedError('unreachable'));
      };
      socket.addEventListener('error', fail);
      socket.addEventListener('close', fail);
    });
  }

  get open(): boolean {
    return !this.#closed && this.#socket.readyState === OPEN;
  }

  /** Sends a request and resolves with its answer; an error answer rejects with `relay.<code>`. */
  request<T extends Request & { type: Answered }>(frame: T, timeoutMs = 30_000): Promise<RelayFrameOf<AnswerOf[T['type']]>> {
    if (!this.open) return Promise.reject(new LinkClosedError('closed'));
    const rid = String(this.#nextRid++);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pending.delete(rid);
        reject(new LinkClosedError('no answer'));
        this.close();
      }, timeoutMs);
      this.#pending.set(rid, { expected: ANSWER_TYPES[frame.type], resolve: resolve as (frame: Answer) => void, reject, timer });
      this.#socket.send(canonicalJson({ ...frame, rid }));
    });
  }

  /** A frame that has no answer (ack). */
  send(frame: Request): void {
    if (this.open) this.#socket.send(canonicalJson(frame));
  }

  close(): void {
    if (this.#closed) return;
    this.#socket.close(1000);
    this.#onClose();
  }

  #receive(data: unknown): void {
    if (this.#closed) return;
    let frame: RelayFrame;
    try {
      if (typeof data !== 'string') throw new Error('binary frame');
      frame = RelayFrame.parse(JSON.parse(data));
    } catch (error) {
      this.#handlers.onMalformed(error instanceof Error ? error.message.slice(0, 200) : 'unreadable');
      this.close();
      return;
    }
    if (frame.type === 'deliver') {
      this.#handlers.onDeliver(frame);
      return;
    }
    const waiter = frame.rid === undefined ? undefined : this.#pending.get(frame.rid);
    if (!waiter) {
      if (frame.type === 'error') this.#handlers.onUnsolicitedError(frame);
      return;
    }
    this.#pending.delete(frame.rid!);
    clearTimeout(waiter.timer);
    if (frame.type !== 'error' && frame.type !== waiter.expected) {
      waiter.reject(new LinkClosedError('wrong answer'));
      this.#handlers.onMalformed(`answered ${waiter.expected} with ${frame.type}`);
      this.close();
    } else if (frame.type === 'error') waiter.reject(relayError(frame.code));
    else waiter.resolve(frame);
  }

  #onClose(): void {
    if (this.#closed) return;
    this.#closed = true;
    for (const waiter of this.#pending.values()) {
      clearTimeout(waiter.timer);
      waiter.reject(new LinkClosedError('closed'));
    }
    this.#pending.clear();
    this.#handlers.onClose();
  }
}
