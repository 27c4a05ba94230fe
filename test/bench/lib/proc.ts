/**
 * Reading a relay process's memory cheaply from /proc. RelayProcess does not expose the child's pid, but its command
 * line names the data dir, which each benchmark makes fresh — so the match is unambiguous. Linux only; elsewhere null.
 */
import { readdirSync, readFileSync } from 'node:fs';

export function pidByCommandLine(fragment: string): number | null {
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((entry) => /^\d+$/.test(entry));
  } catch {
    return null;
  }
  for (const entry of entries) {
    try {
      const argv = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (argv.includes(fragment) && argv.some((arg) => arg.endsWith('relay/cli.ts'))) return Number(entry);
    } catch {
      // the process ended while we looked
    }
  }
  return null;
}

/** Peak resident set size (VmHWM) in MiB, or null if it cannot be read. */
export function peakRssMiB(pid: number): number | null {
  try {
    const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}
