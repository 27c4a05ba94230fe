import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkLayering } from '../../tools/layering';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** A scratch source tree with the given files, so each rule can be broken without touching the real one. */
function tree(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'layering-'));
  for (const [file, source] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), source);
  }
  return root;
}

const rulesBroken = (files: Record<string, string>) => checkLayering(tree(files)).map((v) => `${v.file}: ${v.specifier}`);

describe('layering check', () => {
  it('passes on the project as it is', () => {
    expect(checkLayering(repoRoot)).toEqual([]);
  });

  it('refuses electron/common importing Node, electron, another layer or an unlisted package', () => {
    expect(
      rulesBroken({
        'electron/common/a.ts': "import fs from 'node:fs';\nimport { app } from 'electron';\nimport x from '../main/x';\nimport react from 'react';\nimport { z } from 'zod';\nimport { b } from './b';",
        'electron/common/b.ts': 'export const b = 1;',
        'electron/main/x.ts': 'export default 1;',
      }),
    ).toEqual(['electron/common/a.ts: node:fs', 'electron/common/a.ts: electron', 'electron/common/a.ts: ../main/x', 'electron/common/a.ts: react']);
  });

  it('refuses the renderer importing electron, Node built-ins (with or without node:) or main code', () => {
    expect(
      rulesBroken({
        'renderer/ui/a.tsx': "import { ipcRenderer } from 'electron';\nimport path from 'path';\nconst fs = require('node:fs');\nimport('../../electron/main/index');\nimport { csp } from '../../electron/common/csp';",
      }),
    ).toEqual(['renderer/ui/a.tsx: electron', 'renderer/ui/a.tsx: path', 'renderer/ui/a.tsx: node:fs', 'renderer/ui/a.tsx: ../../electron/main/index']);
  });

  it('refuses the relay importing electron, main or preload', () => {
    expect(
      rulesBroken({
        'electron/relay/server.ts': "import 'electron';\nexport * from '../preload/index';\nimport { w } from '../main/window';\nimport ws from 'ws';\nimport { f } from '../common/frames';",
      }),
    ).toEqual(['electron/relay/server.ts: electron', 'electron/relay/server.ts: ../preload/index', 'electron/relay/server.ts: ../main/window']);
  });

  it('refuses a preload that imports anything but electron and electron/common', () => {
    expect(
      rulesBroken({ 'electron/preload/index.ts': "import { contextBridge } from 'electron';\nimport { z } from 'zod';\nimport { b } from '../common/ipc/bridge';" }),
    ).toEqual(['electron/preload/index.ts: zod']);
  });

  it('refuses a command-line tool that imports a package, electron or another layer than electron/common', () => {
    expect(
      rulesBroken({
        'electron/cli/qa.ts': "import { readFileSync } from 'node:fs';\nimport { z } from 'zod';\nimport 'electron';\nimport { r } from '../relay/server';\nimport { c } from '../common/translation/safety-checks';\nimport { h } from './helper';",
        'electron/cli/helper.ts': 'export const h = 1;',
      }),
    ).toEqual(['electron/cli/qa.ts: zod', 'electron/cli/qa.ts: electron', 'electron/cli/qa.ts: ../relay/server']);
  });

  it('refuses a UI thread that reaches storage or crypto, however indirectly, but not through type-only imports', () => {
    expect(
      rulesBroken({
        'renderer/main.tsx': "import { App } from './app/App';\nimport type { Vault } from './core/vault/vault';",
        'renderer/app/App.tsx': "import { helper } from './helper';\nimport { getCore } from '../core/client';",
        'renderer/app/helper.ts': "import { sha256 } from '../../electron/common/crypto/sodium';\nimport Dexie from 'dexie';",
        'renderer/core/client.ts': "export const getCore = () => null;",
        'renderer/core/worker.ts': "import { Vault } from './vault/vault';",
        'renderer/core/vault/vault.ts': "import Dexie from 'dexie';",
        'electron/common/crypto/sodium.ts': "import sodium from 'libsodium-wrappers-sumo';",
      }),
    ).toEqual(['renderer/app/helper.ts: ../../electron/common/crypto/sodium', 'renderer/app/helper.ts: dexie']);
  });
});
