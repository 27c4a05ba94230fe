/**
 * The latency target's baseline: the relay path with the relay replaced by the bare ws + fsync forwarder. The same
 * endpoint work as relay-latency.ts (post-to-post.ts: compose at the sender, RelayClient validation, signature check
 * and opening at the receiver), the same devices and directory shape (sealed to IL, SY and the US desk); in between,
 * the forwarder appends each frame to a file, fsyncs it and passes it on verbatim. The sender writes the frame the
 * receiver expects from a relay (a deliver frame), so the receiver's client runs unchanged.
 */
import { createChannel, createDevice } from '../../support/channel';
import { RelayClient } from '../../support/relay-client';
import { deliveryOf, type Path } from '../lib/post-to-post';
import type { Scope } from '../lib/scope';
import { startForwarder } from './ws-forwarder';

export async function forwarderSamePath(scope: Scope): Promise<Path> {
  const port = await startForwarder(scope);
  // B first: the forwarder registers its receiver before A can send.
  const receiver = await RelayClient.connect(`ws://127.0.0.1:${port}/b`);
  const sender = await RelayClient.connect(`ws://127.0.0.1:${port}/a`);
  scope.defer(() => (sender.terminate(), receiver.terminate()));
  const channel = createChannel();
  const [il, sy, us] = [createDevice(channel, 'IL'), createDevice(channel, 'SY'), createDevice(channel, 'US')];
  let index = 0;
  return {
    carrier: {
      carry(envelope) {
        const from = receiver.frames.length;
        sender.send({ type: 'deliver', index: index++, envelope });
        return { delivered: deliveryOf(receiver, envelope.header.id, from), settled: Promise.resolve() };
      },
    },
    sender: il,
    receiver: sy,
    directory: [il.certificate, sy.certificate, us.certificate],
    recipients: ['SY'],
  };
}
