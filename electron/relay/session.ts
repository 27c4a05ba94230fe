/**
 * One client connection: parses and validates each frame, runs the authentication handshake, and answers requests.
 * A fault in one frame (bad JSON, a refused envelope) gets an error frame and the connection goes on; only revocation
 * and frames too large to read end it.
 */
import type { Socket } from 'node:net';
import type { WebSocket } from 'ws';
import { fromBase64Url, randomBytes, toBase64Url, verifyDetached } from '../common/crypto/sodium';
import { signingInput } from '../common/protocol/canonical-json';
import { verifyEnrolmentRequest, type SignedCertificate } from '../common/protocol/certificates';
import { audienceOf } from '../common/protocol/envelope';
import { authStatement, bindStatement, ClientFrame, type ErrorCode, type RelayFrame } from '../common/protocol/frames';
import { DELIVERY_WINDOW, PROTOCOL_VERSION } from '../common/protocol/limits';
import { deliverFrame } from './deliver-frame';
import { checkSealing, checkSender, type Refusal } from './envelope-checks';
import { encodeEnvelope } from './envelope-encoding';
import { tokenMatches } from './identity';
import { deliveryMaskFor, maskOf } from './post-mask';
import type { ChannelState, RelayContext, SessionHandle } from './context';
import type { AppendedEnvelope, SubmitResult } from './log-writer';

type Frame<T extends ClientFrame['type']> = Extract<ClientFrame, { type: T }>;

export class Session implements SessionHandle {
  private challenge: { nonce: string; expiresAt: number } | null = null;
  private device: SignedCertificate | null = null;
  /** The authenticated device's signing key, decoded once. */
  private signKey: Uint8Array | null = null;
  /** True while outgoing frames are held back to leave together (see sendText). */
  private corked = false;
  /** Highest log index sent to this device, and the indexes sent but not yet acknowledged. */
  private sentUpTo = -1;
  private unacknowledged: number[] = [];
  /** True when everything in the store for this device up to the last append has been sent (so new appends can go
   * straight from memory); false while the delivery window is full or a catch-up is still reading the store. */
  private caughtUp = false;

  constructor(
    private readonly socket: WebSocket,
    private readonly relay: RelayContext,
    private readonly remote: string,
    /** The TCP socket under the WebSocket, corked while a burst of frames is written. */
    private readonly transport: Socket,
  ) {
    socket.on('message', (data, isBinary) => this.receive(data as Buffer, isBinary));
  }

  get deviceId(): string | null {
    return this.device?.body.deviceId ?? null;
  }

  private send(frame: RelayFrame): void {
    this.sendText(JSON.stringify(frame));
  }

  /**
   * Everything one turn of the event loop sends on this connection (a group commit's receipts and deliveries, say)
   * leaves in one write: the socket is corked at the first frame and uncorked once the current work is done.
   */
  private sendText(text: string | Buffer): void {
    if (this.socket.readyState !== this.socket.OPEN) return;
    if (!this.corked) {
      this.corked = true;
      this.transport.cork();
      process.nextTick(() => {
        this.corked = false;
        this.transport.uncork();
      });
    }
    this.socket.send(text, { binary: false });
  }

  private refuse(code: ErrorCode, message: string, rid?: string, ref?: string): void {
    this.relay.logger.info('frame.refused', { code, device: this.deviceId, remote: this.remote });
    this.send({ type: 'error', code, message, ...(rid === undefined ? {} : { rid }), ...(ref === undefined ? {} : { ref }) });
  }

