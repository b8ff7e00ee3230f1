// CPU profiles for a benchmark run, to see where the time goes instead of guessing: the Node side
// (the web host and core, in the benchmark's own process) through node:inspector, the page through
// Chromium's DevTools protocol. Only when BENCH_PROFILE names a folder; the figures are then slower.
import { promises as fs } from 'node:fs';
import { Session } from 'node:inspector';
import path from 'node:path';
import type { Page } from 'playwright-core';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
}

/** The folder to write profiles in, or null when profiling is off. */
export const profileDir = (): string | null => process.env.BENCH_PROFILE || null;

/** The functions with the most self time (ms), heaviest first: a profile read at a glance. */
export function topSelf(profile: CpuProfile, n = 20): string[] {
  const byId = new Map(profile.nodes.map((x) => [x.id, x]));
  const self = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    const node = byId.get(samples[i] as number);
    if (!node) continue;
    const f = node.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${path.basename(f.url)}:${f.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (deltas[i] ?? 0) / 1000);
  }
  return [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${v.toFixed(1).padStart(8)} ms  ${k}`);
}

async function save(dir: string, name: string, profile: CpuProfile): Promise<void> {
  await fs.mkdir(dir, { recursive: true });
  await fs.writeFile(path.join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
  process.stderr.write(`\n-- ${name}: top self time --\n${topSelf(profile).join('\n')}\n`);
}

/** Start profiling this process and the page; the returned function stops both and writes them. */
export async function startProfiles(page: Page, name: string): Promise<() => Promise<void>> {
  const dir = profileDir();
  if (!dir) return async () => undefined;
  const session = new Session();
  session.connect();
  const post = (method: string, params?: object) =>
    new Promise<unknown>((resolve, reject) => session.post(method, params ?? {}, (err, res) => (err ? reject(err) : resolve(res))));
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 200 });
  await post('Profiler.start');
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  return async () => {
    const node = (await post('Profiler.stop')) as { profile: CpuProfile };
    session.disconnect();
    const page = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
    await save(dir, `${name}-node`, node.profile);
    await save(dir, `${name}-page`, page.profile);
  };
}
