/**
 * `npm run test:security`: runs Electronegativity over the app's sources and fails on what verdict.ts says fails.
 *
 *   tsx test/security/electronegativity/scan.ts [--root DIR] [--dir PATH]... [--allow-list FILE]
 *
 * --dir defaults to electron/ and renderer/ (node_modules inside them is skipped; out/ and test/ are never scanned),
 * resolved against --root (default: the repo root). Files are reported, and matched against the allow-list, by their
 * path relative to --root; --root exists to try the scan on a throwaway app elsewhere (e.g. --root /tmp/bad-app).
 * Electronegativity (≈400 packages) lives in this folder's own package.json, apart from the app's dependencies, and is
 * installed here with `npm ci` the first time. Exit code: 0 passed, 1 failed, 2 could not run (bad allow-list, …).
 *
 * Why the programmatic API (the same run() the CLI calls) rather than reading the CLI's `-o` file: with `-o` the CLI
 * drops parse errors, so a file it could not parse would be skipped silently, and its SARIF has no severity. The API
 * returns both, and a file that was not scanned fails the scan. Electronegativity still writes its own CSV, the full
 * report, to test/artifacts/security/.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { decide, formatFinding, parseAllowList, SEVERITIES, type Finding, type ScanError, type Severity, type Verdict } from './verdict';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = path.resolve(HERE, '../../..');
const ARTIFACTS = path.join(REPO_ROOT, 'test/artifacts/security');
const REPORT = path.join(ARTIFACTS, 'electronegativity.csv');
const DEFAULT_DIRS = ['electron', 'renderer'];

/** What Electronegativity reads. .mts/.cts/.mjs/.cjs it would skip silently, so they are scanned under a .ts/.js name. */
const SCANNED = new Set(['.js', '.jsx', '.ts', '.tsx', '.html', '.htm']);
const RENAMED: Record<string, string> = { '.mts': '.ts', '.cts': '.ts', '.mjs': '.js', '.cjs': '.js' };
/** Inline `eng-disable` comments would hide findings from the allow-list's review: they are defused in the scanned copy. */
const INLINE_SUPPRESSION = /eng-disable/i;

class UsageError extends Error {}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { root: { type: 'string' }, dir: { type: 'string', multiple: true }, 'allow-list': { type: 'string' }, help: { type: 'boolean' } },
  });
  if (values.help) {
    console.log('usage: tsx test/security/electronegativity/scan.ts [--root DIR] [--dir PATH]... [--allow-list FILE]');
    return;
  }
  const root = path.resolve(values.root ?? REPO_ROOT);
  const dirs = (values.dir ?? DEFAULT_DIRS).map((d) => path.resolve(root, d));
  const allowListFile = path.resolve(values['allow-list'] ?? path.join(HERE, 'allow-list.json'));

  const allowList = parseAllowList(readJson(allowListFile));
  if (allowList.problems.length > 0) {
    throw new UsageError(`${display(allowListFile)} refused:\n${allowList.problems.map((p) => `  - ${p}`).join('\n')}`);
  }

  const electronVersion = pinnedElectronVersion();
  const version = ensureInstalled();
  const stage = stageSources(dirs, root);
  try {
    if (stage.files === 0) throw new UsageError(`no source files to scan in ${dirs.join(', ')}`);
    console.log(`electronegativity ${version}: scanning ${stage.files} files in ${dirs.map((d) => `${display(d, root)}/`).join(', ')} as Electron ${electronVersion}…`);
    const started = Date.now();
    const result = await runElectronegativity(stage.dir, electronVersion);
    const toRepoPath = (file: string): string => stage.origin.get(path.relative(stage.dir, path.resolve(stage.dir, file))) ?? file;
    const findings = result.issues.map((issue) => toFinding(issue, toRepoPath));
    const errors: ScanError[] = result.errors.map((e) => ({ file: toRepoPath(e.file), message: e.message, fatal: !e.tolerable }));

    const verdict = decide(findings, allowList.entries, errors);
    verdict.warnings.unshift(...stage.suppressions.map((s) => `${s}: inline "eng-disable" comment ignored; only allow-list.json can waive a finding`));
    printVerdict(verdict, (Date.now() - started) / 1000);
    process.exitCode = verdict.passed ? 0 : 1;
  } finally {
    rmSync(stage.dir, { recursive: true, force: true });
  }
}

