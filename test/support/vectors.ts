/**
 * Outside test data lives in ../shared/vectors beside the checkout and is read in place. Where it is absent a test
 * prints why and skips — except under CI=true, where its absence is a failure.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const vectorsRoot = path.resolve(repoRoot, '../shared/vectors');

/** The path of a vectors file or folder, or null (with the reason printed) when it is not there. */
export function vectorPath(relative: string): string | null {
  const full = path.join(vectorsRoot, relative);
  if (existsSync(full)) return full;
  const reason = `test vectors not found at ${full} (../shared/vectors beside the checkout)`;
  if (process.env.CI === 'true') throw new Error(`${reason}: under CI=true they must be present`);
  console.warn(`skipping: ${reason}`);
  return null;
}
