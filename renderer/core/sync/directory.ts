/**
 * The channel's directory as this device believes it: only certificates and revocation lists that verify under the
 * channel root. The relay serves the directory but cannot add a device to it or take a revocation back: an entry
 * that does not verify is left out (and reported), and a revocation list older than one already seen is ignored.
 */
import {
  currentDevicesOf,
  deviceStatus,
  verifyCertificate,
  verifyRevocationList,
  type SignedCertificate,
  type SignedRevocationList,
} from '../../../electron/common/protocol/certificates';
import type { Post } from '../../../electron/common/protocol/schemas';

export interface VerifiedDirectory {
  readonly certificates: readonly SignedCertificate[];
  readonly revocations: SignedRevocationList | null;
  /** How many entries the relay served that did not verify, or went back in time. */
  readonly rejected: number;
}

export function mergeDirectory(
  known: { readonly certificates: readonly SignedCertificate[]; readonly revocations: SignedRevocationList | null },
  served: { readonly certificates: readonly SignedCertificate[]; readonly revocations: SignedRevocationList | null },
  root: Uint8Array,
  channelId: string,
): VerifiedDirectory {
  let rejected = 0;
  const byDevice = new Map(known.certificates.map((certificate) => [certificate.body.deviceId, certificate]));
  for (const certificate of served.certificates) {
    if (!verifyCertificate(certificate, root, channelId)) {
      rejected += 1;
      continue;
    }
    const previous = byDevice.get(certificate.body.deviceId);
    // A renewal replaces the certificate; an older one served again does not undo it.
    if (!previous || certificate.body.notAfter >= previous.body.notAfter) byDevice.set(certificate.body.deviceId, certificate);
  }
  let revocations = known.revocations;
  if (served.revocations) {
    if (!verifyRevocationList(served.revocations, root, channelId)) rejected += 1;
    else if (!revocations || served.revocations.body.number > revocations.body.number) revocations = served.revocations;
    else if (served.revocations.body.number < revocations.body.number) rejected += 1;
  }
  const certificates = [...byDevice.values()].sort((a, b) => (a.body.deviceId < b.body.deviceId ? -1 : 1));
  return { certificates, revocations, rejected };
}

export const revokedSet = (revocations: SignedRevocationList | null): ReadonlySet<string> =>
  new Set(revocations?.body.revoked.map((entry) => entry.deviceId) ?? []);

/** When a device was revoked, or null if it is not. */
export const revokedAt = (revocations: SignedRevocationList | null, deviceId: string): number | null =>
  revocations?.body.revoked.find((entry) => entry.deviceId === deviceId)?.revokedAt ?? null;

/** The devices an envelope for `posts` must be sealed to, now. */
export const sealingTargets = (
  directory: { readonly certificates: readonly SignedCertificate[]; readonly revocations: SignedRevocationList | null },
  posts: ReadonlySet<Post>,
  now: number,
): SignedCertificate[] => currentDevicesOf(directory.certificates, revokedSet(directory.revocations), posts, now);

export const statusOf = (
  certificate: SignedCertificate,
  directory: { readonly revocations: SignedRevocationList | null },
  now: number,
): ReturnType<typeof deviceStatus> => deviceStatus(certificate, revokedSet(directory.revocations), now);
