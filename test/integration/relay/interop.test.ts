/**
 * PROTOCOL.md is complete enough to build a client from: test/interop/independent-client.mjs was written from the
 * document alone (plain JavaScript, no code of this project, its own canonical JSON, Merkle and checkpoint code), and
 * must go through binding, enrolment, authentication, sealed envelopes, delivery, proofs and refusals against the real
 * relay.
 */
import { spawn } from 'node:child_process';
import { afterAll, expect, it } from 'vitest';
import { RelayProcess } from '../../support/relay-process';
import { repoRoot } from '../../support/vectors';

let relay: RelayProcess | undefined;
afterAll(async () => {
  await relay?.stop();
});

it('a client written from PROTOCOL.md alone interoperates with the relay', async () => {
  relay = await RelayProcess.start();
  const child = spawn(process.execPath, ['test/interop/independent-client.mjs', '--url', relay.url, '--token', relay.bindToken!], { cwd: repoRoot });
  let output = '';
  child.stdout.on('data', (chunk) => (output += String(chunk)));
  child.stderr.on('data', (chunk) => (output += String(chunk)));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  const steps = output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as { step: string; ok: boolean; detail: string });
  const failed = steps.filter((s) => !s.ok);
  expect(failed, output).toEqual([]);
  expect(code, output).toBe(0);
  expect(steps.map((s) => s.step)).toEqual(expect.arrayContaining(['bind', 'enrolment', 'authenticate', 'submit', 'deliver', 'consistency', 'negative-chain-fork']));
  console.log(`independent client: ${steps.length} steps passed`);
});