/** The Electron version the app pins (root package.json), passed to Electronegativity like `-e 45.5.0`. */
function pinnedElectronVersion(): string {
  const pkg = readJson(path.join(REPO_ROOT, 'package.json')) as { devDependencies?: Record<string, string>; dependencies?: Record<string, string> };
  const version = pkg.devDependencies?.['electron'] ?? pkg.dependencies?.['electron'];
  if (!version || !/^\d+\.\d+\.\d+$/.test(version)) throw new UsageError(`root package.json must pin electron to an exact version (found ${version ?? 'none'})`);
  return version;
}

/** Installs this folder's package-lock.json with `npm ci` unless the pinned Electronegativity is already there. */
function ensureInstalled(): string {
  const wanted = (readJson(path.join(HERE, 'package.json')) as { dependencies: Record<string, string> }).dependencies['@doyensec/electronegativity'];
  if (!wanted) throw new UsageError(`${display(HERE)}/package.json does not depend on @doyensec/electronegativity`);
  const installedManifest = path.join(HERE, 'node_modules/@doyensec/electronegativity/package.json');
  const installed = (): string | undefined => (existsSync(installedManifest) ? (readJson(installedManifest) as { version: string }).version : undefined);
  if (installed() !== wanted) {
    console.log(`installing @doyensec/electronegativity ${wanted} into ${display(HERE)}/node_modules (npm ci)…`);
    // --ignore-scripts: nothing in the tree needs an install script (es5-ext's postinstall only prints a message).
    execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--ignore-scripts'], { cwd: HERE, stdio: 'inherit', shell: process.platform === 'win32' });
  }
  if (installed() !== wanted) throw new UsageError(`@doyensec/electronegativity ${wanted} is not installed in ${display(HERE)} after npm ci`);
  return wanted;
}

interface Stage {
  dir: string;
  files: number;
  /** Scanned path (relative to the stage) → path shown in the report (relative to --root when inside it). */
  origin: Map<string, string>;
  suppressions: string[];
}

/**
 * Copies the sources into one temporary tree, laid out as in the repo, so that one Electronegativity run sees the
 * main process, the preload and the renderer together (its global checks — CSP, navigation limits, permission
 * handler — look across all files) and nothing else (no node_modules, out/ or test/).
 */
function stageSources(dirs: readonly string[], root: string): Stage {
  const stage: Stage = { dir: mkdtempSync(path.join(os.tmpdir(), 'electronegativity-')), files: 0, origin: new Map(), suppressions: [] };
  for (const dir of dirs) {
    if (!existsSync(dir)) throw new UsageError(`--dir ${dir} does not exist`);
    for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
      const source = path.join(entry.parentPath, entry.name);
      if (!entry.isFile() || source.split(path.sep).includes('node_modules')) continue;
      const ext = path.extname(entry.name).toLowerCase();
      if (!SCANNED.has(ext) && !(ext in RENAMED)) continue;
      const shown = display(source, root);
      const scanned = (ext in RENAMED ? `${shown}${RENAMED[ext]}` : shown).replace(/^\/+/, '');
      const text = readFileSync(source, 'utf8');
      const suppressions = text.split('\n').flatMap((line, i) => (INLINE_SUPPRESSION.test(line) ? [`${shown}:${i + 1}`] : []));
      stage.suppressions.push(...suppressions);
      const target = path.join(stage.dir, scanned);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, suppressions.length > 0 ? text.replaceAll(new RegExp(INLINE_SUPPRESSION, 'gi'), 'eng-ignored') : text);
      stage.origin.set(path.normalize(scanned), shown);
      stage.files += 1;
    }
  }
  return stage;
}

