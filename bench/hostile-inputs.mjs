// Time and peak memory of each hostile input of issue 14 (test/fixtures/hostile/corpus.ts), each in
// a fresh Node process: the table of the closing note. Not part of `npm test` or `npm run bench`.
// Usage: node bench/hostile-inputs.mjs        (prints a Markdown table; see docs/benchmarks.md)
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const outfile = path.join(here, '.work', 'hostile-inputs.cjs');
await mkdir(path.dirname(outfile), { recursive: true });
await build({ entryPoints: [path.join(here, 'lib/hostile-inputs.ts')], outfile, bundle: true, platform: 'node', format: 'cjs', target: 'node20', packages: 'external', logLevel: 'error', absWorkingDir: root });

const list = JSON.parse(spawnSync(process.execPath, [outfile, '--list'], { encoding: 'utf8' }).stdout);
const rows = ['| hostile input | outcome | time of the refusal | peak RSS with the input built | peak RSS after |', '|---|---|---|---|---|'];
for (const name of list) {
  const run = spawnSync(process.execPath, [outfile, name], { encoding: 'utf8', cwd: root, timeout: 300_000 });
  let r;
  try {
    r = JSON.parse(run.stdout);
  } catch {
    r = { outcome: `FAILED: ${(run.stderr || run.error?.message || '').split('\n')[0]}` };
  }
  const line = `| ${name} | ${r.outcome} | ${r.ms ?? '–'} ms | ${r.inputMb ?? '–'} MB | ${r.peakMb ?? '–'} MB |`;
  rows.push(line);
  process.stderr.write(`${line}\n`);
}
process.stdout.write(rows.join('\n') + '\n');
