/**
 * First start: creating the channel at the desk, or joining it from a post. Both meet the relay before anything is
 * written, so a wrong address, token or channel key changes nothing; then the keys go into a new vault with the
 * channel state in one transaction.
 *
 * - Create: a fresh (unbound) relay is bound to a new channel root with its one-time token; the desk's first device
 *   is certified by that root and published.
 * - Join: the channel key comes from the desk, out of band, never from the relay: it is what every certificate is
 *   checked against. The relay must serve that channel; its key is pinned. The enrolment request goes to the relay
 *   and the desk approves it after comparing the device's fingerprint by voice.
 */
import {
  fromBase64Url,
  generateBoxKeyPair,
  generateSigningKeyPair,
  signDetached,
  toBase64Url,
  wipe,
  type BoxKeyPair,
  type SigningKeyPair,
} from '../../../electron/common/crypto/sodium';
import { passphraseStrength } from '../../../electron/common/passphrase/strength';
import { signingInput } from '../../../electron/common/protocol/canonical-json';
import { signCertificate, signEnrolmentRequest, type DeviceCertificateBody, type SignedCertificate } from '../../../electron/common/protocol/certificates';
import { bindStatement, type RelayFrameOf } from '../../../electron/common/protocol/frames';
import { channelIdFor, deviceIdFor } from '../../../electron/common/protocol/identity';
import { DisplayName, RolesSchema, type Post, type Role } from '../../../electron/common/protocol/schemas';
import { RelayUrlSchema } from '../../../electron/common/settings';
import type { CreateChannelInput, JoinChannelInput } from '../api';
import { CoreError } from '../core-error';
import { LinkClosedError, RelayLink, type SocketFactory } from '../sync/relay-link';
import type { RecordWrite, Vault } from '../vault';
import { INITIAL_CHAIN, INITIAL_INCLUSION, INITIAL_SYNC, stateWrite, type IdentityState } from './channel-state';

const DAY = 24 * 60 * 60 * 1000;
/** How long a device certificate is valid: a year, renewed by the desk. */
export const CERTIFICATE_LIFETIME = 365 * DAY;
/** Backdating notBefore a little tolerates clocks that run slightly behind the desk's. */
const CLOCK_SKEW = 5 * 60 * 1000;

export const PRIVATE_KEY_IDS = { sign: 'device-sign', box: 'device-box', root: 'channel-root' } as const;

interface Checked {
  readonly relayUrl: string;
  readonly name: string;
}

function checkCommon(input: { relayUrl: string; deviceName: string; passphrase: string }): Checked {
  const relayUrl = RelayUrlSchema.safeParse(input.relayUrl.trim());
  if (!relayUrl.success) throw new CoreError('onboarding.invalidRelayUrl');
  const name = DisplayName.safeParse(input.deviceName.trim());
  if (!name.success) throw new CoreError('onboarding.invalidName');
  if (!passphraseStrength(input.passphrase).acceptable) throw new CoreError('onboarding.weakPassphrase');
  return { relayUrl: relayUrl.data, name: name.data };
}

/** Opens a connection just for onboarding and says hello; the caller closes it. */
async function meetRelay(factory: SocketFactory, url: string): Promise<{ link: RelayLink; challenge: RelayFrameOf<'challenge'> }> {
  let link: RelayLink;
  try {
    link = await RelayLink.open(factory, url, { onDeliver: () => {}, onMalformed: () => {}, onUnsolicitedError: () => {}, onClose: () => {} });
  } catch {
    throw new CoreError('onboarding.relayUnreachable');
  }
  try {
    return { link, challenge: await link.request({ type: 'hello', v: 1 }) };
  } catch (error) {
    link.close();
    throw error instanceof LinkClosedError ? new CoreError('onboarding.relayUnreachable') : error;
  }
}

const keyWrites = (sign: SigningKeyPair, box: BoxKeyPair, root: SigningKeyPair | null): RecordWrite[] => [
  { table: 'privateKeys', record: { id: PRIVATE_KEY_IDS.sign, kind: 'ed25519', publicKey: sign.publicKey, secretKey: sign.secretKey } },
  { table: 'privateKeys', record: { id: PRIVATE_KEY_IDS.box, kind: 'x25519', publicKey: box.publicKey, secretKey: box.secretKey } },
  ...(root ? [{ table: 'privateKeys', record: { id: PRIVATE_KEY_IDS.root, kind: 'ed25519', publicKey: root.publicKey, secretKey: root.secretKey } } as const] : []),
];

const initialState = (identity: IdentityState, directory: SignedCertificate[]): RecordWrite[] => [
  stateWrite(identity),
  stateWrite({ id: 'trust', checkpoint: null, directory, revocations: null }),
  stateWrite(INITIAL_CHAIN),
  stateWrite(INITIAL_SYNC),
  stateWrite(INITIAL_INCLUSION),
];

/** The certificate body the desk signs for a device with these keys. */
export function certificateBody(
  device: { channel: string; deviceId: string; post: Post; roles: Role[]; name: string; signKey: string; boxKey: string },
  now: number,
): DeviceCertificateBody {
  return { type: 'device-certificate', v: 1, ...device, notBefore: now - CLOCK_SKEW, notAfter: now + CERTIFICATE_LIFETIME };
}

