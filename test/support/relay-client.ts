/**
 * A protocol client for tests, built on the same electron/common code as the app: connects over a real WebSocket,
 * validates every frame the relay sends, authenticates, submits, and collects deliveries (acknowledging them unless
 * told not to). It is a driver for the relay under test, not a stand-in for it.
 */
import WebSocket from 'ws';
import { signDetached, toBase64Url } from '../../electron/common/crypto/sodium';
import { signingInput } from '../../electron/common/protocol/canonical-json';
import { Envelope } from '../../electron/common/protocol/envelope';
import { authStatement, RelayFrame, type RelayFrameOf } from '../../electron/common/protocol/frames';
import type { TestDevice } from './channel';

type Waiter = { predicate: (frame: RelayFrame) => boolean; resolve: (frame: RelayFrame) => void };

export class RelayClient {
  readonly frames: RelayFrame[] = [];
  /** Log index → envelope, for every envelope delivered; duplicates are counted, not stored twice. */
  readonly delivered = new Map<number, Envelope>();
  duplicateDeliveries = 0;
  autoAck = true;
  readonly closed: Promise<{ code: number; reason: string }>;
  private waiters: Waiter[] = [];
  private nextRid = 1;

  private constructor(private readonly socket: WebSocket) {
    this.closed = new Promise((resolve) => socket.once('close', (code, reason) => resolve({ code, reason: String(reason) })));
    socket.on('message', (data) => this.receive(String(data)));
  }

  static connect(url: string): Promise<RelayClient> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url, { maxPayload: 1024 * 1024 });
      socket.once('open', () => resolve(new RelayClient(socket)));
      socket.once('error', reject);
    });
  }

  private receive(text: string): void {
    const frame = RelayFrame.parse(JSON.parse(text)); // a relay frame that breaks the protocol fails the test here
    this.frames.push(frame);
    if (frame.type === 'deliver') {
      if (this.delivered.has(frame.index)) this.duplicateDeliveries += 1;
      else this.delivered.set(frame.index, Envelope.parse(frame.envelope));
      if (this.autoAck) this.send({ type: 'ack', index: frame.index });
    }
    const waiting = this.waiters.filter((w) => w.predicate(frame));
    this.waiters = this.waiters.filter((w) => !waiting.includes(w));
    waiting.forEach((w) => w.resolve(frame));
  }

  get isOpen(): boolean {
    return this.socket.readyState === WebSocket.OPEN;
  }

  sendRaw(data: string | Buffer): void {
    this.socket.send(data);
  }

  send(frame: object): void {
    this.socket.send(JSON.stringify(frame));
  }

  /** Resolves with the first frame (already received or still to come) that matches. */
  waitFor(predicate: (frame: RelayFrame) => boolean, timeoutMs = 10_000, fromIndex = 0): Promise<RelayFrame> {
    const seen = this.frames.slice(fromIndex).find(predicate);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching frame within ${timeoutMs} ms; last: ${JSON.stringify(this.frames.at(-1))?.slice(0, 300)}`)), timeoutMs);
      this.waiters.push({ predicate, resolve: (frame) => (clearTimeout(timer), resolve(frame)) });
    });
  }

  /** Sends a request with a fresh rid and resolves with the relay's answer to it (which may be an error frame). */
  request(frame: { type: string } & Record<string, unknown>, timeoutMs?: number): Promise<RelayFrame> {
    const rid = `r${this.nextRid++}`;
    const answer = this.waitFor((f) => f.rid === rid, timeoutMs, this.frames.length);
    this.send({ ...frame, rid });
    return answer;
  }

  async expectAnswer<T extends RelayFrame['type']>(type: T, frame: { type: string } & Record<string, unknown>): Promise<RelayFrameOf<T>> {
    const answer = await this.request(frame);
    if (answer.type !== type) throw new Error(`expected ${type}, got ${JSON.stringify(answer).slice(0, 300)}`);
    return answer as RelayFrameOf<T>;
  }

  async challenge(): Promise<RelayFrameOf<'challenge'>> {
    return this.expectAnswer('challenge', { type: 'hello', v: 1 });
  }

  /** The full handshake: hello, then auth signed by the device's key over the relay's nonce. */
  async authenticate(device: TestDevice): Promise<RelayFrame> {
    const challenge = await this.challenge();
    return this.request({ type: 'auth', ...signAuth(device, challenge) });
  }

  async authenticated(device: TestDevice): Promise<RelayFrameOf<'ready'>> {
    const answer = await this.authenticate(device);
    if (answer.type !== 'ready') throw new Error(`authentication refused: ${JSON.stringify(answer)}`);
    return answer;
  }

  close(): Promise<{ code: number; reason: string }> {
    this.socket.close();
    return this.closed;
  }

  terminate(): void {
    this.socket.terminate();
  }
}

export function signAuth(device: TestDevice, challenge: RelayFrameOf<'challenge'>) {
  const statement = authStatement({ nonce: challenge.nonce, relay: challenge.relay, channel: challenge.channel!, device: device.deviceId });
  return { device: device.deviceId, nonce: challenge.nonce, sig: toBase64Url(signDetached(signingInput('relay-auth', statement), device.sign.secretKey)) };
}

