// The import crash soak (issue 12; not part of `npm test`): `scsa import` SIGKILLed at random moments,
// 200 times by default, each time the workspace opened and judged: the crash test
// test/unit/secretariat/kill.test.ts, which `npm test` runs with 30 kills, run here with more.
// Usage: node bench/import-crash-soak.mjs [KILLS]      (default 200). Exits 0 when every check held.
// Record the printed line by hand in bench/results.md, "Recorded by hand" (docs/benchmarks.md).
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const kills = Number(process.argv[2] ?? 200);
const dir = await mkdtemp(path.join(os.tmpdir(), 'scsa-import-soak-'));
const report = path.join(dir, 'report.json');
process.stderr.write(`import crash soak: ${kills} SIGKILLs of scsa import…\n`);
const vitest = path.join(root, 'node_modules', 'vitest', 'vitest.mjs');
const child = spawn(process.execPath, [vitest, 'run', 'test/unit/secretariat/kill.test.ts'], {
  cwd: root,
  env: { ...process.env, SCSA_IMPORT_KILLS: String(kills), SCSA_IMPORT_KILL_REPORT: report },
  stdio: ['ignore', 'inherit', 'inherit'],
});
const code = await new Promise((resolve) => child.on('exit', resolve));
const r = JSON.parse(await readFile(report, 'utf8').catch(() => 'null'));
await rm(dir, { recursive: true, force: true });
process.stdout.write(
  r
    ? `kills: ${r.kills} (of ${r.runs} runs; ${r.interruptions} left a copy in flight or an index behind), ${r.seconds} s; every check held: ${code === 0 ? 'yes' : 'NO'}\n`
    : 'the soak did not complete\n',
);
process.exit(code === 0 ? 0 : 1);
