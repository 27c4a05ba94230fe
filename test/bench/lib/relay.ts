/** Stopping a relay the benchmarks started: gracefully, and by SIGKILL if it does not exit within a few seconds. */
import type { RelayProcess } from '../../support/relay-process';
import { within } from './scope';

export async function stopRelay(relay: RelayProcess): Promise<void> {
  await within(relay.stop(), 5_000, 'relay stop').catch(() => relay.kill());
}
