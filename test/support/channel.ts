/**
 * A channel for tests: the root key the desk holds, devices with certificates it signs, and each device's envelope
 * chain. Everything is made with the project's own protocol code, exactly as the app makes it.
 */
import {
  fromBase64Url,
  generateBoxKeyPair,
  generateSigningKeyPair,
  signDetached,
  toBase64Url,
  utf8Encode,
  randomBytes,
  type BoxKeyPair,
  type SigningKeyPair,
} from '../../electron/common/crypto/sodium';
import { signingInput } from '../../electron/common/protocol/canonical-json';
import {
  currentDevicesOf,
  signCertificate,
  signEnrolmentRequest,
  signRevocationList,
  type RevocationListBody,
  type SignedCertificate,
  type SignedEnrolmentRequest,
} from '../../electron/common/protocol/certificates';
import { audienceOf, envelopeHash, sealEnvelope, type Envelope, type EnvelopeKind } from '../../electron/common/protocol/envelope';
import { bindStatement } from '../../electron/common/protocol/frames';
import { channelIdFor, deviceIdFor } from '../../electron/common/protocol/identity';
import type { Post, Role } from '../../electron/common/protocol/schemas';

const DAY = 24 * 60 * 60 * 1000;

export interface TestChannel {
  readonly root: SigningKeyPair;
  readonly rootKey: string;
  readonly channelId: string;
  revocationNumber: number;
}

export function createChannel(): TestChannel {
  const root = generateSigningKeyPair();
  return { root, rootKey: toBase64Url(root.publicKey), channelId: channelIdFor(root.publicKey), revocationNumber: 0 };
}

export interface TestDevice {
  readonly deviceId: string;
  readonly post: Post;
  readonly roles: Role[];
  readonly name: string;
  readonly sign: SigningKeyPair;
  readonly box: BoxKeyPair;
  readonly certificate: SignedCertificate;
  /** The last envelope the relay accepted from this device. */
  seq: number;
  lastHash: string | null;
}

export interface DeviceOptions {
  readonly roles?: Role[];
  readonly name?: string;
  readonly notBefore?: number;
  readonly notAfter?: number;
  /** Sign the certificate with another root (an attacker's). */
  readonly signingRoot?: SigningKeyPair;
}

export function deviceKeys() {
  const sign = generateSigningKeyPair();
  return { sign, box: generateBoxKeyPair(), deviceId: deviceIdFor(sign.publicKey) };
}

/** The fields a certificate and an enrolment request share, for a device with these keys. */
function deviceDescription(channel: TestChannel, keys: ReturnType<typeof deviceKeys>, post: Post, roles: Role[], name: string) {
  return {
    v: 1 as const,
    channel: channel.channelId,
    deviceId: keys.deviceId,
    post,
    roles,
    name,
    signKey: toBase64Url(keys.sign.publicKey),
    boxKey: toBase64Url(keys.box.publicKey),
  };
}

export function createDevice(channel: TestChannel, post: Post, options: DeviceOptions = {}): TestDevice {
  const keys = deviceKeys();
  const { sign, box, deviceId } = keys;
  const roles = options.roles ?? (post === 'US' ? ['supervisor'] : ['officer']);
  const name = options.name ?? `${post} device ${deviceId.slice(0, 4)}`;
  const now = Date.now();
  const certificate = signCertificate(
    {
      type: 'device-certificate',
      ...deviceDescription(channel, keys, post, roles, name),
      notBefore: options.notBefore ?? now - DAY,
      notAfter: options.notAfter ?? now + 365 * DAY,
    },
    (options.signingRoot ?? channel.root).secretKey,
  );
  return { deviceId, post, roles, name, sign, box, certificate, seq: 0, lastHash: null };
}

export function enrolmentRequest(channel: TestChannel, post: Post, name: string, roles: Role[] = ['officer']): SignedEnrolmentRequest {
  const keys = deviceKeys();
  return signEnrolmentRequest({ type: 'enrolment-request', ...deviceDescription(channel, keys, post, roles, name), createdAt: Date.now() }, keys.sign.secretKey);
}

export function revocationList(channel: TestChannel, revoked: readonly string[]) {
  channel.revocationNumber += 1;
  const body: RevocationListBody = {
    type: 'revocation-list',
    v: 1,
    channel: channel.channelId,
    number: channel.revocationNumber,
    issuedAt: Date.now(),
    revoked: [...revoked].sort().map((deviceId) => ({ deviceId, revokedAt: Date.now(), reason: 'compromised' as const })),
  };
  return signRevocationList(body, channel.root.secretKey);
}

export function bindFrame(channel: TestChannel, token: string, relayKey: string) {
  const statement = bindStatement({ token, relay: relayKey, root: channel.rootKey });
  return { type: 'bind', token, root: channel.rootKey, sig: toBase64Url(signDetached(signingInput('relay-bind', statement), channel.root.secretKey)) };
}

export interface ComposeOptions {
  readonly recipients: Post[];
  readonly text: string;
  readonly kind?: EnvelopeKind;
  /** Which devices to seal to; by default every current device of the audience. */
  readonly sealTo?: readonly SignedCertificate[];
}

/** The device's next envelope in its chain (not yet accepted: call `accepted` when the relay gives a receipt). */
export function compose(device: TestDevice, directory: readonly SignedCertificate[], options: ComposeOptions): Envelope {
  const header = {
    v: 1 as const,
    id: toBase64Url(randomBytes(16)),
    kind: options.kind ?? ('message' as const),
    sender: device.deviceId,
    senderPost: device.post,
    recipients: [...new Set(options.recipients)].sort(),
    createdAt: Date.now(),
    seq: device.seq + 1,
    prev: device.lastHash,
  };
  const sealTo = options.sealTo ?? currentDevicesOf(directory, new Set(), audienceOf(header), Date.now());
  return sealEnvelope({
    header,
    plaintext: utf8Encode(options.text),
    recipients: sealTo.map((c) => ({ deviceId: c.body.deviceId, boxKey: fromBase64Url(c.body.boxKey) })),
    senderSecretKey: device.sign.secretKey,
  });
}

export function accepted(device: TestDevice, envelope: Envelope): void {
  device.seq = envelope.header.seq;
  device.lastHash = envelopeHash(envelope);
}
