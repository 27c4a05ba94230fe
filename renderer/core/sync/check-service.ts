/**
 * The check worker's side of check-protocol.ts: computes envelope facts (envelope-facts.ts) for the core worker. It
 * holds one secret, this device's box key pair, from the 'keys' message of an unlock until 'forget' (the lock), which
 * wipes it and ends the worker. It stores nothing and decides nothing: the core worker judges every envelope.
 */
import { initCrypto, wipe } from '../../../electron/common/crypto/sodium';
import type { CheckAnswer, CheckPort, CheckRequest } from './check-protocol';
import { envelopeFacts, type Opener } from './envelope-facts';

/** `end`: closes the worker once its keys are wiped. */
export function serveChecks(port: CheckPort, end: () => void): void {
  let opener: Opener | null = null;
  let forgotten = false;
  // Requests are handled one after another, once libsodium is ready (its WebAssembly loads asynchronously).
  let queue = initCrypto();
  const answer = (message: CheckAnswer, transfer: Transferable[] = []) => port.postMessage(message, transfer);

  const handle = (request: CheckRequest): void => {
    if (request.type === 'keys') {
      // Keys that arrive after the lock (they were queued behind libsodium's start) are wiped at once.
      if (forgotten) wipe(request.box.secretKey);
      else opener = { deviceId: request.deviceId, box: request.box };
    } else if (request.type === 'forget') {
      if (opener) wipe(opener.box.secretKey);
      opener = null;
      end();
    } else if (!opener || forgotten) {
      answer({ type: 'failed', id: request.id, message: 'no keys' });
    } else {
      const me = opener;
      const facts = request.envelopes.map((envelope) => envelopeFacts(envelope, request.signKeys.get(envelope.header.sender), me));
      // The bytes move to the core worker rather than being copied (each encoding has a buffer of its own).
      answer({ type: 'facts', id: request.id, facts }, [...new Set(facts.map((fact) => fact.bytes.buffer as ArrayBuffer))]);
    }
  };

  port.onmessage = (event) => {
    const request = event.data as CheckRequest;
    // Requests still queued when the lock comes are not computed: the wipe waits for nothing but the one running.
    if (request.type === 'forget') forgotten = true;
    queue = queue.then(() => handle(request)).catch((error: unknown) => {
      if (request.type === 'facts') answer({ type: 'failed', id: request.id, message: String(error) });
    });
  };
}
