import fs from 'node:fs';
import { Writable } from 'node:stream';

/** Queue up to this much before the producer is asked to wait: the producer hashes while the pool writes. */
const QUEUE_BYTES = 8 * 1024 * 1024;
/** Start flushing to disk after every this many bytes written. */
const SYNC_EVERY = 16 * 1024 * 1024;

export interface FileSinkOptions {
  /** Bytes between two background flushes (fdatasync); 0 turns them off. */
  syncEvery?: number;
  /** fsync once everything is written, before the stream finishes (default true); false only to measure its cost. */
  fsyncAtEnd?: boolean;
  /** Told of each chunk once it is written (the kernel has the bytes): its memory may be used again. */
  onWritten?: (chunk: Buffer) => void;
}

/** Write all of `buffers` at `position`, continuing after partial writes. */
function writeAll(fd: number, buffers: Buffer[], position: number, done: (err: Error | null, bytes: number) => void): void {
  let total = 0;
  const step = (rest: Buffer[], at: number): void => {
    if (rest.length === 0) return done(null, total);
    fs.writev(fd, rest, at, (err, n) => {
      if (err) return done(err, total);
      total += n;
      let skip = n;
      const left: Buffer[] = [];
      for (const b of rest) {
        if (skip >= b.length) skip -= b.length;
        else {
          left.push(skip > 0 ? b.subarray(skip) : b);
          skip = 0;
        }
      }
      step(left, at + n);
    });
  };
  step(buffers, position);
}

/**
 * A new file (created exclusively, rw-r--r--) written sequentially, built so that a big write costs
 * little more than hashing what goes into it: chunks queue (up to 8 MiB) and leave in one vectored
 * write each time the previous write is done, so the thread producing them never waits for the disk;
 * and every 16 MiB the file is flushed to disk (fdatasync) in the background while writing goes on, so
 * that the fsync at the end, before the stream finishes, has only the tail left to write instead of
 * the whole file. A write or flush failure (full disk) fails the stream.
 */
export class FileSink extends Writable {
  private fd: number | null = null;
  private position = 0;
  private flushedTo = 0;
  private flushing = false;
  private writing = false;
  private flushError: Error | null = null;
  private idleWaiters: (() => void)[] = [];
  private readonly syncEvery: number;
  private readonly fsyncAtEnd: boolean;
  private readonly onWritten: ((chunk: Buffer) => void) | undefined;

  constructor(
    private readonly file: string,
    options: FileSinkOptions = {},
  ) {
    super({ highWaterMark: QUEUE_BYTES });
    this.syncEvery = options.syncEvery ?? SYNC_EVERY;
    this.fsyncAtEnd = options.fsyncAtEnd ?? true;
    this.onWritten = options.onWritten;
  }

  override _construct(callback: (err?: Error | null) => void): void {
    fs.open(this.file, 'wx', 0o644, (err, fd) => {
      if (err) return callback(err);
      this.fd = fd;
      callback();
    });
  }

  override _write(chunk: Buffer, _enc: BufferEncoding, callback: (err?: Error | null) => void): void {
    this.writeBuffers([chunk], callback);
  }

  override _writev(chunks: { chunk: Buffer }[], callback: (err?: Error | null) => void): void {
    this.writeBuffers(
      chunks.map((c) => c.chunk),
      callback,
    );
  }

  private writeBuffers(buffers: Buffer[], callback: (err?: Error | null) => void): void {
    if (this.flushError) return callback(this.flushError);
    this.writing = true;
    writeAll(this.fd as number, buffers, this.position, (err, n) => {
      this.writing = false;
      this.position += n;
      if (!err && this.onWritten) for (const b of buffers) this.onWritten(b);
      this.maybeFlush();
      this.wake();
      callback(err);
    });
  }

  private maybeFlush(): void {
    if (this.destroyed || this.syncEvery <= 0 || this.flushing || this.position - this.flushedTo < this.syncEvery) return;
    const upTo = this.position;
    this.flushing = true;
    fs.fdatasync(this.fd as number, (err) => {
      this.flushing = false;
      if (err) this.flushError = err;
      else this.flushedTo = upTo;
      this.wake();
    });
  }

  private wake(): void {
    if (this.writing || this.flushing) return;
    for (const then of this.idleWaiters.splice(0)) then();
  }

  /** Calls `then` once no write or background flush is under way: the descriptor must not close under one. */
  private idle(then: () => void): void {
    if (this.writing || this.flushing) this.idleWaiters.push(then);
    else then();
  }

  override _final(callback: (err?: Error | null) => void): void {
    this.idle(() => {
      if (this.flushError || !this.fsyncAtEnd) return callback(this.flushError);
      this.flushing = true;
      fs.fsync(this.fd as number, (err) => {
        this.flushing = false;
        this.wake();
        callback(err);
      });
    });
  }

  override _destroy(err: Error | null, callback: (err?: Error | null) => void): void {
    this.idle(() => {
      if (this.fd === null) return callback(err);
      const fd = this.fd;
      this.fd = null;
      fs.close(fd, (closeErr) => callback(err ?? closeErr));
    });
  }
}