export async function createChannel(vault: Vault, factory: SocketFactory, input: CreateChannelInput, now: number): Promise<IdentityState> {
  if (vault.state !== 'absent') throw new CoreError('onboarding.alreadySetUp');
  const { relayUrl, name } = checkCommon(input);
  const token = input.bindToken.trim();
  if (token.length === 0 || token.length > 128) throw new CoreError('relay.bind-refused');
  const { link, challenge } = await meetRelay(factory, relayUrl);
  const root = generateSigningKeyPair();
  const sign = generateSigningKeyPair();
  const box = generateBoxKeyPair();
  try {
    if (challenge.channel !== null) throw new CoreError('onboarding.relayAlreadyBound');
    const rootKey = toBase64Url(root.publicKey);
    const statement = bindStatement({ token, relay: challenge.relay, root: rootKey });
    const bindSig = toBase64Url(signDetached(signingInput('relay-bind', statement), root.secretKey));
    await link.request({ type: 'bind', token, root: rootKey, sig: bindSig }).catch((error: unknown) => {
      throw error instanceof CoreError && error.code === 'relay.bind-refused' ? new CoreError('onboarding.bindRefused') : error;
    });
    const channelId = channelIdFor(root.publicKey);
    const deviceId = deviceIdFor(sign.publicKey);
    const device = { channel: channelId, deviceId, post: 'US' as const, roles: ['supervisor' as const], name, signKey: toBase64Url(sign.publicKey), boxKey: toBase64Url(box.publicKey) };
    const certificate = signCertificate(certificateBody(device, now), root.secretKey);
    await link.request({ type: 'publish-certificate', certificate });
    const identity: IdentityState = {
      id: 'identity',
      deviceId,
      channelId,
      channelKey: rootKey,
      relayUrl,
      relayKey: challenge.relay,
      post: 'US',
      roles: ['supervisor'],
      name,
      enrolment: 'ready',
      certificate,
      holdsChannelRoot: true,
    };
    await vault.create(input.passphrase);
    await vault.commit({ put: [...keyWrites(sign, box, root), ...initialState(identity, [certificate])] });
    return identity;
  } catch (error) {
    throw error instanceof LinkClosedError ? new CoreError('onboarding.relayUnreachable') : error;
  } finally {
    link.close();
    for (const secret of [root.secretKey, sign.secretKey, box.secretKey]) wipe(secret);
  }
}

/** The channel key as typed: base64url of 32 bytes, spaces and line breaks ignored. */
export function parseChannelKey(text: string): Uint8Array {
  const compact = text.replace(/\s+/g, '');
  try {
    const key = fromBase64Url(compact);
    if (key.length === 32 && toBase64Url(key) === compact) return key;
  } catch {
    // Falls through to the error below.
  }
  throw new CoreError('onboarding.invalidChannelKey');
}

export async function joinChannel(vault: Vault, factory: SocketFactory, input: JoinChannelInput): Promise<IdentityState> {
  if (vault.state !== 'absent') throw new CoreError('onboarding.alreadySetUp');
  const { relayUrl, name } = checkCommon(input);
  const root = parseChannelKey(input.channelKey);
  const roles = RolesSchema.safeParse([...new Set(input.roles)].sort());
  if (!roles.success || roles.data.length === 0 || roles.data.includes('supervisor')) throw new CoreError('onboarding.noRole');
  if (input.post === 'US') throw new CoreError('onboarding.noRole');
  const channelId = channelIdFor(root);
  const { link, challenge } = await meetRelay(factory, relayUrl);
  link.close();
  if (challenge.channel === null) throw new CoreError('onboarding.relayNotBound');
  if (challenge.channel !== channelId) throw new CoreError('onboarding.wrongChannel');
  const sign = generateSigningKeyPair();
  const box = generateBoxKeyPair();
  try {
    const identity: IdentityState = {
      id: 'identity',
      deviceId: deviceIdFor(sign.publicKey),
      channelId,
      channelKey: toBase64Url(root),
      relayUrl,
      relayKey: challenge.relay,
      post: input.post,
      roles: roles.data,
      name,
      enrolment: 'unsent',
      certificate: null,
      holdsChannelRoot: false,
    };
    await vault.create(input.passphrase);
    await vault.commit({ put: [...keyWrites(sign, box, null), ...initialState(identity, [])] });
    return identity;
  } finally {
    wipe(sign.secretKey);
    wipe(box.secretKey);
  }
}

/** Sends this device's enrolment request; resolves when the relay has it. */
export async function sendEnrolment(factory: SocketFactory, identity: IdentityState, sign: SigningKeyPair, box: BoxKeyPair, now: number): Promise<void> {
  const request = signEnrolmentRequest(
    {
      type: 'enrolment-request',
      v: 1,
      channel: identity.channelId,
      deviceId: identity.deviceId,
      post: identity.post,
      roles: [...identity.roles],
      name: identity.name,
      signKey: toBase64Url(sign.publicKey),
      boxKey: toBase64Url(box.publicKey),
      createdAt: now,
    },
    sign.secretKey,
  );
  const { link, challenge } = await meetRelay(factory, identity.relayUrl);
  try {
    if (challenge.relay !== identity.relayKey || challenge.channel !== identity.channelId) throw new CoreError('onboarding.wrongChannel');
    await link.request({ type: 'enrol', request });
  } catch (error) {
    throw error instanceof LinkClosedError ? new CoreError('onboarding.relayUnreachable') : error;
  } finally {
    link.close();
  }
}

/** Asks the relay whether the desk has published this device's certificate; null while it has not. */
export async function fetchOwnCertificate(factory: SocketFactory, identity: IdentityState): Promise<SignedCertificate | null> {
  const { link, challenge } = await meetRelay(factory, identity.relayUrl);
  try {
    if (challenge.relay !== identity.relayKey || challenge.channel !== identity.channelId) throw new CoreError('onboarding.wrongChannel');
    return (await link.request({ type: 'get-certificate', deviceId: identity.deviceId })).certificate;
  } catch (error) {
    throw error instanceof LinkClosedError ? new CoreError('onboarding.relayUnreachable') : error;
  } finally {
    link.close();
  }
}
