/** PROTOCOL.md §12's test vectors, recomputed from the code: the document and the implementation agree. */
import { readFileSync } from 'node:fs';
import { beforeAll, expect, it } from 'vitest';
import { boxKeyPairFromSeed, initCrypto, sha256, signingKeyPairFromSeed, toBase64Url, toHex, utf8Encode } from '../../../../../electron/common/crypto/sodium';
import { checkpointOrigin, noteKeyId, openCheckpoint, signCheckpoint } from '../../../../../electron/common/merkle/checkpoint';
import { leafHash } from '../../../../../electron/common/merkle/merkle';
import { canonicalJson, signingInput } from '../../../../../electron/common/protocol/canonical-json';
import { DeviceCertificateBody, signCertificate, verifyCertificate } from '../../../../../electron/common/protocol/certificates';
import { channelIdFor, deviceIdFor, fingerprint } from '../../../../../electron/common/protocol/identity';

beforeAll(initCrypto);

const protocolDoc = readFileSync(new URL('../../../../../electron/common/protocol/PROTOCOL.md', import.meta.url), 'utf8');
interface Vectors {
  readonly [name: string]: unknown;
  readonly channelId: string;
  readonly leafData: string;
  readonly certificateSig: string;
  readonly checkpoint: string;
  readonly certificateBody: unknown;
}
const vectors = JSON.parse(/## 12\. Test vectors[\s\S]*?```json\n([\s\S]*?)\n```/.exec(protocolDoc)![1]!) as Vectors;

it('PROTOCOL.md test vectors match the implementation', () => {
  const seed = (byte: number) => new Uint8Array(32).fill(byte);
  const root = signingKeyPairFromSeed(seed(1));
  const sign = signingKeyPairFromSeed(seed(2));
  const box = boxKeyPairFromSeed(seed(3));
  const relay = signingKeyPairFromSeed(seed(4));
  const body = DeviceCertificateBody.parse(vectors.certificateBody);
  const origin = checkpointOrigin(vectors.channelId);
  const leaf = leafHash(utf8Encode(vectors.leafData));

  expect({
    rootPublicKey: toBase64Url(root.publicKey),
    channelId: channelIdFor(root.publicKey),
    deviceSignKey: toBase64Url(sign.publicKey),
    deviceBoxKey: toBase64Url(box.publicKey),
    deviceId: deviceIdFor(sign.publicKey),
    fingerprint: fingerprint(toBase64Url(sign.publicKey), toBase64Url(box.publicKey)),
    certificateCanonicalJson: canonicalJson(body),
    certificateSigningInputSha256: toHex(sha256(signingInput('device-certificate', body))),
    certificateSig: signCertificate(body, root.secretKey).sig,
    leafHash: toBase64Url(leaf),
    relayPublicKey: toBase64Url(relay.publicKey),
    checkpointKeyId: toHex(noteKeyId(origin, relay.publicKey)),
    checkpoint: signCheckpoint({ origin, size: 1, rootHash: leaf }, relay.secretKey, relay.publicKey),
  }).toEqual(Object.fromEntries(Object.entries(vectors).filter(([key]) => !['seeds', 'certificateBody', 'leafData'].includes(key))));

  expect(verifyCertificate({ body, sig: vectors.certificateSig }, root.publicKey, vectors.channelId)).toBe(true);
  expect(openCheckpoint(vectors.checkpoint, origin, relay.publicKey)).toEqual({ origin, size: 1, rootHash: leaf });
});