interface EngIssue {
  id: string;
  file: string;
  location: { line: number; column: number };
  description: string;
  severity: { name: string };
  confidence: { name: string };
  manualReview: boolean;
}
interface EngResult {
  issues: EngIssue[];
  errors: { file: string; message: string; tolerable: boolean }[];
}

async function runElectronegativity(input: string, electronVersion: string): Promise<EngResult> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const require = createRequire(path.join(HERE, 'package.json'));
  const run = require('@doyensec/electronegativity') as (options: Record<string, unknown>) => Promise<EngResult>;
  return run({
    input,
    output: REPORT,
    isSarif: false,
    isRelative: true,
    electronVersionOverride: electronVersion,
    // It only reads the Electron version from a scanned package.json (there is none in the sources) and spends ~10 s
    // failing to download Electron's release list offline: it could never report anything here.
    excludeFromScan: ['availablesecurityfixesglobalcheck'],
    // TypeScript `accessor` fields need it; everything else of TS 5.9 parses with its defaults (see the README).
    parserPlugins: ['decoratorAutoAccessors'],
  });
}

function toFinding(issue: EngIssue, toRepoPath: (file: string) => string): Finding {
  const severity = issue.severity.name as Severity;
  if (!SEVERITIES.includes(severity)) throw new Error(`unexpected severity ${issue.severity.name} on ${issue.id}`);
  return {
    check: issue.id,
    severity,
    confidence: issue.confidence.name,
    file: issue.file === 'N/A' ? 'N/A' : toRepoPath(issue.file),
    line: issue.location.line,
    column: issue.location.column,
    description: issue.description,
    reviewRequired: issue.manualReview,
  };
}

function printVerdict(verdict: Verdict, seconds: number): void {
  for (const { finding, why } of verdict.failures) console.error(`FAIL  ${formatFinding(finding)}\n        → ${why}`);
  for (const error of verdict.unscanned) {
    console.error(`FAIL  ${error.file}: NOT SCANNED, Electronegativity could not parse/check it: ${error.message}\n        → ${unscannedHint(error.message)}`);
  }
  for (const { finding, entry } of verdict.allowListed) console.log(`ok    ${formatFinding(finding)}\n        → allow-listed: ${entry.reason}`);
  for (const finding of verdict.notes) console.log(`note  ${formatFinding(finding)}`);
  for (const warning of verdict.warnings) console.warn(`WARN  ${warning}`);

  const counts = SEVERITIES.map((s) => `${verdict.counts[s]} ${s}`).join(', ');
  const failed = verdict.failures.length + verdict.unscanned.length;
  console.log(
    `\nelectronegativity: ${counts}; ${verdict.allowListed.length} allow-listed; ${verdict.unscanned.length} file(s) not scanned; ` +
      `${verdict.warnings.length} warning(s) (${seconds.toFixed(1)} s)\nfull report: ${display(REPORT)}\n` +
      (verdict.passed ? 'security scan PASSED' : `security scan FAILED: ${failed} problem(s) above marked FAIL`),
  );
}

/** Electronegativity 1.10.3's known blind spots with this code base's TypeScript (see the README). */
function unscannedHint(message: string): string {
  if (message.includes('getVarInScope')) {
    return 'a webPreferences security option is set from a variable, which its TypeScript checks crash on: write the literal (e.g. contextIsolation: true)';
  }
  if (message.includes('parser plugin')) return 'enable the Babel parser plugin it names in parserPlugins (scan.ts), or rewrite the construct';
  return 'it parses .ts with JSX on, so a `<T>value` type assertion anywhere in the file derails it: write `value as T`; else rewrite the construct it rejects';
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`cannot read ${display(file)}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** A path relative to `root` when inside it, else absolute: how files are shown and matched in allow-list.json. */
function display(file: string, root = REPO_ROOT): string {
  const relative = path.relative(root, file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative.split(path.sep).join('/');
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) console.error(`security scan could not run: ${error.message}`);
  else console.error(error);
  process.exitCode = 2;
});
