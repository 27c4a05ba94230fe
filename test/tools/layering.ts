/**
 * The layering rules of DESIGN.md §6, checked on every import in the source tree:
 * - electron/common imports nothing outside itself: no Node built-in, no 'electron', no other folder of ours, and of
 *   npm packages only the environment-free ones listed in COMMON_PACKAGES;
 * - renderer/ imports no Node built-in, no 'electron', and of electron/ only electron/common;
 * - electron/relay imports no 'electron', and nothing from electron/main or electron/preload;
 * - electron/main imports no renderer, relay or preload code, except the relay's launcher (it spawns the relay as a
 *   process of its own for `npm start`);
 * - electron/preload (sandboxed: it cannot load modules at run time) imports only 'electron' and electron/common;
 * - electron/cli (command-line tools run with Node, such as `npm run qa`) imports only Node built-ins and
 *   electron/common: it is the same logic as the app's, never a second copy with its own dependencies;
 * - the renderer's UI thread (everything reachable by import from renderer/main.tsx; the core worker is started by
 *   URL, not imported) reaches no storage and no crypto: not Dexie, not libsodium, not the vault, the sync client or
 *   the channel code of renderer/core, not electron/common/crypto. It talks to the core worker only (§6).
 * Imports are read with TypeScript's own pre-processor, so `import`, `export ... from`, `import()` and `require()`
 * are all seen.
 */
import { builtinModules } from 'node:module';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** npm packages electron/common may use: pure ECMAScript, the same in Node, the browser and the worker. */
export const COMMON_PACKAGES: ReadonlySet<string> = new Set(['zod', 'libsodium-wrappers-sumo']);

export interface Violation {
  readonly file: string;
  readonly line: number;
  readonly specifier: string;
  readonly rule: string;
}

const SOURCE_EXTENSIONS = /\.(ts|tsx|mts|cts|js|mjs|cjs|jsx)$/;
const NODE_BUILTINS = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

type Layer = 'common' | 'renderer' | 'relay' | 'preload' | 'main' | 'cli';

function layerOf(relativePath: string): Layer | null {
  const normalized = relativePath.split(path.sep).join('/');
  for (const layer of ['common', 'relay', 'preload', 'main', 'cli'] as const) {
    if (normalized.startsWith(`electron/${layer}/`)) return layer;
  }
  return normalized.startsWith('renderer/') ? 'renderer' : null;
}

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

const isNodeBuiltin = (specifier: string) => specifier.startsWith('node:') || NODE_BUILTINS.has(packageName(specifier));
const isElectron = (specifier: string) => packageName(specifier) === 'electron';

/** The rule an import breaks, or null. `target` is the repo-relative path a relative import points at. */
function ruleBroken(layer: Layer, specifier: string, target: string | null): string | null {
  const targetLayer = target === null ? null : layerOf(target);
  const insideRepoTree = target !== null;
  switch (layer) {
    case 'common':
      if (insideRepoTree) return targetLayer === 'common' ? null : 'electron/common imports nothing outside itself';
      if (isNodeBuiltin(specifier)) return 'electron/common may not import Node built-ins';
      if (isElectron(specifier)) return "electron/common may not import 'electron'";
      return COMMON_PACKAGES.has(packageName(specifier)) ? null : 'electron/common may import only environment-free packages';
    case 'renderer':
      if (isNodeBuiltin(specifier)) return 'renderer/ may not import Node built-ins';
      if (isElectron(specifier)) return "renderer/ may not import 'electron'";
      if (targetLayer && targetLayer !== 'renderer' && targetLayer !== 'common') return 'renderer/ may import only electron/common from electron/';
      return null;
    case 'relay':
      if (isElectron(specifier)) return "electron/relay may not import 'electron'";
      if (targetLayer === 'main' || targetLayer === 'preload') return 'electron/relay may not import electron/main or electron/preload';
      return null;
    case 'preload':
      if (insideRepoTree) return targetLayer === 'preload' || targetLayer === 'common' ? null : 'electron/preload may import only electron/common';
      return isElectron(specifier) ? null : "electron/preload may import only 'electron'";
    case 'cli':
      if (insideRepoTree) return targetLayer === 'cli' || targetLayer === 'common' ? null : 'electron/cli may import only electron/common';
      return isNodeBuiltin(specifier) ? null : 'electron/cli may import only Node built-ins and electron/common';
    case 'main':
      // The launcher only starts the relay as a process of its own (the local relay of `npm start`): no relay code runs in main.
      if (target?.split(path.sep).join('/') === 'electron/relay/launcher.ts' || target?.split(path.sep).join('/') === 'electron/relay/launcher') return null;
      if (targetLayer === 'renderer' || targetLayer === 'relay' || targetLayer === 'preload') return 'electron/main may not import renderer, relay or preload code';
      return null;
  }
}

