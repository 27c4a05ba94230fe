/**
 * Who may speak on the channel: the certificates the root has signed and the latest revocation list, kept in memory
 * and in the store. Only objects that verify under the channel root are ever accepted.
 */
import {
  currentDevicesOf,
  deviceStatus,
  verifyCertificate,
  verifyRevocationList,
  type SignedCertificate,
  type SignedRevocationList,
} from '../common/protocol/certificates';
import type { ErrorCode } from '../common/protocol/frames';
import type { Post } from '../common/protocol/schemas';
import type { ChannelBinding } from './identity';
import type { RelayStore } from './store/relay-store';

export type DeviceState = 'current' | 'unknown' | 'not-yet-valid' | 'expired' | 'revoked';

export class Directory {
  private readonly certificates = new Map<string, SignedCertificate>();
  private revocations: SignedRevocationList | null;
  private revoked = new Set<string>();

  constructor(
    private readonly store: RelayStore,
    private readonly binding: ChannelBinding,
  ) {
    for (const certificate of store.listCertificates()) this.certificates.set(certificate.body.deviceId, certificate);
    this.revocations = store.getRevocationList();
    this.revoked = new Set(this.revocations?.body.revoked.map((entry) => entry.deviceId) ?? []);
  }

  certificate(deviceId: string): SignedCertificate | undefined {
    return this.certificates.get(deviceId);
  }

  state(deviceId: string, now: number): DeviceState {
    const certificate = this.certificates.get(deviceId);
    return certificate ? deviceStatus(certificate, this.revoked, now) : 'unknown';
  }

  /** Current devices whose post is one of `posts`. */
  currentDevices(posts: ReadonlySet<Post>, now: number): SignedCertificate[] {
    return currentDevicesOf(this.certificates.values(), this.revoked, posts, now);
  }

  all(): { certificates: SignedCertificate[]; revocations: SignedRevocationList | null } {
    return { certificates: [...this.certificates.values()], revocations: this.revocations };
  }

  publishCertificate(certificate: SignedCertificate): ErrorCode | null {
    if (!verifyCertificate(certificate, this.binding.rootPublicKey, this.binding.channelId)) return 'bad-certificate';
    this.store.putCertificate(certificate);
    this.store.deleteEnrolment(certificate.body.deviceId);
    this.certificates.set(certificate.body.deviceId, certificate);
    return null;
  }

  /** Accepts a newer list signed by the root; returns the devices it newly revokes, or an error code. */
  publishRevocations(list: SignedRevocationList): { newlyRevoked: string[] } | { error: ErrorCode } {
    if (!verifyRevocationList(list, this.binding.rootPublicKey, this.binding.channelId)) return { error: 'bad-certificate' };
    if (this.revocations && list.body.number <= this.revocations.body.number) return { error: 'stale-revocation-list' };
    const next = new Set(list.body.revoked.map((entry) => entry.deviceId));
    // A list can only add revocations: dropping a device from it would silently restore a revoked key.
    if ([...this.revoked].some((deviceId) => !next.has(deviceId))) return { error: 'stale-revocation-list' };
    this.store.putRevocationList(list);
    const newlyRevoked = [...next].filter((deviceId) => !this.revoked.has(deviceId));
    this.revocations = list;
    this.revoked = next;
    return { newlyRevoked };
  }
}
