/**
 * A listening tap between the page's core worker and the relay: a loopback WebSocket proxy that forwards every frame
 * unchanged and notes when each kind went by, so a catch-up can be split into phases without touching the client
 * (connect, deliveries, storage — the client acknowledges a batch only once it is committed —, inclusion and
 * consistency proofs). It forwards the bytes it received without decoding them, and parses only the small frames; a
 * delivery is known by its prefix (the relay writes `{"type":"deliver","index":N,` first, see lib/load-client.ts). The
 * tap runs on the machine it measures, and that machine is saturated during a catch-up (both cores busy), so every
 * copy it saves is CPU the client gets back.
 */
import { WebSocket, WebSocketServer } from 'ws';

const DELIVER = /^\{"type":"deliver","index":(\d+),/;

export interface FrameStats {
  /** Epoch ms of the first and last frame of each kind, by direction ('>' client to relay, '<' relay to client). */
  readonly first: Record<string, number>;
  readonly last: Record<string, number>;
  readonly count: Record<string, number>;
  readonly bytes: { up: number; down: number };
  /** Highest index acknowledged, and when. */
  ackIndex: number;
  ackAt: number;
  /** Distinct log indexes whose inclusion proof the relay answered, and when the last one came. */
  readonly proved: Set<number>;
  provedAt: number;
  /** Request→answer time of every consistency proof, in order: they are asked one at a time while judging a batch. */
  readonly consistencyMs: number[];
  readonly inclusionMs: number[];
}

const now = (): number => performance.timeOrigin + performance.now();

function emptyStats(): FrameStats {
  return { first: {}, last: {}, count: {}, bytes: { up: 0, down: 0 }, ackIndex: -1, ackAt: 0, proved: new Set(), provedAt: 0, consistencyMs: [], inclusionMs: [] };
}

export class FrameTap {
  stats: FrameStats = emptyStats();
  readonly #server: WebSocketServer;
  readonly #upstream: string;
  readonly #sockets = new Set<WebSocket>();
  /** rid → [kind, sent at], for the requests whose round trips are kept. */
  readonly #asked = new Map<string, [string, number]>();

  private constructor(server: WebSocketServer, upstream: string) {
    this.#server = server;
    this.#upstream = upstream;
    server.on('connection', (client) => this.#pair(client));
  }

  static async start(upstream: string): Promise<FrameTap> {
    const server = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false, maxPayload: 4 * 1024 * 1024 });
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    return new FrameTap(server, upstream);
  }

  get url(): string {
    const address = this.#server.address();
    if (typeof address === 'string' || address === null) throw new Error('tap not listening');
    return `ws://127.0.0.1:${address.port}/`;
  }

  reset(): void {
    this.stats = emptyStats();
    this.#asked.clear();
  }

  async close(): Promise<void> {
    for (const socket of this.#sockets) socket.terminate();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  #note(kind: string, at: number): void {
    const { first, last, count } = this.stats;
    first[kind] ??= at;
    last[kind] = at;
    count[kind] = (count[kind] ?? 0) + 1;
  }

  #up(text: string): void {
    const at = now();
    this.stats.bytes.up += text.length;
    let frame: { type?: string; rid?: string; index?: number };
    try {
      frame = JSON.parse(text) as typeof frame;
    } catch {
      return;
    }
    const kind = `>${frame.type ?? '?'}`;
    this.#note(kind, at);
    if (frame.type === 'ack' && typeof frame.index === 'number' && frame.index > this.stats.ackIndex) {
      this.stats.ackIndex = frame.index;
      this.stats.ackAt = at;
    }
    if ((frame.type === 'get-consistency' || frame.type === 'get-inclusion' || frame.type === 'get-inclusions') && frame.rid) this.#asked.set(frame.rid, [frame.type, at]);
  }

  #down(data: Buffer): void {
    const at = now();
    this.stats.bytes.down += data.length;
    if (DELIVER.test(data.subarray(0, 48).toString('latin1'))) {
      this.#note('<deliver', at);
      return;
    }
    const text = data.toString('utf8');
    let frame: { type?: string; rid?: string; index?: number; indexes?: unknown };
    try {
      frame = JSON.parse(text) as typeof frame;
    } catch {
      return;
    }
    this.#note(`<${frame.type ?? '?'}`, at);
    const asked = frame.rid === undefined ? undefined : this.#asked.get(frame.rid);
    if (!asked) return;
    this.#asked.delete(frame.rid!);
    if (asked[0] === 'get-consistency') this.stats.consistencyMs.push(at - asked[1]);
    else {
      this.stats.inclusionMs.push(at - asked[1]);
      // A proof for one leaf, or (`inclusions`) for each of several.
      const indexes = frame.type === 'inclusion' ? [frame.index] : frame.type === 'inclusions' && Array.isArray(frame.indexes) ? frame.indexes : [];
      for (const index of indexes) if (typeof index === 'number') this.stats.proved.add(index);
      if (indexes.length > 0) this.stats.provedAt = at;
    }
  }

  #pair(client: WebSocket): void {
    const relay = new WebSocket(this.#upstream, { perMessageDeflate: false, maxPayload: 4 * 1024 * 1024 });
    this.#sockets.add(client).add(relay);
    const early: string[] = [];
    client.on('message', (data) => {
      const text = String(data);
      this.#up(text);
      if (relay.readyState === WebSocket.OPEN) relay.send(text);
      else early.push(text);
    });
    relay.on('open', () => early.splice(0).forEach((text) => relay.send(text)));
    relay.on('message', (data, isBinary) => {
      const bytes = Buffer.isBuffer(data) ? data : Buffer.concat(Array.isArray(data) ? data : [Buffer.from(data)]);
      this.#down(bytes);
      if (client.readyState === WebSocket.OPEN) client.send(bytes, { binary: isBinary });
    });
    const end = () => {
      this.#sockets.delete(client);
      this.#sockets.delete(relay);
      client.terminate();
      relay.terminate();
    };
    for (const socket of [client, relay]) {
      socket.on('close', end);
      socket.on('error', end);
    }
  }
}
