/** A bound relay with a channel and certified devices, ready for a test to connect to. */
import type { SignedCertificate } from '../../electron/common/protocol/certificates';
import type { Post } from '../../electron/common/protocol/schemas';
import { bindFrame, createChannel, createDevice, type DeviceOptions, type TestChannel, type TestDevice } from './channel';
import { RelayClient } from './relay-client';
import { RelayProcess, type RelayOptions } from './relay-process';

/** Generous limits so tests measure behaviour, not the rate limiter (which has its own test). */
export const TEST_LIMITS = ['--submit-burst', '100000', '--submit-per-second', '100000', '--open-burst', '100000', '--open-per-minute', '100000'];

export async function bindRelay(relay: RelayProcess, channel: TestChannel): Promise<void> {
  const client = await RelayClient.connect(relay.url);
  const challenge = await client.challenge();
  await client.expectAnswer('bound', bindFrame(channel, relay.bindToken!, challenge.relay));
  await client.close();
}

export async function publish(relay: RelayProcess, certificates: readonly SignedCertificate[]): Promise<void> {
  const client = await RelayClient.connect(relay.url);
  for (const certificate of certificates) await client.expectAnswer('published', { type: 'publish-certificate', certificate });
  await client.close();
}

export interface Fixture {
  readonly relay: RelayProcess;
  readonly channel: TestChannel;
  readonly devices: TestDevice[];
  readonly directory: SignedCertificate[];
  device(post: Post, n?: number): TestDevice;
}

/** Starts a relay, binds it to a new channel, and certifies `perPost` devices for each post. */
export async function boundRelay(perPost: Partial<Record<Post, number>> = { IL: 1, SY: 1, US: 1 }, options: RelayOptions & { device?: DeviceOptions } = {}): Promise<Fixture> {
  const relay = await RelayProcess.start({ ...options, extraArgs: [...TEST_LIMITS, ...(options.extraArgs ?? [])] });
  const channel = createChannel();
  await bindRelay(relay, channel);
  const devices: TestDevice[] = [];
  for (const [post, count] of Object.entries(perPost) as [Post, number][]) {
    for (let i = 0; i < count; i += 1) devices.push(createDevice(channel, post, options.device));
  }
  const directory = devices.map((d) => d.certificate);
  await publish(relay, directory);
  return {
    relay,
    channel,
    devices,
    directory,
    device: (post, n = 0) => devices.filter((d) => d.post === post)[n]!,
  };
}
