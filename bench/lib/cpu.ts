// CPU time, which a busy shared machine disturbs far less than wall-clock time: this process's
// own (process.cpuUsage) and that of its child processes such as Chromium (Linux /proc).
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

export function selfCpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** utime + stime (+ the reaped children's cutime + cstime) of every descendant of this process, in ms; NaN without /proc. */
export function childrenCpuMs(): number {
  try {
    const parent = new Map<number, number>();
    const ticks = new Map<number, number>();
    for (const name of readdirSync('/proc')) {
      if (!/^\d+$/.test(name)) continue;
      let stat: string;
      try {
        stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      } catch {
        continue; // exited meanwhile
      }
      // Fields after the command name, which is in parentheses and may contain spaces.
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parent.set(Number(name), Number(f[1]));
      ticks.set(Number(name), Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]));
    }
    let total = 0;
    for (const [pid, t] of ticks) {
      for (let p = parent.get(pid); p !== undefined && p > 1; p = parent.get(p)) {
        if (p === process.pid) {
          total += t;
          break;
        }
      }
    }
    return (total * 1000) / TICKS_PER_SECOND;
  } catch {
    return NaN;
  }
}
