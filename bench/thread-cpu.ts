import { readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // Linux's USER_HZ (`getconf CLK_TCK`)

/**
 * CPU time the process's main thread (the app's event loop; PGlite runs there too) has used,
 * in ms; NaN where /proc is missing. Divided by the requests served, it is the app's cost per
 * request, which (unlike req/s) barely moves with what else the shared machine is running.
 */
export function mainThreadCpuMs(): number {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return Number.NaN;
  }
}
