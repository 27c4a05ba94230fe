/**
 * The crypto floor of catch-up, in the page: the same envelopes the core worker just stored, read back from the vault
 * with this device's box key and the senders' signing keys (from the verified directory in the vault), then verified
 * (Ed25519), opened (sealed content key, XChaCha20-Poly1305) and decoded (payload schema) in one tight loop. Nothing
 * else: no relay, no storage, no chain or inclusion checks. Reading and parsing the envelopes is outside the clock.
 *
 * The loop runs PASSES times and the pass with the median time is the floor. One pass, taken just after a catch-up,
 * varied from 3.4 to 4.7 s between runs of the same build (the browser may still be writing the catch-up's data), and
 * the catch-up's ratio moved with it.
 */
import { fromBase64Url } from '../../../electron/common/crypto/sodium';
import { decodePayload } from '../../../electron/common/message/payload';
import { openEnvelope, verifyEnvelopeSignature } from '../../../electron/common/protocol/envelope';
import { readState } from '../../../renderer/core/channel/channel-state';
import { Vault } from '../../../renderer/core/vault';
import type { Envelope } from '../../../electron/common/protocol/envelope';
import type { FloorInput, FloorResult } from './bench-api';

const PASSES = 3;

type Pass = Omit<FloorResult, 'count' | 'passesMs'>;

/** One timed loop over every envelope: verify, open, decode. */
function pass(envelopes: readonly Envelope[], signKeys: ReadonlyMap<string, Uint8Array>, me: string, keyPair: { publicKey: Uint8Array; secretKey: Uint8Array }): Pass {
  let opened = 0;
  let verifyMs = 0;
  let openMs = 0;
  let decodeMs = 0;
  const start = performance.now();
  for (const envelope of envelopes) {
    const t0 = performance.now();
    const key = signKeys.get(envelope.header.sender);
    if (!key || !verifyEnvelopeSignature(envelope, key)) continue;
    const t1 = performance.now();
    const plaintext = openEnvelope(envelope, me, keyPair);
    const t2 = performance.now();
    if (plaintext && decodePayload(plaintext)) opened += 1;
    const t3 = performance.now();
    verifyMs += t1 - t0;
    openMs += t2 - t1;
    decodeMs += t3 - t2;
  }
  return { opened, ms: performance.now() - start, verifyMs, openMs, decodeMs };
}

export async function floor(input: FloorInput): Promise<FloorResult> {
  const vault = await Vault.open({ profile: input.profile });
  try {
    await vault.unlock(input.passphrase);
    const identity = await readState(vault, 'identity');
    const trust = await readState(vault, 'trust');
    const box = await vault.get('privateKeys', 'device-box');
    if (!identity || !trust || box.status !== 'found') throw new Error('the profile has no identity, directory or box key');
    const keyPair = { publicKey: box.record.publicKey, secretKey: box.record.secretKey };
    const signKeys = new Map(trust.directory.map((certificate) => [certificate.body.deviceId, fromBase64Url(certificate.body.signKey)]));
    const { records } = await vault.envelopesFrom(0, 1_000_000);
    const envelopes = records.map((stored) => stored.envelope).filter((envelope) => envelope.header.sender !== identity.deviceId);
    const passes: Pass[] = [];
    for (let i = 0; i < PASSES; i += 1) passes.push(pass(envelopes, signKeys, identity.deviceId, keyPair));
    const median = [...passes].sort((a, b) => a.ms - b.ms)[Math.floor(PASSES / 2)]!;
    return { count: envelopes.length, ...median, passesMs: passes.map((each) => each.ms) };
  } finally {
    vault.close();
  }
}