export function checkFile(root: string, relativePath: string, source: string): Violation[] {
  const layer = layerOf(relativePath);
  if (!layer) return [];
  const { importedFiles } = ts.preProcessFile(source, true, true);
  const violations: Violation[] = [];
  for (const imported of importedFiles) {
    const specifier = imported.fileName;
    const target = specifier.startsWith('.')
      ? path.relative(root, path.resolve(root, path.dirname(relativePath), specifier))
      : null;
    const rule = ruleBroken(layer, specifier, target);
    if (rule) {
      const line = source.slice(0, imported.pos).split('\n').length;
      violations.push({ file: relativePath, line, specifier, rule });
    }
  }
  return violations;
}

function* sourceFiles(root: string, directory: string): Generator<string> {
  for (const entry of readdirSync(path.join(root, directory))) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    const relative = path.join(directory, entry);
    if (statSync(path.join(root, relative)).isDirectory()) yield* sourceFiles(root, relative);
    else if (SOURCE_EXTENSIONS.test(entry) && !entry.endsWith('.d.ts')) yield relative;
  }
}

export function checkLayering(root: string): Violation[] {
  const violations: Violation[] = [];
  for (const top of ['electron', 'renderer']) {
    if (!existsSync(path.join(root, top))) continue;
    for (const file of sourceFiles(root, top)) violations.push(...checkFile(root, file, readFileSync(path.join(root, file), 'utf8')));
  }
  violations.push(...checkUiThread(root));
  return violations;
}

/** What the UI thread must never load (see the header). */
const UI_FORBIDDEN_PACKAGES: ReadonlySet<string> = new Set(['dexie', 'libsodium-wrappers-sumo']);
const UI_FORBIDDEN_PATHS = ['renderer/core/vault/', 'renderer/core/sync/', 'renderer/core/channel/', 'renderer/core/messages/', 'electron/common/crypto/'];
const UI_FORBIDDEN_FILES = new Set(['renderer/core/core.ts', 'renderer/core/worker.ts', 'renderer/core/alarms.ts']);
/** The vault's error codes are plain strings the UI translates: the one file of the vault it may load. */
const UI_ALLOWED_FILES = new Set(['renderer/core/vault/errors.ts']);

/** The modules a file loads at run time: `import type` and `export type` are erased and do not count. */
function runtimeImports(fileName: string, source: string): { specifier: string; line: number }[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, false, fileName.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: { specifier: string; line: number }[] = [];
  const add = (node: ts.Node, specifier: ts.Expression | undefined) => {
    if (specifier && ts.isStringLiteral(specifier)) found.push({ specifier: specifier.text, line: file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1 });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && !node.importClause?.isTypeOnly) add(node, node.moduleSpecifier);
    else if (ts.isExportDeclaration(node) && !node.isTypeOnly) add(node, node.moduleSpecifier);
    else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) add(node, node.arguments[0]);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}
const UI_ENTRY = 'renderer/main.tsx';

function resolveSource(root: string, fromFile: string, specifier: string): string | null {
  const base = path.join(path.dirname(fromFile), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')]) {
    const full = path.join(root, candidate);
    if (existsSync(full) && statSync(full).isFile()) return candidate.split(path.sep).join('/');
  }
  return null;
}

/** Walks the UI thread's import graph from its entry and reports every import that reaches storage or crypto. */
export function checkUiThread(root: string): Violation[] {
  if (!existsSync(path.join(root, UI_ENTRY))) return [];
  const violations: Violation[] = [];
  const seen = new Set<string>([UI_ENTRY]);
  const queue = [UI_ENTRY];
  while (queue.length > 0) {
    const file = queue.shift()!;
    for (const { specifier, line } of runtimeImports(file, readFileSync(path.join(root, file), 'utf8'))) {
      if (!specifier.startsWith('.')) {
        if (UI_FORBIDDEN_PACKAGES.has(packageName(specifier))) violations.push({ file, line, specifier, rule: `the UI thread may not load ${packageName(specifier)} (storage and crypto live in the core worker)` });
        continue;
      }
      const target = resolveSource(root, file, specifier);
      if (!target || !SOURCE_EXTENSIONS.test(target)) continue;
      if (!UI_ALLOWED_FILES.has(target) && (UI_FORBIDDEN_FILES.has(target) || UI_FORBIDDEN_PATHS.some((prefix) => target.startsWith(prefix)))) {
        violations.push({ file, line, specifier, rule: 'the UI thread may not load the vault, sync, channel or crypto code (it talks to the core worker)' });
        continue;
      }
      if (!seen.has(target)) {
        seen.add(target);
        queue.push(target);
      }
    }
  }
  return violations;
}

export function formatViolation(violation: Violation): string {
  return `${violation.file}:${violation.line}: imports '${violation.specifier}': ${violation.rule}`;
}
