/**
 * The bare relay round trip of one envelope, as relay-latency measures it: a relay of its own bound to a test channel
 * (test/support/relay-fixture.ts), two plain WebSocket clients (RelayClient) authenticated as an Israeli and a Syrian
 * device; the Israeli one composes (signs and seals) and submits, the Syrian one validates the deliver frame, verifies
 * and opens it (lib/post-to-post.ts). No vault, no worker, no UI: what an app's send-to-screen time is compared with.
 */
import { RelayClient } from '../../support/relay-client';
import { boundRelay } from '../../support/relay-fixture';
import { deliveryOf, type Path } from './post-to-post';
import { stopRelay } from './relay';
import type { Scope } from './scope';

/** An IL -> SY path through a fresh relay (call initCrypto first). */
export async function bareRelayPath(scope: Scope): Promise<Path> {
  const fixture = await boundRelay({ IL: 1, SY: 1, US: 1 }, { dataDir: scope.tempDir('bench-bare-relay-') });
  scope.defer(() => stopRelay(fixture.relay));
  const [il, sy] = [fixture.device('IL'), fixture.device('SY')];
  const sender = await RelayClient.connect(fixture.relay.url);
  const receiver = await RelayClient.connect(fixture.relay.url);
  scope.defer(() => (sender.terminate(), receiver.terminate()));
  await sender.authenticated(il);
  await receiver.authenticated(sy);
  return {
    carrier: {
      carry(envelope) {
        const from = receiver.frames.length;
        const receipt = sender.request({ type: 'submit', envelope });
        const settled = receipt.then((answer) => {
          if (answer.type !== 'receipt') throw new Error(`seq ${envelope.header.seq}: relay answered ${JSON.stringify(answer).slice(0, 200)}`);
        });
        return { delivered: deliveryOf(receiver, envelope.header.id, from), settled };
      },
    },
    sender: il,
    receiver: sy,
    directory: fixture.directory,
    recipients: ['SY'],
  };
}
