/**
 * Benchmark 1: post-to-post latency through the real relay, 1 KiB messages. The Israeli device composes (sign + seal),
 * submits; the relay checks, stores durably, appends to its Merkle log and delivers; the Syrian device's client
 * validates the frame, verifies the sender's signature and opens the envelope. One message at a time.
 * Baseline: the bare ws + fsync forwarder, same count, same size, same one-at-a-time discipline.
 */
import { fromBase64Url, initCrypto } from '../../electron/common/crypto/sodium';
import { canonicalBytes } from '../../electron/common/protocol/canonical-json';
import { openEnvelope, verifyEnvelopeSignature } from '../../electron/common/protocol/envelope';
import type { RelayFrameOf } from '../../electron/common/protocol/frames';
import { accepted, compose } from '../support/channel';
import { RelayClient } from '../support/relay-client';
import { boundRelay } from '../support/relay-fixture';
import { forwarderLatencies } from './baselines/ws-forwarder';
import { stopRelay } from './lib/relay';
import type { Scope } from './lib/scope';
import { mean, percentile, round, summary } from './lib/stats';
import type { Benchmark, BenchResult } from './lib/types';

const WARMUP = 30;
const COUNT = 300;
const MESSAGE_BYTES = 1024;
/** 1 KiB of text, all ASCII so it is 1,024 bytes in UTF-8 too. */
const TEXT = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 .'.repeat(MESSAGE_BYTES / 64);

interface Phases {
  total: number[];
  compose: number[];
  /** From the submit leaving the sender to the deliver frame parsed at the receiver: the relay's share. */
  transit: number[];
  verifyOpen: number[];
}

async function relayLatencies(scope: Scope): Promise<{ phases: Phases; envelopeBytes: number }> {
  await initCrypto();
  const fixture = await boundRelay({ IL: 1, SY: 1, US: 1 }, { dataDir: scope.tempDir('bench-relay-latency-') });
  scope.defer(() => stopRelay(fixture.relay));
  const il = fixture.device('IL');
  const sy = fixture.device('SY');
  const sender = await RelayClient.connect(fixture.relay.url);
  const receiver = await RelayClient.connect(fixture.relay.url);
  scope.defer(() => (sender.terminate(), receiver.terminate()));
  await sender.authenticated(il);
  await receiver.authenticated(sy);
  // The receiver knows the sender's key from the directory before any message arrives.
  const senderKey = fromBase64Url(il.certificate.body.signKey);

  const phases: Phases = { total: [], compose: [], transit: [], verifyOpen: [] };
  let envelopeBytes = 0;
  for (let i = 0; i < WARMUP + COUNT; i += 1) {
    const from = receiver.frames.length;
    const t0 = performance.now();
    const envelope = compose(il, fixture.directory, { recipients: ['SY'], text: TEXT });
    const t1 = performance.now();
    const receipt = sender.request({ type: 'submit', envelope });
    const frame = (await receiver.waitFor((f) => f.type === 'deliver' && f.envelope.header.id === envelope.header.id, 10_000, from)) as RelayFrameOf<'deliver'>;
    const t2 = performance.now();
    if (!verifyEnvelopeSignature(frame.envelope, senderKey)) throw new Error(`message ${i}: signature does not verify at the receiver`);
    const plaintext = openEnvelope(frame.envelope, sy.deviceId, sy.box);
    const t3 = performance.now();
    if (plaintext?.length !== MESSAGE_BYTES) throw new Error(`message ${i}: the receiver could not open it`);
    // The receipt normally arrives with or before the delivery; waiting for it keeps the chain in step (untimed).
    const answer = await receipt;
    if (answer.type !== 'receipt') throw new Error(`message ${i}: relay answered ${JSON.stringify(answer).slice(0, 200)}`);
    accepted(il, envelope);
    if (i < WARMUP) continue;
    phases.total.push(t3 - t0);
    phases.compose.push(t1 - t0);
    phases.transit.push(t2 - t1);
    phases.verifyOpen.push(t3 - t2);
    envelopeBytes = canonicalBytes(envelope).length;
  }
  return { phases, envelopeBytes };
}

async function run(scope: Scope): Promise<BenchResult> {
  const { phases, envelopeBytes } = await relayLatencies(scope);
  const baseline = await forwarderLatencies(scope, { warmup: WARMUP, count: COUNT, bytes: MESSAGE_BYTES });
  const p = (samples: number[], q: number) => percentile(samples, q);
  const baselineName = 'ws+fsync forwarder';
  const share = (samples: number[]) => `${Math.round((100 * mean(samples)) / mean(phases.total))}%`;
  return {
    rows: [
      { metric: 'p50 post-to-post', value: p(phases.total, 50), unit: 'ms', baseline: { name: baselineName, value: p(baseline, 50) }, target: { kind: 'at-most', ratio: 2 } },
      { metric: 'p99 post-to-post', value: p(phases.total, 99), unit: 'ms', baseline: { name: baselineName, value: p(baseline, 99) }, target: null },
      // Not the figure: the relay's share alone (submit sent -> deliver parsed), to show where the ratio comes from.
      { metric: 'p50 submit->deliver only', value: p(phases.transit, 50), unit: 'ms', baseline: { name: baselineName, value: p(baseline, 50) }, target: null },
    ],
    notes: [
      `${COUNT} messages after ${WARMUP} warm-up, one at a time; 1 KiB plaintext = ${envelopeBytes}-byte envelope sealed to 3 devices (IL, SY, US desk); the baseline forwards 1,024 raw bytes`,
      `relay p50 by phase: compose (sign+seal) ${p(phases.compose, 50).toFixed(3)} ms, submit->deliver ${p(phases.transit, 50).toFixed(3)} ms, verify+open ${p(phases.verifyOpen, 50).toFixed(3)} ms`,
      `share of mean total: compose ${share(phases.compose)}, submit->deliver ${share(phases.transit)}, verify+open ${share(phases.verifyOpen)}`,
      `the target row is the issue's full path (endpoint crypto included); submit->deliver covers the client's send and frame validation plus everything the relay does`,
    ],
    details: {
      count: COUNT,
      warmup: WARMUP,
      messageBytes: MESSAGE_BYTES,
      envelopeBytes,
      relayMs: { total: summary(phases.total), compose: summary(phases.compose), transit: summary(phases.transit), verifyOpen: summary(phases.verifyOpen) },
      baselineMs: summary(baseline),
      transitRatioP50: round(p(phases.transit, 50) / p(baseline, 50)),
    },
  };
}

export const relayLatency: Benchmark = {
  name: 'relay-latency',
  title: 'post-to-post latency over loopback, 1 KiB messages',
  budgetMs: 60_000,
  run,
};
