/**
 * Envelope signatures, verified in batches. Ed25519 verification is the relay's largest cost per envelope, and the
 * rest of its work (parsing, the store, deliveries) is on the main thread: so when many envelopes arrive together,
 * libuv's thread pool verifies them while the main thread goes on reading the next ones, and a busy relay uses every
 * core. A small batch — one message on a quiet channel — is verified here at once: a trip through the pool would only
 * add latency. Both use Node's native Ed25519, so the verdicts are the same either way.
 */
import { nativeEd25519PooledVerifier, nativeEd25519Verifier } from './native-ed25519';

export interface SignatureCheck {
  readonly signature: Uint8Array;
  readonly message: Uint8Array;
  readonly publicKey: Uint8Array;
}

/** Batches at least this large go to the thread pool. */
const POOL_BATCH = 8;

export class SignatureVerifier {
  private readonly here = nativeEd25519Verifier();
  private readonly pooled = nativeEd25519PooledVerifier();

  /** One verdict per check, in order: at once for a small batch, from the thread pool for a large one. */
  verifyAll(checks: readonly SignatureCheck[]): readonly boolean[] | Promise<readonly boolean[]> {
    if (checks.length < POOL_BATCH) return checks.map((check) => this.here(check.signature, check.message, check.publicKey));
    return Promise.all(checks.map((check) => this.pooled(check.signature, check.message, check.publicKey)));
  }
}
