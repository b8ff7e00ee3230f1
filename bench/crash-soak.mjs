// The crash soak (issue 14.8; not part of `npm test`): a process saving a draft is SIGKILLed at random
// moments, 1,000 times by default, and each time the draft is opened and judged (bench/lib/crash-soak.ts).
// Usage: node bench/crash-soak.mjs [KILLS] [PARALLEL]      (defaults 1000 and 2)
// Exits 0 when no draft was lost or damaged, 1 otherwise. See docs/benchmarks.md.
import { build } from 'esbuild';
import { spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const work = path.join(here, '.work');
const [kills = '1000', parallel = '2'] = process.argv.slice(2);

await mkdir(work, { recursive: true });
const bundle = (entry, out) =>
  build({ entryPoints: [path.join(root, entry)], outfile: path.join(work, out), bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'error', absWorkingDir: root });
// The child is the crash test's own (test/unit/store/crash-child.ts): the soak is that test, 1,000 times over.
await bundle('test/unit/store/crash-child.ts', 'crash-child.cjs');
await bundle('bench/lib/crash-soak.ts', 'crash-soak.cjs');

process.stderr.write(`crash soak: ${kills} SIGKILLs, ${parallel} assessments at a time…\n`);
const child = spawn(process.execPath, [path.join(work, 'crash-soak.cjs'), path.join(work, 'crash-child.cjs'), kills, parallel], { stdio: ['ignore', 'pipe', 'inherit'] });
let out = '';
child.stdout.setEncoding('utf8');
child.stdout.on('data', (d) => (out += d));
const code = await new Promise((resolve) => child.on('exit', resolve));
if (code !== 0) process.exit(2);
const r = JSON.parse(out);
process.stdout.write(
  [
    `kills: ${r.kills} (${r.killsAfterAnAck} after at least one acknowledged save), acknowledged saves: ${r.acknowledgedSaves}, ${r.seconds} s`,
    `lost drafts: ${r.lost}, damaged drafts: ${r.damaged}`,
    ...r.problems.slice(0, 20).map((p) => `  ${p}`),
  ].join('\n') + '\n',
);
process.exit(r.lost === 0 && r.damaged === 0 && r.problems.length === 0 ? 0 : 1);
