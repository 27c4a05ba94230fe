/**
 * Where the Electron binary is, without triggering electron's download-on-first-use (which cannot work on machines
 * without internet). Returns the path, or why there is none.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export function findElectronBinary(): { path: string } | { missing: string } {
  const packageDir = path.resolve('node_modules/electron');
  const pathFile = path.join(packageDir, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : 'electron';
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const candidate = override ? path.join(override, executable) : path.join(packageDir, 'dist', executable);
  if (existsSync(candidate)) return { path: candidate };
  return {
    missing: override
      ? `ELECTRON_OVERRIDE_DIST_PATH is set but ${candidate} does not exist`
      : `no Electron binary at ${candidate}: electron@45 downloads it on first use, which this machine cannot do (set ELECTRON_OVERRIDE_DIST_PATH to a folder holding one)`,
  };
}
