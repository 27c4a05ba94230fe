/**
 * The checks on a submitted envelope that need no ordering: who sent it, and that its content key is
 * sealed to exactly the devices that must be able to read it — every current device of the desk, of each recipient
 * post and of the sender's own post, and no one else. (Sequence and chain are checked in log order by the writer.)
 */
import type { SignedCertificate } from '../common/protocol/certificates';
import { audienceOf, type Envelope } from '../common/protocol/envelope';
import type { ErrorCode } from '../common/protocol/frames';
import { MAX_ENVELOPE_BYTES } from '../common/protocol/limits';
import type { Directory } from './directory';

export interface Refusal {
  readonly code: ErrorCode;
  readonly message: string;
}

/**
 * The envelope is not too large and claims to be this device's own. Checked on every submission, resubmissions too;
 * the log writer then checks the signature (signature-verifier.ts) before anything else.
 */
export function checkSender(envelope: Envelope, size: number, sender: SignedCertificate): Refusal | null {
  const { header } = envelope;
  if (size > MAX_ENVELOPE_BYTES) return { code: 'envelope-too-large', message: `envelope is ${size} bytes; the limit is ${MAX_ENVELOPE_BYTES}` };
  if (header.sender !== sender.body.deviceId) return { code: 'sender-mismatch', message: 'envelope sender is not the authenticated device' };
  if (header.senderPost !== sender.body.post) return { code: 'sender-post-mismatch', message: `sender's certificate is for post ${sender.body.post}` };
  return null;
}

/** Sealed to every current device of the audience, and to no one else. Checked on envelopes the log does not hold yet. */
export function checkSealing(envelope: Envelope, directory: Directory, now: number): Refusal | null {
  const { header } = envelope;
  const audience = audienceOf(header);
  const required = directory.currentDevices(audience, now);
  const sealedTo = new Set(envelope.keys.map((k) => k.device));
  const allowed = new Set(required.map((c) => c.body.deviceId));
  const stranger = [...sealedTo].find((device) => !allowed.has(device));
  if (stranger) return { code: 'sealed-to-unknown-device', message: `sealed to ${stranger}, which is not a current device of the audience` };
  const desk = required.filter((c) => c.body.post === 'US');
  if (desk.length === 0 || desk.some((c) => !sealedTo.has(c.body.deviceId))) {
    return { code: 'not-sealed-to-desk', message: 'every envelope must be sealed to every current device of the U.S. desk' };
  }
  const missing = required.find((c) => !sealedTo.has(c.body.deviceId));
  if (missing) return { code: 'missing-recipient-device', message: `not sealed to ${missing.body.deviceId} (post ${missing.body.post})` };
  return null;
}
