// Peak memory of exporting and verifying a bundle, measured in a child process of its own (the
// bundle benchmark's own file, started with SCSA_BENCH_MEMORY_JOB set), so that the figure is not
// the benchmark's other work. Linux only (/proc/self/status, /proc/self/clear_refs).
import { spawn } from 'node:child_process';
import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import { promises as fs, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { exportBundle, verifyBundle } from '../../core/bundle';
import { generateKey, unlockKey } from '../../core/keys';
import type { AttachmentRef, Draft } from '../../core/draft/schema';
import { setLogSink } from '../../core/log';
import { bigPack, fullDraft } from './fixture';

export const MEMORY_JOB_ENV = 'SCSA_BENCH_MEMORY_JOB';

export interface MemoryJob {
  attachmentsDir: string;
  refs: AttachmentRef[];
  out: string;
}

export interface MemoryResult {
  /** Resident memory just before the operation (MiB). */
  exportBefore: number;
  /** Highest resident memory during the operation (MiB). */
  exportPeak: number;
  verifyBefore: number;
  verifyPeak: number;
  bundleBytes: number;
}

const MIB = 1024 * 1024;

function status(field: 'VmRSS' | 'VmHWM'): number {
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync('/proc/self/status', 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

/** Reset the peak (VmHWM) to the current resident size; false where the kernel does not allow it. */
function resetPeak(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

/** Peak resident memory while `work` runs (MiB), and what it was before. */
async function peakOf(work: () => Promise<unknown>): Promise<{ before: number; peak: number }> {
  (globalThis as { gc?: () => void }).gc?.();
  const before = status('VmRSS');
  const reset = resetPeak();
  await work();
  return { before, peak: reset ? status('VmHWM') : NaN };
}

/** Incompressible bytes, fast: an AES-256-CTR keystream over zeros, written in 1 MiB pieces. Returns its SHA-256. */
export async function writeIncompressible(file: string, size: number): Promise<string> {
  const cipher = createCipheriv('aes-256-ctr', randomBytes(32), randomBytes(16));
  const zeros = Buffer.alloc(MIB);
  const hash = createHash('sha256');
  const handle = await fs.open(file, 'w');
  try {
    for (let done = 0; done < size; done += MIB) {
      const chunk = cipher.update(zeros.subarray(0, Math.min(MIB, size - done)));
      hash.update(chunk);
      await handle.write(chunk);
    }
  } finally {
    await handle.close();
  }
  return hash.digest('hex');
}

/** The child's side: export, then verify, each with its own peak. Prints one JSON line. */
export async function memoryChild(job: MemoryJob): Promise<void> {
  setLogSink(null);
  const loaded = bigPack();
  const base = fullDraft(loaded, 'en', 'bench-bundle-memory');
  const evidence = loaded.pack.sections.flatMap((s) => s.items).find((i) => i.type === 'evidence');
  if (!evidence) throw new Error('the pack has no evidence item');
  const draft: Draft = { ...base, attachments: job.refs, answers: { ...base.answers, [evidence.id]: { files: job.refs.map((a) => a.sha256), links: [] } } };
  const pass = 'bench passphrase 2026';
  const signer = await unlockKey((await generateKey(pass, { scrypt: { N: 2 ** 14, r: 8, p: 1 } })).keyFile, pass);
  const renderPdf = async () => Buffer.from('%PDF-1.7\n% stand-in report for the bundle benchmark\n%%EOF\n');
  let file = '';
  const exported = await peakOf(async () => {
    file = (await exportBundle({ draft, pack: loaded.pack, attachmentPath: (sha) => path.join(job.attachmentsDir, sha), signer, submissionRevision: 1, renderPdf, out: job.out })).file;
  });
  let verdict = '';
  const verified = await peakOf(async () => {
    verdict = (await verifyBundle(file)).status;
  });
  if (verdict === 'invalid') throw new Error('the exported bundle does not verify');
  const bundleBytes = (await fs.stat(file)).size;
  await fs.rm(file);
  const result: MemoryResult = { exportBefore: exported.before, exportPeak: exported.peak, verifyBefore: verified.before, verifyPeak: verified.peak, bundleBytes };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

/** Run `memoryChild` in a fresh Node process started from `benchFile` (the built benchmark). */
export function runMemoryChild(benchFile: string, job: MemoryJob): Promise<MemoryResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', benchFile], { env: { ...process.env, [MEMORY_JOB_ENV]: JSON.stringify(job) }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err = (err + d).slice(-4000)));
    child.on('close', (code) => {
      const line = out.trim().split('\n').pop() ?? '';
      try {
        if (code !== 0) throw new Error(`exit ${code}`);
        resolve(JSON.parse(line) as MemoryResult);
      } catch (e) {
        reject(new Error(`memory child failed (${e instanceof Error ? e.message : String(e)}): ${err.trim().split('\n').pop() ?? ''}`));
      }
    });
  });
}
