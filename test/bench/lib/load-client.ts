/**
 * A lean protocol client for load: authenticates like the app (signAuth from the project's test client), then
 * pipelines pre-serialised submit frames with a bounded window and acknowledges deliveries cumulatively, as a real
 * client does (PROTOCOL.md §7.6: an ack covers every index up to it): once 64 are waiting, or when a burst ends. Unlike RelayClient it
 * does not validate each incoming frame with zod: on a 2-core machine the load generator shares the CPU with the
 * relay, and 36,000 validated deliveries would make it, not the relay, the thing being measured.
 */
import WebSocket from 'ws';
import type { TestDevice } from '../../support/channel';
import { signAuth } from '../../support/relay-client';
import type { RelayFrameOf } from '../../../electron/common/protocol/frames';

/** The relay writes deliveries with this exact prefix (session.ts pump), so the index can be read without a parse. */
const DELIVER = /^\{"type":"deliver","index":(\d+),/;
/** Acknowledge at least this often; the relay keeps up to 512 deliveries unacknowledged per connection. */
const ACK_EVERY = 64;

export class LoadClient {
  receipts = 0;
  deliveries = 0;
  private highestDelivered = -1;
  private unacknowledged = 0;
  private ackScheduled = false;
  private onFrame: (frame: { type: string } & Record<string, unknown>) => void = () => {};
  private failure: ((error: Error) => void) | null = null;

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data) => this.receive(data as Buffer));
    socket.on('close', () => this.failure?.(new Error('connection closed')));
  }

  static async connect(url: string, device: TestDevice): Promise<LoadClient> {
    const socket = await new Promise<WebSocket>((resolve, reject) => {
      const s = new WebSocket(url, { maxPayload: 1024 * 1024, perMessageDeflate: false });
      s.once('open', () => resolve(s));
      s.once('error', reject);
    });
    const client = new LoadClient(socket);
    const challenge = (await client.ask({ type: 'hello', v: 1 })) as RelayFrameOf<'challenge'>;
    const ready = await client.ask({ type: 'auth', ...signAuth(device, challenge) });
    if (ready.type !== 'ready') throw new Error(`authentication refused: ${JSON.stringify(ready).slice(0, 200)}`);
    return client;
  }

  private ask(frame: object): Promise<{ type: string } & Record<string, unknown>> {
    return new Promise((resolve) => {
      this.onFrame = resolve;
      this.socket.send(JSON.stringify(frame));
    });
  }

  private receive(data: Buffer): void {
    // Only a delivery's ASCII prefix is read: decoding 36,000 whole envelopes would cost the relay CPU it shares.
    const deliver = DELIVER.exec(data.toString('latin1', 0, 64));
    if (deliver) {
      this.deliveries += 1;
      this.highestDelivered = Number(deliver[1]);
      this.unacknowledged += 1;
      if (this.unacknowledged >= ACK_EVERY) this.acknowledge();
      else if (!this.ackScheduled) {
        this.ackScheduled = true;
        setImmediate(() => this.acknowledge());
      }
      return;
    }
    this.onFrame(JSON.parse(data.toString('utf8')) as { type: string } & Record<string, unknown>);
  }

  private acknowledge(): void {
    this.ackScheduled = false;
    if (this.unacknowledged === 0 || this.socket.readyState !== WebSocket.OPEN) return;
    this.unacknowledged = 0;
    this.socket.send(`{"type":"ack","index":${this.highestDelivered}}`);
  }

  /**
   * Sends every frame, keeping at most `window` without a receipt; resolves with the time (performance.now) of the
   * last receipt. Any error frame fails the run: a refusal means the benchmark is misconfigured.
   */
  pipeline(frames: readonly string[], window: number): Promise<number> {
    return new Promise((resolve, reject) => {
      let sent = 0;
      this.failure = reject;
      const fill = () => {
        while (sent < frames.length && sent - this.receipts < window) this.socket.send(frames[sent++]!);
      };
      this.onFrame = (frame) => {
        if (frame.type !== 'receipt') return reject(new Error(`relay answered ${JSON.stringify(frame).slice(0, 300)}`));
        this.receipts += 1;
        if (this.receipts === frames.length) {
          this.failure = null;
          resolve(performance.now());
        } else fill();
      };
      fill();
    });
  }

  terminate(): void {
    this.failure = null;
    this.socket.terminate();
  }
}
