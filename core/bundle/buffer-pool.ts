import fs from 'node:fs';
import { Readable } from 'node:stream';

/** Attachments are read in 1 MiB pieces: few reads, hash messages and writes, and bounded memory. */
export const CHUNK_BYTES = 1024 * 1024;
/** Free buffers kept at most; the ones in use are bounded by the streams' queues. */
const MAX_FREE = 16;

/**
 * Read buffers used again once written. Reading 200 MiB into fresh 1 MiB buffers makes V8 collect
 * garbage for "external memory pressure" every few dozen MiB (a full mark-compact of the heap each
 * time, on the thread that also hashes); recycling keeps that off the export. A buffer comes back
 * only through `release`, which the zip's file sink calls once the bytes are on their way to disk:
 * by then the CRC-32 and the hash have been computed (synchronously, or from a copy).
 */
export class BufferPool {
  private readonly free: Buffer[] = [];
  private readonly idle = new Set<ArrayBuffer>();
  private readonly mine = new WeakSet<ArrayBuffer>();

  take(): Buffer {
    const reused = this.free.pop();
    if (reused) {
      this.idle.delete(reused.buffer as ArrayBuffer);
      return reused;
    }
    const fresh = Buffer.allocUnsafeSlow(CHUNK_BYTES);
    this.mine.add(fresh.buffer as ArrayBuffer);
    return fresh;
  }

  /** `chunk` (or a view from the start of one of this pool's buffers) will not be read again. */
  release(chunk: Buffer): void {
    const memory = chunk.buffer as ArrayBuffer;
    if (chunk.byteOffset !== 0 || !this.mine.has(memory) || this.idle.has(memory) || this.free.length >= MAX_FREE) return;
    this.idle.add(memory);
    this.free.push(Buffer.from(memory, 0, CHUNK_BYTES));
  }
}

/** A file read from start to end in pooled 1 MiB buffers, two read ahead of the consumer. */
export class PooledReadStream extends Readable {
  private fd: number | null = null;
  private reading = false;
  private closeAfterRead: (() => void) | null = null;

  constructor(
    private readonly file: string,
    private readonly pool: BufferPool,
  ) {
    super({ highWaterMark: 2 * CHUNK_BYTES });
  }

  override _construct(callback: (err?: Error | null) => void): void {
    fs.open(this.file, 'r', (err, fd) => {
      if (err) return callback(err);
      this.fd = fd;
      callback();
    });
  }

  override _read(): void {
    const buffer = this.pool.take();
    this.reading = true;
    fs.read(this.fd as number, buffer, 0, CHUNK_BYTES, null, (err, bytes) => {
      this.reading = false;
      if (this.closeAfterRead) return this.closeAfterRead();
      if (this.destroyed) return;
      if (err) return void this.destroy(err);
      if (bytes === 0) this.pool.release(buffer);
      this.push(bytes === 0 ? null : bytes < CHUNK_BYTES ? buffer.subarray(0, bytes) : buffer);
    });
  }

  override _destroy(err: Error | null, callback: (err?: Error | null) => void): void {
    const close = (): void => {
      if (this.fd === null) return callback(err);
      const fd = this.fd;
      this.fd = null;
      fs.close(fd, (closeErr) => callback(err ?? closeErr));
    };
    // Never close the descriptor under a read still running on the thread pool.
    if (this.reading) this.closeAfterRead = close;
    else close();
  }
}
