/**
 * `npm run bench [-- NAME ...]`: runs every benchmark, or those named, one after another (never in parallel: they
 * would share 2 cores and one disk), prints the table and notes, and writes test/artifacts/bench/bench.json.
 * Missing a target is a finding, not a failure: the exit code is non-zero only when a benchmark could not run.
 */
import { Scope, within } from './lib/scope';
import { describeMachine, formatNotes, formatTable, machine, writeJson, type Outcome } from './lib/report';
import type { Benchmark } from './lib/types';
import { inboxRender } from './inbox-render';
import { relayLatency } from './relay-latency';
import { relayThroughput } from './relay-throughput';
import { sendToBanner } from './send-to-banner';
import { translationChecks } from './translation-checks';
import { translationMemory } from './translation-memory';
import { vaultCatchUp } from './vault-catch-up';
import { vaultSearch } from './vault-search';
import { vaultUnlock } from './vault-unlock';

/** Every benchmark, in the order they run. A new benchmark is one module under test/bench/ and one line here. */
const BENCHMARKS: readonly Benchmark[] = [relayLatency, relayThroughput, vaultUnlock, vaultCatchUp, vaultSearch, inboxRender, sendToBanner, translationChecks, translationMemory];

const requested = process.argv.slice(2);
const unknown = requested.filter((name) => !BENCHMARKS.some((b) => b.name === name));
if (unknown.length > 0) {
  console.error(`unknown benchmark ${unknown.join(', ')}; known: ${BENCHMARKS.map((b) => b.name).join(', ')}`);
  process.exit(2);
}
const selected = requested.length > 0 ? BENCHMARKS.filter((b) => requested.includes(b.name)) : BENCHMARKS;

const startedAt = new Date();
const m = machine();
console.log(describeMachine(m));
const outcomes: Outcome[] = [];
for (const benchmark of selected) {
  console.log(`running ${benchmark.name}: ${benchmark.title} ...`);
  const scope = new Scope();
  const start = performance.now();
  try {
    const result = await within(benchmark.run(scope), benchmark.budgetMs, benchmark.name);
    outcomes.push({ name: benchmark.name, title: benchmark.title, seconds: (performance.now() - start) / 1000, result, error: null });
  } catch (error) {
    console.error(`${benchmark.name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    outcomes.push({ name: benchmark.name, title: benchmark.title, seconds: (performance.now() - start) / 1000, result: null, error: String(error) });
  } finally {
    await scope.close();
  }
}

console.log(`\n${describeMachine(m)}\n`);
console.log(formatTable(outcomes));
console.log(`\n${formatNotes(outcomes)}`);
console.log(`\nwritten to ${writeJson(outcomes, m, startedAt)}`);
// Anything a timed-out benchmark left pending must not keep the process alive.
process.exit(outcomes.some((o) => o.error !== null) ? 1 : 0);
