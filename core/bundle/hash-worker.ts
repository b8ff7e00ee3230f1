import { createHash, type Hash } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { createLogger } from '../log';

const log = createLogger('bundle-hash-worker');

/** The worker reads chunks from a ring of slots shared with it: memory stays bounded if it falls behind. */
const SLOT_BYTES = 1024 * 1024;
const SLOTS = 16;

/**
 * The worker's whole program, as text: bundlers (esbuild for the app, the CLI and the benchmarks)
 * then need no separate file. Node built-ins only. It hashes the slots it is told of, in order, per
 * stream id, hands each slot back, and answers a digest request with the hex SHA-256.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const ring = new Uint8Array(workerData.ring);
const hashes = new Map();
parentPort.on('message', (m) => {
  let h = hashes.get(m.id);
  if (!h) { h = createHash('sha256'); hashes.set(m.id, h); }
  if (m.length !== undefined) {
    h.update(ring.subarray(m.slot * ${SLOT_BYTES}, m.slot * ${SLOT_BYTES} + m.length));
    parentPort.postMessage({ slot: m.slot });
  } else {
    hashes.delete(m.id);
    parentPort.postMessage({ id: m.id, hex: h.digest('hex') });
  }
});
`;

/** One SHA-256 per stream, fed chunk by chunk. */
export interface StreamHash {
  /** Hash `chunk` next (its bytes are copied; it may be reused after); a promise means wait for it before the next. */
  update(chunk: Buffer): Promise<void> | void;
  digest(): Promise<string>;
}

/**
 * SHA-256 computed on a second thread, so that an export hashes attachments while the main thread
 * computes CRC-32s, moves bytes into the zip and writes: on two cores that is most of the hashing
 * time taken off the critical path. Chunks travel through a fixed ring of shared memory (16 × 1 MiB),
 * never as fresh shared buffers: those live until the worker's garbage collector runs, which an idle
 * worker hardly does. If no worker can be started, everything is hashed on the main thread.
 */
export class HashPool {
  private worker: Worker | null = null;
  private readonly ring = new SharedArrayBuffer(SLOT_BYTES * SLOTS);
  private readonly free: number[] = Array.from({ length: SLOTS }, (_, i) => i);
  private nextId = 1;
  private roomWaiters: (() => void)[] = [];
  private digests = new Map<number, { resolve: (hex: string) => void; reject: (err: Error) => void }>();
  private failure: Error | null = null;

  constructor() {
    try {
      this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { ring: this.ring } });
      this.worker.on('message', (m: { slot?: number; id?: number; hex?: string }) => this.onMessage(m));
      this.worker.on('error', (err) => this.fail(err));
      this.worker.on('exit', () => this.fail(new Error('hash worker stopped')));
    } catch (err) {
      log.warn('no hash worker; hashing on the main thread', err);
      this.worker = null;
    }
  }

  private onMessage(m: { slot?: number; id?: number; hex?: string }): void {
    if (m.slot !== undefined) {
      this.free.push(m.slot);
      this.roomWaiters.shift()?.();
      return;
    }
    const waiting = this.digests.get(m.id as number);
    this.digests.delete(m.id as number);
    waiting?.resolve(m.hex as string);
  }

  private fail(err: Error): void {
    if (this.failure) return;
    this.failure = err;
    this.worker = null;
    for (const waiting of this.digests.values()) waiting.reject(err);
    this.digests.clear();
    for (const wake of this.roomWaiters.splice(0)) wake();
  }

  /** A free slot of the ring, once there is one. */
  private slot(): Promise<number> | number {
    const free = this.free.pop();
    if (free !== undefined) return free;
    return new Promise<number>((resolve) => this.roomWaiters.push(() => resolve(this.free.pop() as number))).then((s) => {
      if (this.failure) throw this.failure;
      return s;
    });
  }

  /** Copy `chunk` into the ring, piece by piece, and have the worker hash it as part of stream `id`. */
  private async send(id: number, chunk: Buffer): Promise<void> {
    for (let at = 0; at < chunk.length; at += SLOT_BYTES) {
      const taken = this.slot();
      const slot = typeof taken === 'number' ? taken : await taken;
      const worker = this.worker;
      if (this.failure || !worker) throw this.failure ?? new Error('hash worker stopped');
      const piece = chunk.subarray(at, at + SLOT_BYTES);
      new Uint8Array(this.ring, slot * SLOT_BYTES, piece.length).set(piece);
      worker.postMessage({ id, slot, length: piece.length });
    }
  }

  /**
   * A new hash. Each `update` copies the chunk into the ring (a memory copy costs a small fraction
   * of hashing) and resolves once it is there; call the next only after it resolved.
   */
  create(): StreamHash {
    const id = this.nextId++;
    let local: Hash | null = null;
    return {
      update: (chunk) => {
        if (!this.worker && !this.failure) {
          (local ??= createHash('sha256')).update(chunk);
          return;
        }
        if (chunk.length <= SLOT_BYTES && this.free.length > 0 && this.worker && !this.failure) {
          const slot = this.free.pop() as number;
          new Uint8Array(this.ring, slot * SLOT_BYTES, chunk.length).set(chunk);
          this.worker.postMessage({ id, slot, length: chunk.length });
          return;
        }
        return this.send(id, chunk);
      },
      digest: () => {
        if (local || (!this.worker && !this.failure)) return Promise.resolve((local ?? createHash('sha256')).digest('hex'));
        if (this.failure || !this.worker) return Promise.reject(this.failure ?? new Error('hash worker stopped'));
        const worker = this.worker;
        return new Promise<string>((resolve, reject) => {
          this.digests.set(id, { resolve, reject });
          worker.postMessage({ id });
        });
      },
    };
  }

  /** Stop the worker; pending digests fail. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.fail(new Error('hash pool closed'));
    await worker?.terminate();
  }

  /** Whether the worker is running (a pool whose worker failed or was closed is not used again). */
  get alive(): boolean {
    return this.worker !== null && this.failure === null;
  }

  /** Keep the process alive for the worker while it is in use; let the process exit while it idles. */
  hold(holding: boolean): void {
    if (holding) this.worker?.ref();
    else this.worker?.unref();
  }
}

let shared: HashPool | null = null;
let users = 0;

/**
 * The hash pool exports share: a worker takes 30–50 ms of CPU and up to a few hundred ms on a busy
 * machine to start, so it is started once and kept, idle and not holding the process open, between
 * exports. `done(ok)` ends a use; after a failure the pool is closed (dropping whatever the worker
 * still held) and the next export starts a fresh one.
 */
/** Start the shared worker now, if it is not running, so that it is ready by the time hashing begins. */
export function warmSharedHashPool(): void {
  if (shared?.alive) return;
  shared = new HashPool();
  if (users === 0) shared.hold(false);
}

export function useSharedHashPool(): { pool: HashPool; done: (ok: boolean) => Promise<void> } {
  if (!shared?.alive) shared = new HashPool();
  const pool = shared;
  users++;
  pool.hold(true);
  let ended = false;
  return {
    pool,
    done: async (ok) => {
      if (ended) return;
      ended = true;
      users--;
      if (!ok) {
        if (shared === pool) shared = null;
        // Other exports still using it see their digests fail: rare (two exports at once, one failing).
        await pool.close();
        return;
      }
      if (users === 0) pool.hold(false);
    },
  };
}
