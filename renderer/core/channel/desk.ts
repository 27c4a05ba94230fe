/**
 * The desk's side of enrolment: the pending requests (each checked: self-signed by the key it asks to certify, for
 * this channel) with the fingerprints the supervisor compares by voice, and the decision. Approving signs the device's
 * certificate with the channel root this device holds and publishes it through the relay.
 */
import { signCertificate, verifyEnrolmentRequest } from '../../../electron/common/protocol/certificates';
import { fingerprint } from '../../../electron/common/protocol/identity';
import type { PendingEnrolment } from '../api';
import { CoreError } from '../core-error';
import type { RelayLink } from '../sync/relay-link';
import type { IdentityState } from './channel-state';
import { certificateBody } from './onboarding';

export async function pendingEnrolments(link: RelayLink, identity: IdentityState): Promise<PendingEnrolment[]> {
  const { requests } = await link.request({ type: 'get-enrolments' });
  return requests
    .filter(({ request }) => verifyEnrolmentRequest(request, identity.channelId))
    .map(({ request, receivedAt }) => ({
      deviceId: request.body.deviceId,
      post: request.body.post,
      roles: request.body.roles,
      name: request.body.name,
      fingerprint: fingerprint(request.body.signKey, request.body.boxKey),
      receivedAt,
    }))
    .sort((a, b) => a.receivedAt - b.receivedAt);
}

export async function approveEnrolment(link: RelayLink, identity: IdentityState, rootSecretKey: Uint8Array, deviceId: string, now: number): Promise<void> {
  const { requests } = await link.request({ type: 'get-enrolments' });
  const found = requests.find(({ request }) => request.body.deviceId === deviceId && verifyEnrolmentRequest(request, identity.channelId));
  if (!found) throw new CoreError('desk.requestGone');
  const { channel, post, roles, name, signKey, boxKey } = found.request.body;
  const certificate = signCertificate(certificateBody({ channel, deviceId, post, roles, name, signKey, boxKey }, now), rootSecretKey);
  await link.request({ type: 'publish-certificate', certificate });
}

export async function refuseEnrolment(link: RelayLink, deviceId: string): Promise<void> {
  await link.request({ type: 'refuse-enrolment', deviceId });
}
