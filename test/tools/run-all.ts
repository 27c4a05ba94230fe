/**
 * `npm test`: every check, in order — types, lint, layering, unit tests, build, end-to-end tests in Chromium, and the
 * Electron security scan. Each step runs even if an earlier one failed (except those that need the build), so one run
 * shows everything that is wrong; the exit code is non-zero if any step failed.
 */
import { spawnSync } from 'node:child_process';

interface Step {
  readonly name: string;
  readonly command: string;
  readonly needsBuild?: boolean;
}

const STEPS: readonly Step[] = [
  { name: 'types (one config per runtime)', command: 'npm run --silent typecheck' },
  { name: 'lint', command: 'npx eslint --max-warnings 0 .' },
  { name: 'layering', command: 'npx tsx test/tools/layering-cli.ts' },
  { name: 'unit', command: 'npx vitest run' },
  { name: 'build', command: 'npm run --silent build' },
  { name: 'end-to-end (Chromium)', command: 'npx playwright test', needsBuild: true },
  { name: 'security scan (electronegativity)', command: 'npx tsx test/security/electronegativity/scan.ts' },
];

const results: { name: string; outcome: 'passed' | 'failed' | 'not run'; seconds: number }[] = [];
for (const step of STEPS) {
  const buildFailed = results.some((r) => r.name === 'build' && r.outcome !== 'passed');
  if (step.needsBuild && buildFailed) {
    results.push({ name: step.name, outcome: 'not run', seconds: 0 });
    continue;
  }
  console.log(`\n=== ${step.name}: ${step.command}`);
  const started = Date.now();
  const { status } = spawnSync(step.command, { shell: true, stdio: 'inherit', env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' } });
  results.push({ name: step.name, outcome: status === 0 ? 'passed' : 'failed', seconds: (Date.now() - started) / 1000 });
}

console.log('\n=== summary');
for (const result of results) console.log(`${result.outcome.padEnd(8)} ${result.name} (${result.seconds.toFixed(1)} s)`);
const failed = results.filter((r) => r.outcome !== 'passed');
console.log(failed.length === 0 ? 'npm test: every step passed' : `npm test: ${failed.length} step(s) failed or did not run`);
process.exitCode = failed.length === 0 ? 0 : 1;
