// `npm run bench`: builds each benchmark (bench/*.bench.ts) with esbuild, runs it in its own Node
// process, prints its tables and rewrites bench/results.md. A benchmark whose code does not build
// yet (a missing module or export) or that reports a missing dependency is listed as skipped, so
// the run always completes. Usage: node bench/run.mjs [store|renderer|pdf|bundle|import|analysis|review|revisions ...] [--no-write] [--no-big]
import { build } from 'esbuild';
import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { machine, renderMarkdown, renderText } from './report.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
/** The heading from which bench/results.md is written by hand (docs/benchmarks.md): never rewritten here. */
const BY_HAND = '## Recorded by hand';
const root = path.resolve(here, '..');
// Inside the checkout so that the bundles resolve node_modules (pdfkit, playwright-core stay external).
const work = path.join(here, '.work');

const BENCHES = [
  { id: 'store', title: 'Draft store' },
  { id: 'renderer', title: 'Form in Chromium' },
  { id: 'pdf', title: 'PDF report vs Chromium page.pdf()' },
  { id: 'bundle', title: 'Signed bundle vs openssl dgst -sha256' },
  { id: 'import', title: 'Secretariat import vs openssl dgst -sha256' },
  { id: 'analysis', title: 'Secretariat report of 193 submissions' },
  { id: 'review', title: 'Review merge view and revision diff' },
  { id: 'revisions', title: 'Checklist revisions: preview, move, pack check' },
];

const args = process.argv.slice(2);
const write = !args.includes('--no-write');
const wanted = args.filter((a) => !a.startsWith('--'));
// --no-big: the bundle benchmark leaves out its memory run with 2 GiB of attachments (docs/benchmarks.md).
if (args.includes('--no-big')) process.env.SCSA_BENCH_BIG = '0';
const chosen = wanted.length > 0 ? BENCHES.filter((b) => wanted.includes(b.id)) : BENCHES;

async function bundle(id) {
  const outfile = path.join(work, `${id}.bench.cjs`);
  try {
    await build({
      entryPoints: [path.join(here, `${id}.bench.ts`)],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      packages: 'external',
      logLevel: 'silent',
      absWorkingDir: root,
    });
    return { outfile };
  } catch (err) {
    const first = err?.errors?.[0];
    const where = first?.location ? ` (${first.location.file}:${first.location.line})` : '';
    return { error: first ? `does not build yet: ${first.text}${where}` : `does not build: ${String(err)}` };
  }
}

function runChild(file, resultFile) {
  return new Promise((resolve) => {
    // The child's stdout (progress lines) goes to our stderr, live; its stderr is kept for a failure report.
    const child = spawn(process.execPath, [file, resultFile], { cwd: root, stdio: ['ignore', 2, 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (d) => {
      stderr = (stderr + d).slice(-64 * 1024);
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 30 * 60 * 1000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

async function runOne(bench) {
  process.stdout.write(`\n== ${bench.title} ==\n`);
  const built = await bundle(bench.id);
  if (built.error) return { id: bench.id, title: bench.title, tables: [], checks: [], notes: [], skipped: built.error };
  const resultFile = path.join(work, `${bench.id}.result.json`);
  await fs.rm(resultFile, { force: true });
  const started = Date.now();
  const load = os.loadavg()[0].toFixed(2);
  const { code, stderr } = await runChild(built.outfile, resultFile);
  try {
    const result = JSON.parse(await fs.readFile(resultFile, 'utf8'));
    result.seconds = (Date.now() - started) / 1000;
    result.load = load;
    if (result.failed && stderr) process.stderr.write(stderr);
    return result;
  } catch {
    process.stderr.write(stderr);
    const last = stderr.trim().split('\n').filter((l) => /Error|error:/.test(l))[0] ?? stderr.trim().split('\n').slice(-1)[0];
    return { id: bench.id, title: bench.title, tables: [], checks: [], notes: [], failed: `exited with ${code} and no result: ${last}` };
  }
}

await fs.mkdir(work, { recursive: true });
const info = await machine();
process.stdout.write(`${info.cpu}, ${info.cores} cores, ${info.memory}, Node ${info.node}, ${info.date}, load ${info.load}\n`);
const results = [];
for (const bench of chosen) {
  const result = await runOne(bench);
  results.push(result);
  process.stdout.write(renderText(result));
}
info.loadEnd = os.loadavg()[0].toFixed(2);
if (write && wanted.length === 0) {
  // The figures of the scripts run by hand (crash soak, hostile inputs) are kept as they were.
  const previous = await fs.readFile(path.join(here, 'results.md'), 'utf8').catch(() => '');
  const byHand = previous.indexOf(`\n${BY_HAND}`);
  await fs.writeFile(path.join(here, 'results.md'), renderMarkdown(info, results) + (byHand >= 0 ? previous.slice(byHand) : ''));
  process.stdout.write(`\nwrote bench/results.md\n`);
} else if (write) {
  process.stdout.write(`\n(bench/results.md is rewritten only by a full run)\n`);
}

