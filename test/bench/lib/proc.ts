/**
 * Reading a relay process's memory and CPU time cheaply from /proc. RelayProcess does not expose the child's pid, but its command
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

/** CPU time the process has used so far, user and system, all threads, in milliseconds (10 ms resolution), or null. */
export function cpuMs(pid: number): number | null {
  try {
    // Fields after the command name (which may contain spaces): utime and stime are the 12th and 13th, in clock ticks.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * (1000 / CLOCK_TICKS_PER_SECOND);
  } catch {
    return null;
  }
}

/** USER_HZ, which Linux fixes at 100 for /proc on every architecture Node runs on. */
const CLOCK_TICKS_PER_SECOND = 100;
