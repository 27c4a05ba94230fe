/**
 * A hostile network between a client and the relay: a WebSocket proxy that forwards every text frame both ways, except
 * the relay-to-client frames a test chooses to drop or alter, and whose upstream can be switched to another relay (a relay
 * operator showing different logs to different posts). Switching or `disconnectAll` closes the open connections, so
 * clients reconnect through the new path.
 */
import { WebSocket, WebSocketServer } from 'ws';

/**
 * Judges each relay-to-client frame; `device` is the id the client authenticated as on this connection, if any. A
 * frame returned instead is forwarded in its place (a network that alters what it carries).
 */
export type DownstreamFilter = (frame: Record<string, unknown>, device: string | null) => 'forward' | 'drop' | Record<string, unknown>;

export class FrameProxy {
  #upstream: string;
  #filter: DownstreamFilter = () => 'forward';
  readonly #server: WebSocketServer;
  readonly #pairs = new Set<{ client: WebSocket; relay: WebSocket }>();
  readonly dropped: Record<string, unknown>[] = [];

  private constructor(server: WebSocketServer, upstream: string) {
    this.#server = server;
    this.#upstream = upstream;
    server.on('connection', (client) => this.#pair(client));
  }

  static async start(upstream: string, port = 0): Promise<FrameProxy> {
    const server = new WebSocketServer({ host: '127.0.0.1', port });
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    return new FrameProxy(server, upstream);
  }

  get url(): string {
    const address = this.#server.address();
    if (typeof address === 'string' || address === null) throw new Error('proxy not listening');
    return `ws://127.0.0.1:${address.port}/`;
  }

  /** Which relay-to-client frames to drop from now on. */
  filter(filter: DownstreamFilter): void {
    this.#filter = filter;
  }

  switchUpstream(upstream: string): void {
    this.#upstream = upstream;
    this.disconnectAll();
  }

  disconnectAll(): void {
    for (const { client, relay } of this.#pairs) {
      client.terminate();
      relay.terminate();
    }
    this.#pairs.clear();
  }

  async close(): Promise<void> {
    this.disconnectAll();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  #pair(client: WebSocket): void {
    const relay = new WebSocket(this.#upstream, { perMessageDeflate: false });
    const pair = { client, relay };
    this.#pairs.add(pair);
    const early: string[] = [];
    let device: string | null = null;
    client.on('message', (data) => {
      const text = String(data);
      try {
        const frame = JSON.parse(text) as Record<string, unknown>;
        if (frame.type === 'auth' && typeof frame.device === 'string') device = frame.device;
      } catch {
        // Not ours to judge: the relay answers malformed frames itself.
      }
      if (relay.readyState === WebSocket.OPEN) relay.send(text);
      else early.push(text);
    });
    relay.on('open', () => early.splice(0).forEach((text) => relay.send(text)));
    relay.on('message', (data) => {
      const text = String(data);
      const frame = JSON.parse(text) as Record<string, unknown>;
      const verdict = this.#filter(frame, device);
      if (verdict === 'drop') this.dropped.push(frame);
      else if (client.readyState === WebSocket.OPEN) client.send(verdict === 'forward' ? text : JSON.stringify(verdict));
    });
    const end = () => {
      this.#pairs.delete(pair);
      client.terminate();
      relay.terminate();
    };
    client.on('close', end);
    relay.on('close', end);
    client.on('error', end);
    relay.on('error', end);
  }
}
