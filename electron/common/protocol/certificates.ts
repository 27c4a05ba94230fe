/**
 * The channel's trust: device certificates and revocation lists signed by the channel root (held by the U.S. desk),
 * and enrolment requests self-signed by the device asking to join. Each is a signed object: `{ body, sig }`, where sig
 * is Ed25519 over signingInput(context, body).
 */
import { z } from 'zod';
import { fromBase64Url, signDetached, toBase64Url, verifyDetached } from '../crypto/sodium';
import { signingInput, type SigningContext } from './canonical-json';
import { deviceIdFor } from './identity';
import { ChannelId, DeviceId, DisplayName, PostSchema, PublicKey, RolesSchema, Signature, Time } from './schemas';

/** Who a device says it is: what an enrolment request asks for and a certificate grants. */
const DEVICE_DESCRIPTION = {
  channel: ChannelId,
  deviceId: DeviceId,
  post: PostSchema,
  roles: RolesSchema,
  name: DisplayName,
  signKey: PublicKey,
  boxKey: PublicKey,
};

export const DeviceCertificateBody = z
  .object({
    type: z.literal('device-certificate'),
    v: z.literal(1),
    ...DEVICE_DESCRIPTION,
    notBefore: Time,
    notAfter: Time,
  })
  .strict()
  .refine((c) => c.notBefore < c.notAfter, 'validity ends before it starts');
export type DeviceCertificateBody = z.infer<typeof DeviceCertificateBody>;

export const RevocationEntry = z.object({ deviceId: DeviceId, revokedAt: Time, reason: z.enum(['lost', 'compromised', 'retired', 'other']) }).strict();

export const RevocationListBody = z
  .object({
    type: z.literal('revocation-list'),
    v: z.literal(1),
    channel: ChannelId,
    /** Each new list has a higher number; a relay or client never goes back to a lower one. */
    number: z.number().int().min(1),
    issuedAt: Time,
    revoked: z.array(RevocationEntry).max(10_000),
  })
  .strict()
  .refine((l) => l.revoked.every((e, i) => i === 0 || l.revoked[i - 1]!.deviceId < e.deviceId), 'revoked devices must be sorted by id, once each');
export type RevocationListBody = z.infer<typeof RevocationListBody>;

export const EnrolmentRequestBody = z
  .object({
    type: z.literal('enrolment-request'),
    v: z.literal(1),
    ...DEVICE_DESCRIPTION,
    createdAt: Time,
  })
  .strict();
export type EnrolmentRequestBody = z.infer<typeof EnrolmentRequestBody>;

const signed = <T extends z.ZodType>(body: T) => z.object({ body, sig: Signature }).strict();

export const SignedCertificate = signed(DeviceCertificateBody);
export type SignedCertificate = z.infer<typeof SignedCertificate>;
export const SignedRevocationList = signed(RevocationListBody);
export type SignedRevocationList = z.infer<typeof SignedRevocationList>;
export const SignedEnrolmentRequest = signed(EnrolmentRequestBody);
export type SignedEnrolmentRequest = z.infer<typeof SignedEnrolmentRequest>;

/** Re-encodes a base64url field strictly, so a signature can only ever be checked over canonical bytes. */
const decode = (value: string) => fromBase64Url(value);

function sign<B>(context: SigningContext, body: B, secretKey: Uint8Array): { body: B; sig: string } {
  return { body, sig: toBase64Url(signDetached(signingInput(context, body), secretKey)) };
}

function verify(context: SigningContext, signedObject: { body: unknown; sig: string }, publicKey: Uint8Array): boolean {
  try {
    return verifyDetached(decode(signedObject.sig), signingInput(context, signedObject.body), publicKey);
  } catch {
    return false;
  }
}

export const signCertificate = (body: DeviceCertificateBody, rootSecretKey: Uint8Array): SignedCertificate =>
  sign('device-certificate', DeviceCertificateBody.parse(body), rootSecretKey);

export const signRevocationList = (body: RevocationListBody, rootSecretKey: Uint8Array): SignedRevocationList =>
  sign('revocation-list', RevocationListBody.parse(body), rootSecretKey);

export const signEnrolmentRequest = (body: EnrolmentRequestBody, deviceSecretKey: Uint8Array): SignedEnrolmentRequest =>
  sign('enrolment-request', EnrolmentRequestBody.parse(body), deviceSecretKey);

/** Signed by this root, for this channel, and its device id matches its signing key. */
export function verifyCertificate(certificate: SignedCertificate, rootPublicKey: Uint8Array, channelId: string): boolean {
  const { body } = certificate;
  return body.channel === channelId && body.deviceId === deviceIdFor(decode(body.signKey)) && verify('device-certificate', certificate, rootPublicKey);
}

export function verifyRevocationList(list: SignedRevocationList, rootPublicKey: Uint8Array, channelId: string): boolean {
  return list.body.channel === channelId && verify('revocation-list', list, rootPublicKey);
}

/** Self-signed by the key it asks to certify, and the device id is the one that key gives. */
export function verifyEnrolmentRequest(request: SignedEnrolmentRequest, channelId: string): boolean {
  const { body } = request;
  try {
    const signKey = decode(body.signKey);
    return body.channel === channelId && body.deviceId === deviceIdFor(signKey) && verify('enrolment-request', request, signKey);
  } catch {
    return false;
  }
}

/** Whether a certified device may speak at `now`: inside its validity and not on the revocation list. */
export function deviceStatus(certificate: SignedCertificate, revoked: ReadonlySet<string>, now: number): 'current' | 'not-yet-valid' | 'expired' | 'revoked' {
  if (revoked.has(certificate.body.deviceId)) return 'revoked';
  if (now < certificate.body.notBefore) return 'not-yet-valid';
  if (now >= certificate.body.notAfter) return 'expired';
  return 'current';
}


/** The current devices of the given posts: the devices an envelope for those posts must be sealed to. */
export function currentDevicesOf(
  certificates: Iterable<SignedCertificate>,
  revoked: ReadonlySet<string>,
  posts: ReadonlySet<string>,
  now: number,
): SignedCertificate[] {
  return [...certificates].filter((c) => posts.has(c.body.post) && deviceStatus(c, revoked, now) === 'current');
}
