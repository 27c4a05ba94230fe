/**
 * The relay service: HTTP for `GET /health`, WebSocket for the protocol, the store, and the channel once bound.
 * `startRelay` returns when it listens; `close` shuts down gracefully (no new connections, queued envelopes written,
 * sessions closed, database closed).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { initCrypto, toBase64Url } from '../common/crypto/sodium';
import { checkpointOrigin } from '../common/merkle/checkpoint';
import { MAX_FRAME_BYTES } from '../common/protocol/limits';
import type { ChannelState, RelayConfig, RelayContext, SessionHandle } from './context';
import type { AppendedEnvelope } from './log-writer';
import { CursorWriter } from './cursor-writer';
import { Directory } from './directory';
import { bindToChannel, bindToken, loadBinding, loadOrCreateRelayKeys, type ChannelBinding } from './identity';
import { createLogger, type Logger } from './log';
import { LogWriter } from './log-writer';
import { MerkleLog } from './merkle-log';
import { nativeEd25519Signer } from './native-ed25519';
import { RateLimiter } from './rate-limit';
import { Session } from './session';
import { SignatureVerifier } from './signature-verifier';
import { openSqliteStore } from './store/sqlite-store';

export interface RunningRelay {
  readonly port: number;
  readonly relayPublicKey: string;
  /** The one-time bind token while the relay is unbound; null once bound. */
  readonly bindToken: string | null;
  close(): Promise<void>;
}

export async function startRelay(config: RelayConfig, logger: Logger = createLogger()): Promise<RunningRelay> {
  await initCrypto();
  const store = openSqliteStore(config.dataDir);
  const keys = loadOrCreateRelayKeys(store);
  const sessions = new Set<SessionHandle>();
  const signatures = new SignatureVerifier();

  const openChannel = (binding: ChannelBinding): ChannelState => {
    const log = new MerkleLog(store, { origin: checkpointOrigin(binding.channelId), publicKey: keys.publicKey, sign: nativeEd25519Signer(keys.secretKey) });
    const cursors = new CursorWriter(store);
    const writer = new LogWriter(store, log, cursors, signatures, logger, (appended) => fanOut(sessions, appended));
    return { binding, directory: new Directory(store, binding), log, writer, cursors };
  };

  const existing = loadBinding(store);
  const relay: RelayContext = {
    config,
    store,
    keys,
    logger,
    sessions,
    submitLimiter: new RateLimiter(config.submitBurst, config.submitPerSecond),
    openLimiter: new RateLimiter(config.openBurst, config.openPerMinute / 60),
    channel: existing ? openChannel(existing) : null,
    bind(rootPublicKey) {
      const channel = openChannel(bindToChannel(store, rootPublicKey));
      this.channel = channel;
      logger.info('relay.bound', { channel: channel.binding.channelId });
      return channel;
    },
    now: Date.now,
  };

  const health = (_request: IncomingMessage, response: ServerResponse) => {
    const channel = relay.channel;
    const body = channel
      ? { status: 'ok', state: 'bound', channel: channel.binding.channelId, relay: toBase64Url(keys.publicKey), logSize: channel.log.size }
      : { status: 'ok', state: 'unbound', relay: toBase64Url(keys.publicKey) };
    response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(body));
  };

  const http = createServer((request, response) => {
    if (request.method === 'GET' && request.url === '/health') return health(request, response);
    response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  // maxPayload is set explicitly: ws's default is 100 MiB, far past what the protocol allows.
  const wss = new WebSocketServer({ server: http, maxPayload: MAX_FRAME_BYTES, perMessageDeflate: false });
  wss.on('connection', (socket, request) => {
    const remote = request.socket.remoteAddress ?? 'unknown';
    const session = new Session(socket, relay, remote, request.socket);
    sessions.add(session);
    socket.on('close', (code) => {
      sessions.delete(session);
      if (code === 1009) logger.info('frame.refused', { code: 'frame-too-large', remote });
    });
    socket.on('error', () => socket.terminate());
  });

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(config.port, config.host, () => resolve());
  });
  const port = (http.address() as AddressInfo).port;
  const token = relay.channel ? null : bindToken(store);
  logger.info('relay.listening', { host: config.host, port, state: relay.channel ? 'bound' : 'unbound', relay: toBase64Url(keys.publicKey) });
  if (token) logger.info('relay.unbound', { bindToken: token, message: 'present this one-time token and the channel root key to bind the relay' });

  return {
    port,
    relayPublicKey: toBase64Url(keys.publicKey),
    bindToken: token,
    async close() {
      logger.info('relay.stopping', {});
      await new Promise<void>((resolve) => {
        wss.close(() => resolve());
        for (const client of wss.clients) client.close(1001, 'relay shutting down');
      });
      await relay.channel?.writer.settle();
      relay.channel?.cursors.flush();
      await new Promise<void>((resolve) => http.close(() => resolve()));
      store.close();
      logger.info('relay.stopped', {});
    },
  };
}

/**
 * Hands just-appended envelopes to every session, those of the other devices first: they are waiting for the message,
 * while the senders already have it (their own copies and receipts leave right after, in the same burst).
 */
function fanOut(sessions: ReadonlySet<SessionHandle>, appended: readonly AppendedEnvelope[]): void {
  const senders = new Set(appended.map((envelope) => envelope.sender));
  const isSender = (session: SessionHandle) => session.deviceId !== null && senders.has(session.deviceId);
  for (const session of sessions) if (!isSender(session)) session.appended(appended);
  for (const session of sessions) if (isSender(session)) session.appended(appended);
}