  private receive(data: Buffer, isBinary: boolean): void {
    let raw: unknown;
    try {
      if (isBinary) throw new Error('binary frame');
      raw = JSON.parse(data.toString('utf8'));
    } catch {
      this.refuse('malformed-frame', 'a frame must be one JSON object in a text message');
      return;
    }
    const rid = typeof (raw as { rid?: unknown })?.rid === 'string' ? ((raw as { rid: string }).rid.slice(0, 64)) : undefined;
    const parsed = ClientFrame.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      this.refuse('malformed-frame', `frame does not match the protocol at ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`.slice(0, 500), rid);
      return;
    }
    try {
      this.dispatch(parsed.data);
    } catch (error) {
      this.failed(parsed.data, error);
    }
  }

  private failed(frame: ClientFrame, error: unknown): void {
    this.relay.logger.error('frame.failed', { type: frame.type, error: String(error) });
    this.refuse('internal-error', 'the relay failed to handle this frame', frame.rid);
  }

  private dispatch(frame: ClientFrame): void {
    switch (frame.type) {
      case 'hello':
        return this.hello(frame);
      case 'bind':
        return this.bind(frame);
      case 'auth':
        return this.withChannel(frame.rid, (channel) => this.authenticate(frame, channel));
      case 'submit':
        return this.withDevice(frame.rid, (channel, device) => this.submit(frame, channel, device));
      case 'ack':
        return this.withDevice(frame.rid, (channel) => this.acknowledge(frame, channel));
      case 'get-checkpoint':
        return this.withChannel(frame.rid, (channel) => this.send({ type: 'checkpoint', rid: frame.rid, checkpoint: channel.log.latestCheckpoint() }));
      case 'get-inclusion':
        return this.withChannel(frame.rid, (channel) => {
          const proof = channel.log.inclusion(frame.index, frame.size);
          if (!proof) return this.refuse('unknown-index', `no entry ${frame.index} in a log of ${frame.size} (the log has ${channel.log.size})`, frame.rid);
          this.send({ type: 'inclusion', rid: frame.rid, index: frame.index, size: frame.size, proof: proof.map(toBase64Url) });
        });
      case 'get-inclusions':
        return this.withChannel(frame.rid, (channel) => {
          const proofs = channel.log.inclusions(frame.indexes, frame.size);
          if (!proofs) {
            const missing = frame.size > channel.log.size ? frame.indexes[0] : frame.indexes.find((index) => index >= frame.size);
            return this.refuse('unknown-index', `no entry ${missing} in a log of ${frame.size} (the log has ${channel.log.size})`, frame.rid);
          }
          // The proofs share most of their hashes as the same arrays: each is encoded once.
          const encoded = new Map<Uint8Array, string>();
          const encode = (hash: Uint8Array) => encoded.get(hash) ?? encoded.set(hash, toBase64Url(hash)).get(hash)!;
          this.send({ type: 'inclusions', rid: frame.rid, indexes: frame.indexes, size: frame.size, proofs: proofs.map((proof) => proof.map(encode)) });
        });
      case 'get-consistency':
        return this.withChannel(frame.rid, (channel) => {
          const proof = channel.log.consistency(frame.from, frame.to);
          if (!proof) return this.refuse('unknown-index', `no consistency from ${frame.from} to ${frame.to} (the log has ${channel.log.size})`, frame.rid);
          this.send({ type: 'consistency', rid: frame.rid, from: frame.from, to: frame.to, proof: proof.map(toBase64Url) });
        });
      case 'get-directory':
        return this.withDevice(frame.rid, (channel) => this.send({ type: 'directory', rid: frame.rid, ...channel.directory.all() }));
      case 'get-certificate':
        return this.withChannel(frame.rid, (channel) =>
          this.send({ type: 'certificate', rid: frame.rid, deviceId: frame.deviceId, certificate: channel.directory.certificate(frame.deviceId) ?? null }),
        );
      case 'enrol':
        return this.withChannel(frame.rid, (channel) => this.enrol(frame, channel));
      case 'get-enrolments':
        return this.withSupervisor(frame.rid, () => this.send({ type: 'enrolments', rid: frame.rid, requests: this.relay.store.listEnrolments() }));
      case 'refuse-enrolment':
        return this.withSupervisor(frame.rid, () => {
          this.relay.store.deleteEnrolment(frame.deviceId);
          this.send({ type: 'enrolment-refused', rid: frame.rid, deviceId: frame.deviceId });
        });
      case 'publish-certificate':
        return this.withChannel(frame.rid, (channel) => {
          if (!this.device && !this.relay.openLimiter.take(this.remote)) return this.refuse('rate-limited', 'too many requests; wait and retry', frame.rid);
          const error = channel.directory.publishCertificate(frame.certificate);
          if (error) return this.refuse(error, 'certificate is not signed by this channel\'s root, or its device id does not match its key', frame.rid);
          this.relay.logger.info('certificate.published', { device: frame.certificate.body.deviceId, post: frame.certificate.body.post });
          this.send({ type: 'published', rid: frame.rid, deviceId: frame.certificate.body.deviceId });
        });
      case 'publish-revocations':
        return this.withChannel(frame.rid, (channel) => this.publishRevocations(frame, channel));
    }
  }

  // --- gates ---

  private withChannel(rid: string | undefined, run: (channel: ChannelState) => void): void {
    const channel = this.relay.channel;
    if (!channel) return this.refuse('not-bound', 'this relay is not bound to a channel yet', rid);
    run(channel);
  }

  private withDevice(rid: string | undefined, run: (channel: ChannelState, device: SignedCertificate) => void): void {
    this.withChannel(rid, (channel) => {
      if (!this.device) return this.refuse('not-authenticated', 'authenticate first (hello, then auth)', rid);
      run(channel, this.device);
    });
  }

  private withSupervisor(rid: string | undefined, run: (channel: ChannelState) => void): void {
    this.withDevice(rid, (channel, device) => {
      if (device.body.post !== 'US' || !device.body.roles.includes('supervisor')) return this.refuse('forbidden', 'only a supervisor of the U.S. desk may do this', rid);
      run(channel);
    });
  }

  // --- handshake ---

  private hello(frame: Frame<'hello'>): void {
    if (frame.v !== PROTOCOL_VERSION) return this.refuse('unsupported-version', `this relay speaks protocol version ${PROTOCOL_VERSION}`, frame.rid);
    const nonce = toBase64Url(randomBytes(32));
    const expiresAt = this.relay.now() + this.relay.config.nonceTtlMs;
    this.challenge = { nonce, expiresAt };
    this.send({
      type: 'challenge',
      rid: frame.rid,
      v: PROTOCOL_VERSION,
      nonce,
      relay: toBase64Url(this.relay.keys.publicKey),
      channel: this.relay.channel?.binding.channelId ?? null,
      expiresAt,
    });
  }

  private bind(frame: Frame<'bind'>): void {
    if (this.relay.channel) return this.refuse('already-bound', 'this relay already serves a channel', frame.rid);
    if (!this.relay.openLimiter.take(this.remote)) return this.refuse('rate-limited', 'too many requests; wait and retry', frame.rid);
    const [root, signature] = [decodeOrNull(frame.root), decodeOrNull(frame.sig)];
    const statement = bindStatement({ token: frame.token, relay: toBase64Url(this.relay.keys.publicKey), root: frame.root });
    if (!root || !signature || !tokenMatches(this.relay.store, frame.token) || !verifyDetached(signature, signingInput('relay-bind', statement), root)) {
      return this.refuse('bind-refused', 'wrong bind token, or not signed by the root key presented', frame.rid);
    }
    const channel = this.relay.bind(root);
    this.send({ type: 'bound', rid: frame.rid, channel: channel.binding.channelId, relay: toBase64Url(this.relay.keys.publicKey) });
  }

  private authenticate(frame: Frame<'auth'>, channel: ChannelState): void {
    if (this.device) return this.refuse('already-authenticated', 'this connection is already authenticated', frame.rid);
    const challenge = this.challenge;
    this.challenge = null; // single use, whatever the outcome
    if (!challenge || challenge.nonce !== frame.nonce) return this.refuse('auth-nonce-unknown', 'this nonce was not issued on this connection, or was already used', frame.rid);
    const now = this.relay.now();
    if (now > challenge.expiresAt) return this.refuse('auth-nonce-expired', 'the challenge expired; send hello again', frame.rid);
    const state = channel.directory.state(frame.device, now);
    if (state !== 'current') return this.refuse(DEVICE_STATE_ERRORS[state], `device is ${state}`, frame.rid);
    const certificate = channel.directory.certificate(frame.device)!;
    const statement = authStatement({ nonce: frame.nonce, relay: toBase64Url(this.relay.keys.publicKey), channel: channel.binding.channelId, device: frame.device });
    const signature = decodeOrNull(frame.sig);
    if (!signature || !verifyDetached(signature, signingInput('relay-auth', statement), fromBase64Url(certificate.body.signKey))) {
      return this.refuse('auth-failed', 'the signature does not verify under this device\'s key', frame.rid);
    }
    this.device = certificate;
    this.signKey = fromBase64Url(certificate.body.signKey);
    const cursor = channel.cursors.current(frame.device);
    this.sentUpTo = cursor;
    this.relay.logger.info('session.authenticated', { device: frame.device, post: certificate.body.post, cursor, remote: this.remote });
    this.send({ type: 'ready', rid: frame.rid, device: frame.device, cursor, checkpoint: channel.log.latestCheckpoint() });
    this.pump();
  }

  // --- envelopes ---

  private submit(frame: Frame<'submit'>, channel: ChannelState, device: SignedCertificate): void {
    const { envelope, rid } = frame;
    const encoded = encodeEnvelope(envelope);
    const { hash } = encoded;
    if (!this.relay.submitLimiter.take(device.body.deviceId)) return this.refuse('rate-limited', 'too many envelopes; wait and resubmit', rid, hash);
    const deviceRefusal = (now: number): Refusal | null => {
      const state = channel.directory.state(device.body.deviceId, now);
      return state === 'current' ? null : { code: DEVICE_STATE_ERRORS[state], message: `device is ${state}` };
    };
    const gone = deviceRefusal(this.relay.now());
    if (gone) return this.refuse(gone.code, gone.message, rid, hash);
    const notTheSenders = checkSender(envelope, encoded.bytes.length, device);
    if (notTheSenders) return this.refuse(notTheSenders.code, notTheSenders.message, rid, hash);
    if (!encoded.signature) return this.refuse('bad-signature', 'envelope signature does not verify', rid, hash);
    // The rest — signature, resubmission, sealing, chain, in that order — is checked by the writer, batch by batch;
    // it looks at the device again too, so a revocation that lands meanwhile still keeps the envelope out.
    const submission = {
      hash,
      sender: envelope.header.sender,
      seq: envelope.header.seq,
      prev: envelope.header.prev,
      audience: maskOf(audienceOf(envelope.header)),
      json: encoded.json,
      bytes: encoded.bytes,
      signature: { signature: encoded.signature, message: encoded.signingInput, publicKey: this.signKey! },
      deviceRefusal,
      sealingRefusal: (now: number) => checkSealing(envelope, channel.directory, now),
    };
    channel.writer.submit(submission, (result: SubmitResult) => {
      // Called from the writer: a failure here is answered, and must not cost the rest of the batch theirs.
      try {
        if ('code' in result) return this.refuse(result.code, result.message, rid, hash);
        this.send({ type: 'receipt', rid, hash, index: result.index, checkpoint: result.checkpoint });
      } catch (error) {
        this.failed(frame, error);
      }
    });
  }

  private acknowledge(frame: Frame<'ack'>, channel: ChannelState): void {
    if (frame.index > this.sentUpTo) return this.refuse('unknown-index', `index ${frame.index} was not delivered to this device`, frame.rid);
    channel.cursors.advance(this.deviceId!, frame.index);
    const acknowledged = this.unacknowledged.findIndex((index) => index > frame.index);
    this.unacknowledged = acknowledged < 0 ? [] : this.unacknowledged.slice(acknowledged);
    if (!this.caughtUp) this.pump();
  }

  /** Reads what this device has not been sent from the store, as far as the delivery window allows. */
  private pump(): void {
    if (!this.device || this.socket.readyState !== this.socket.OPEN) return;
    const room = DELIVERY_WINDOW - this.unacknowledged.length;
    if (room <= 0) return;
    const batch = this.relay.store.envelopesAfter(this.sentUpTo, deliveryMaskFor(this.device.body.post), room);
    for (const stored of batch) this.deliver(stored.index, deliverFrame(stored.index, stored.json));
    this.caughtUp = batch.length < room;
  }

  appended(envelopes: readonly AppendedEnvelope[]): void {
    if (!this.device || this.socket.readyState !== this.socket.OPEN) return;
    if (!this.caughtUp) return this.pump();
    const mask = deliveryMaskFor(this.device.body.post);
    for (const envelope of envelopes) {
      if ((envelope.audience & mask) === 0 || envelope.index <= this.sentUpTo) continue;
      if (this.unacknowledged.length >= DELIVERY_WINDOW) {
        // The rest waits in the store; acknowledgements will read it from there.
        this.caughtUp = false;
        return;
      }
      this.deliver(envelope.index, envelope.frame);
    }
  }

  private deliver(index: number, frame: Buffer): void {
    this.sendText(frame);
    this.sentUpTo = index;
    this.unacknowledged.push(index);
  }

  revoke(): void {
    this.refuse('device-revoked', 'this device has been revoked by the desk');
    this.device = null;
    this.socket.close(4003, 'device revoked');
  }

  // --- enrolment and revocation ---

  private enrol(frame: Frame<'enrol'>, channel: ChannelState): void {
    if (!this.relay.openLimiter.take(this.remote)) return this.refuse('rate-limited', 'too many requests; wait and retry', frame.rid);
    const { body } = frame.request;
    if (!verifyEnrolmentRequest(frame.request, channel.binding.channelId)) return this.refuse('bad-enrolment', 'the request is not self-signed by its key for this channel', frame.rid);
    if (channel.directory.certificate(body.deviceId)) return this.refuse('bad-enrolment', 'this device is already enrolled', frame.rid);
    this.relay.store.putEnrolment(frame.request, this.relay.now());
    this.relay.logger.info('enrolment.received', { device: body.deviceId, post: body.post, remote: this.remote });
    this.send({ type: 'enrol-received', rid: frame.rid, deviceId: body.deviceId });
  }

  private publishRevocations(frame: Frame<'publish-revocations'>, channel: ChannelState): void {
    if (!this.device && !this.relay.openLimiter.take(this.remote)) return this.refuse('rate-limited', 'too many requests; wait and retry', frame.rid);
    const outcome = channel.directory.publishRevocations(frame.list);
    if ('error' in outcome) return this.refuse(outcome.error, 'the list is not signed by this channel\'s root, or is older than the one in force', frame.rid);
    const revoked = new Set(outcome.newlyRevoked);
    this.relay.logger.info('revocations.published', { number: frame.list.body.number, newlyRevoked: revoked.size });
    this.send({ type: 'revocations-published', rid: frame.rid, number: frame.list.body.number });
    // Revocation takes effect at once, on open connections too.
    for (const session of this.relay.sessions) if (session.deviceId && revoked.has(session.deviceId)) session.revoke();
  }
}

/** Strict base64url decoding that answers null (a refusal) rather than throwing on a non-canonical encoding. */
function decodeOrNull(text: string): Uint8Array | null {
  try {
    return fromBase64Url(text);
  } catch {
    return null;
  }
}

const DEVICE_STATE_ERRORS: Record<'unknown' | 'not-yet-valid' | 'expired' | 'revoked', ErrorCode> = {
  unknown: 'unknown-device',
  'not-yet-valid': 'device-not-yet-valid',
  expired: 'device-expired',
  revoked: 'device-revoked',
};
