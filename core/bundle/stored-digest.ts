import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { createLogger } from '../log';
import { nativeCrc32Path } from './crc32';

const log = createLogger('bundle-stored-digest');

/** A stored entry at least this large is hashed on the worker; a smaller one is not worth the message. */
export const WORKER_MIN_BYTES = 4 * 1024 * 1024;
/** The worker tells the bytes it has hashed every this many bytes (a progress bar over one large attachment). */
const PROGRESS_EVERY = 8 * 1024 * 1024;

/**
 * The worker's whole program, as text (bundlers then need no separate file); Node built-ins only.
 * For each job it reads a range of an open file (the descriptor is the process's, shared with the
 * main thread, which keeps it open until the answer comes) with plain blocking reads into one
 * reused buffer, and computes the SHA-256 and the CRC-32 of the bytes in the same pass (crc32.ts's
 * native CRC-32 when the main thread found it, by its path).
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const { readSync } = require('node:fs');
let crc32 = require('node:zlib').crc32;
try {
  if (workerData.crcPath) crc32 = require(workerData.crcPath).crc32;
} catch {}
const buffer = Buffer.allocUnsafeSlow(1024 * 1024);
parentPort.on('message', (job) => {
  try {
    const hash = createHash('sha256');
    let crc = 0;
    let done = 0;
    let told = 0;
    while (done < job.length) {
      const want = Math.min(buffer.length, job.length - done);
      const got = readSync(job.fd, buffer, 0, want, job.start + done);
      if (got === 0) throw Object.assign(new Error('unexpected end of file'), { code: 'EOF' });
      const chunk = buffer.subarray(0, got);
      hash.update(chunk);
      crc = crc32(chunk, crc);
      done += got;
      if (done - told >= ${PROGRESS_EVERY} && done < job.length) {
        parentPort.postMessage({ id: job.id, progress: done - told });
        told = done;
      }
    }
    parentPort.postMessage({ id: job.id, sha256: hash.digest('hex'), crc: crc >>> 0, size: done, progress: done - told });
  } catch (err) {
    parentPort.postMessage({ id: job.id, error: String((err && err.code) || err) });
  }
});
`;

export interface StoredDigest {
  sha256: string;
  /** CRC-32 of the bytes, unsigned. */
  crc: number;
  size: number;
}

interface Pending {
  resolve: (d: StoredDigest) => void;
  reject: (err: Error) => void;
  onBytes: (n: number) => void;
}

interface Reply {
  id: number;
  progress?: number;
  sha256?: string;
  crc?: number;
  size?: number;
  error?: string;
}

interface Slot {
  worker: Worker;
  /** Jobs sent to this worker and not answered yet. */
  jobs: number;
}

/**
 * Up to two workers (never more than the machine's cores): openssl hashes on one core, and so would
 * a single worker, with the CRC-32 on top; two let a bundle's large attachments be hashed side by side.
 */
const POOL_SIZE = Math.max(1, Math.min(2, availableParallelism()));
const slots: Slot[] = [];
/** Set once a worker could not be started or failed: everything is then read on the main thread. */
let broken = false;
let nextId = 1;
const pending = new Map<number, Pending>();

function stop(err: Error): void {
  broken = true;
  for (const slot of slots.splice(0)) void slot.worker.terminate().catch(() => undefined);
  for (const p of pending.values()) p.reject(err);
  pending.clear();
}

function startSlot(): Slot | null {
  try {
    const w = new Worker(WORKER_SOURCE, { eval: true, workerData: { crcPath: nativeCrc32Path() } });
    const slot: Slot = { worker: w, jobs: 0 };
    w.on('message', (m: Reply) => {
      const p = pending.get(m.id);
      if (!p) return;
      if (m.progress) p.onBytes(m.progress);
      if (m.error !== undefined) p.reject(new Error(m.error));
      else if (m.sha256 === undefined) return;
      else p.resolve({ sha256: m.sha256, crc: m.crc as number, size: m.size as number });
      pending.delete(m.id);
      slot.jobs -= 1;
      // Idle, the worker must not keep the process (a command line run) alive.
      if (slot.jobs === 0) w.unref();
    });
    w.on('error', (err) => (log.warn('stored-digest worker failed', err), stop(err)));
    w.on('exit', () => !broken && stop(new Error('stored-digest worker stopped')));
    w.unref();
    slots.push(slot);
    return slot;
  } catch (err) {
    log.warn('no stored-digest worker; hashing on the main thread', err);
    broken = true;
    return null;
  }
}

/** The least busy worker, starting another while the pool is not full and every worker has work. */
function pick(): Slot | null {
  if (broken) return null;
  const idle = slots.find((s) => s.jobs === 0);
  if (idle) return idle;
  if (slots.length < POOL_SIZE) return startSlot();
  return slots.reduce((a, b) => (b.jobs < a.jobs ? b : a));
}

/**
 * SHA-256 and CRC-32 of `length` bytes at `start` of the open file `fd`, computed on a second
 * thread, so that the main thread meanwhile verifies the next bundle's signatures and small files;
 * null when no worker can run (the caller then reads on this thread). The caller must keep `fd`
 * open until the promise settles. `onBytes` is told the bytes hashed, a few times per entry.
 */
export function digestStored(fd: number, start: number, length: number, onBytes: (n: number) => void): Promise<StoredDigest> | null {
  const slot = pick();
  if (!slot) return null;
  const id = nextId++;
  return new Promise<StoredDigest>((resolve, reject) => {
    pending.set(id, { resolve, reject, onBytes });
    slot.jobs += 1;
    slot.worker.ref();
    slot.worker.postMessage({ id, fd, start, length });
  });
}
