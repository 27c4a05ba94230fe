/**
 * Benchmark 1: post-to-post latency through the real relay, 1 KiB messages. The Israeli device composes (sign + seal),
 * submits; the relay checks, stores durably, appends to its Merkle log and delivers; the Syrian device's client
 * validates the frame, verifies the sender's signature and opens the envelope. One message at a time.
 * Baselines, same run, same count and discipline: the "same path through a bare ws forwarder with one fsync
 * per message" (forwarder-same-path.ts: identical endpoint work, the relay swapped for the forwarder), measured in
 * turns with the relay path; and, for information only, the forwarder carrying raw bytes (transport alone, compared
 * with the relay's submit->deliver).
 */
import { initCrypto } from '../../electron/common/crypto/sodium';
import { forwarderSamePath } from './baselines/forwarder-same-path';
import { forwarderLatencies } from './baselines/ws-forwarder';
import { bareRelayPath } from './lib/bare-relay-path';
import { measurePaths, type Phases } from './lib/post-to-post';
import type { Scope } from './lib/scope';
import { mean, percentile, round, summary } from './lib/stats';
import type { Benchmark, BenchResult } from './lib/types';

const WARMUP = 30;
const COUNT = 300;
/** The relay path and its baseline take turns in this many blocks of COUNT / BLOCKS messages each. */
const BLOCKS = 6;
const MESSAGE_BYTES = 1024;
/** 1 KiB of text, all ASCII so it is 1,024 bytes in UTF-8 too. */
const TEXT = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 .'.repeat(MESSAGE_BYTES / 64);

async function run(scope: Scope): Promise<BenchResult> {
  await initCrypto();
  const measured = await measurePaths([await bareRelayPath(scope), await forwarderSamePath(scope)], { text: TEXT, warmup: WARMUP, count: COUNT, blocks: BLOCKS });
  const [phases, same] = measured.phases as [Phases, Phases];
  const { envelopeBytes } = measured;
  const raw = await forwarderLatencies(scope, { warmup: WARMUP, count: COUNT, bytes: MESSAGE_BYTES });
  const p = (samples: number[], q: number) => percentile(samples, q);
  const samePath = 'same path, ws+fsync forwarder';
  const share = (of: Phases, samples: number[]) => `${Math.round((100 * mean(samples)) / mean(of.total))}%`;
  const byPhase = (of: Phases) =>
    `compose ${p(of.compose, 50).toFixed(3)} ms, carry ${p(of.transit, 50).toFixed(3)} ms, verify+open ${p(of.verifyOpen, 50).toFixed(3)} ms ` +
    `(share of mean total ${share(of, of.compose)} / ${share(of, of.transit)} / ${share(of, of.verifyOpen)})`;
  return {
    rows: [
      { metric: 'p50 post-to-post', value: p(phases.total, 50), unit: 'ms', baseline: { name: samePath, value: p(same.total, 50) }, target: { kind: 'at-most', ratio: 2 } },
      { metric: 'p99 post-to-post', value: p(phases.total, 99), unit: 'ms', baseline: { name: samePath, value: p(same.total, 99) }, target: null },
      // Informational: the relay's share alone against the forwarder moving raw bytes, nothing else.
      { metric: 'p50 submit->deliver only', value: p(phases.transit, 50), unit: 'ms', baseline: { name: 'raw bytes, ws+fsync forwarder', value: p(raw, 50) }, target: null },
    ],
    notes: [
      `${COUNT} messages per path after ${WARMUP} warm-up each, one at a time, the relay path and the same-path baseline taking turns in ${BLOCKS} blocks; 1 KiB plaintext = ${envelopeBytes}-byte envelope sealed to 3 devices (IL, SY, US desk)`,
      `relay path: compose (sign+seal) -> submit frame -> relay (checks, durable SQLite commit, Merkle append, signed checkpoint) -> deliver frame validated by the receiver's RelayClient -> verify + open`,
      `baseline "same path" (the target's): the same compose, RelayClient and verify + open code on an envelope of the same shape; the relay replaced by a ws server that appends each frame to a file, fsyncs it and forwards it verbatim (no parsing, no checks, no database)`,
      `baseline "raw bytes" (informational row): that forwarder carrying ${MESSAGE_BYTES} random bytes, no endpoint work; compared with the relay's submit->deliver only`,
      `relay p50 by phase: ${byPhase(phases)}`,
      `same-path baseline p50 by phase: ${byPhase(same)}`,
    ],
    details: {
      count: COUNT,
      warmup: WARMUP,
      messageBytes: MESSAGE_BYTES,
      envelopeBytes,
      relayMs: { total: summary(phases.total), compose: summary(phases.compose), transit: summary(phases.transit), verifyOpen: summary(phases.verifyOpen) },
      samePathMs: { total: summary(same.total), compose: summary(same.compose), transit: summary(same.transit), verifyOpen: summary(same.verifyOpen) },
      rawForwarderMs: summary(raw),
      transitRatioP50: round(p(phases.transit, 50) / p(raw, 50)),
    },
  };
}

export const relayLatency: Benchmark = {
  name: 'relay-latency',
  title: 'post-to-post latency over loopback, 1 KiB messages',
  budgetMs: 90_000,
  run,
};
