/** Reads `--profile NAME` (or `--profile=NAME`) from the command line; see electron/common/profile for the rules. */
import { DEFAULT_PROFILE, isProfileName } from '../common/profile';

export function profileFromArgv(argv: readonly string[]): string {
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index]!;
    const value = arg === '--profile' ? argv[index + 1] : arg.startsWith('--profile=') ? arg.slice('--profile='.length) : undefined;
    if (value === undefined) continue;
    if (!isProfileName(value)) {
      throw new Error(`--profile must be 1-64 letters, digits, '-' or '_'; got ${JSON.stringify(value)}`);
    }
    return value;
  }
  return DEFAULT_PROFILE;
}
