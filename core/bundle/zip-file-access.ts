/**
 * Reading a bundle from a file on disk: yauzl's random-access reader over one descriptor, in 1 MiB
 * ranges, and stored entries read straight from the file into two reused buffers. The checks on
 * what is read are zip-reader.ts's.
 */
import yauzl, { type ZipFile } from 'yauzl';
import fs from 'node:fs';
import { Readable } from 'node:stream';

/** Read the zip in 1 MiB pieces (yauzl's own file reader uses 64 KiB): far fewer reads while hashing. */
const READ_CHUNK = 1024 * 1024;

/** A byte range of an open file; unlike fs.ReadStream it never closes the descriptor, which yauzl shares. */
class RangeStream extends Readable {
  constructor(
    private readonly fd: number,
    private position: number,
    private readonly end: number,
  ) {
    super({ highWaterMark: READ_CHUNK });
  }

  override _read(): void {
    const length = Math.min(READ_CHUNK, this.end - this.position);
    if (length <= 0) {
      this.push(null);
      return;
    }
    const buffer = Buffer.allocUnsafe(length);
    fs.read(this.fd, buffer, 0, length, this.position, (err, bytes) => {
      if (this.destroyed) return;
      if (err) return void this.destroy(err);
      if (bytes === 0) return void this.destroy(new Error('unexpected end of file'));
      this.position += bytes;
      this.push(bytes < length ? buffer.subarray(0, bytes) : buffer);
    });
  }
}

/** Reads up to this size (yauzl's headers, the end of the file) go through the header cache. */
const CACHED_READ_MAX = 128 * 1024;
/** A miss reads at least this much from where it starts: the central directory's entries follow one another. */
const BLOCK_BYTES = 64 * 1024;
const BLOCKS = 4;

export class FileReader extends yauzl.RandomAccessReader {
  // yauzl's reference count (the file closes at zero), present at run time but missing from its types.
  declare ref: () => void;
  declare unref: () => void;
  /**
   * The last few pieces read for yauzl: its central directory and local headers are tens of bytes
   * each, two reads per entry, and each read through the thread pool costs far more than the bytes
   * (a bundle's verification made about forty of them). One read of the file's end serves the whole
   * central directory, one near the start most local headers. Bytes read once are served from here,
   * so every check sees the same bytes.
   */
  private blocks: { start: number; bytes: Buffer }[] = [];

  constructor(
    readonly fd: number,
    readonly size: number,
    /** Read at once (see `fromFile`), not through the thread pool. */
    readonly sync = false,
  ) {
    super();
  }

  /** fs.read, or a read made at once with the same callback (never called before this returns). */
  private readInto(buffer: Buffer, offset: number, length: number, position: number, callback: (err: Error | null, bytes: number) => void): void {
    if (!this.sync) return void fs.read(this.fd, buffer, offset, length, position, (err, bytes) => callback(err, bytes));
    let bytes = 0;
    try {
      bytes = fs.readSync(this.fd, buffer, offset, length, position);
    } catch (err) {
      return void process.nextTick(callback, err as Error, 0);
    }
    process.nextTick(callback, null, bytes);
  }

  override _readStreamForRange(start: number, end: number): Readable {
    return new RangeStream(this.fd, start, end);
  }

  override read(buffer: Buffer, offset: number, length: number, position: number, callback: (err: Error | null, bytesRead?: number) => void): void {
    const hit = this.blocks.find((b) => position >= b.start && position + length <= b.start + b.bytes.length);
    if (hit) {
      hit.bytes.copy(buffer, offset, position - hit.start, position - hit.start + length);
      process.nextTick(callback, null, length);
      return;
    }
    const blockLength = Math.min(Math.max(length, BLOCK_BYTES), this.size - position);
    if (length > CACHED_READ_MAX || blockLength < length) {
      this.readInto(buffer, offset, length, position, (err, bytes) => callback(err ?? (bytes < length ? new Error('unexpected end of file') : null), bytes));
      return;
    }
    const block = Buffer.allocUnsafe(blockLength);
    this.readInto(block, 0, blockLength, position, (err, bytes) => {
      if (err) return callback(err);
      if (bytes < length) return callback(new Error('unexpected end of file'), bytes);
      this.blocks.unshift({ start: position, bytes: block.subarray(0, bytes) });
      this.blocks.length = Math.min(this.blocks.length, BLOCKS);
      block.copy(buffer, offset, 0, length);
      callback(null, length);
    });
  }

  override close(callback: (err: Error | null) => void): void {
    this.blocks = [];
    fs.close(this.fd, (err) => callback(err));
  }
}

/** How yauzl is asked to read every bundle: lazily, names left as bytes (checked by the caller), sizes enforced. */
export const ZIP_OPTIONS = { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true, strictFileNames: true };

/**
 * Open a zip from a file through FileReader, so stored entries can later be read straight from it.
 * With `sync`, the file is opened and read at once rather than through Node's thread pool: for a
 * copy an import has just written to the local disk (in memory still), each small read takes
 * microseconds, while a trip through the pool waits behind the import's copies and fsyncs, which
 * hold its threads for milliseconds. Never for a file on a slow or removable disk: the process would
 * wait with it.
 */
export function fromFile(file: string, sync = false): Promise<{ zip: ZipFile; reader: FileReader }> {
  const withReader = (fd: number, size: number, resolve: (r: { zip: ZipFile; reader: FileReader }) => void, reject: (err: Error) => void) => {
    const reader = new FileReader(fd, size, sync);
    yauzl.fromRandomAccessReader(reader, size, ZIP_OPTIONS, (zipErr, zip) => {
      // On failure yauzl has not taken the reader: close the file here.
      if (zipErr || !zip) return fs.close(fd, () => reject(zipErr ?? new Error('no zip')));
      resolve({ zip, reader });
    });
  };
  return new Promise((resolve, reject) => {
    if (sync) {
      let fd: number;
      try {
        fd = fs.openSync(file, 'r');
      } catch (err) {
        return reject(err as Error);
      }
      let size: number;
      try {
        size = fs.fstatSync(fd).size;
      } catch (err) {
        return fs.close(fd, () => reject(err as Error));
      }
      return withReader(fd, size, resolve, reject);
    }
    fs.open(file, 'r', (err, fd) => {
      if (err) return reject(err);
      fs.fstat(fd, (statErr, stat) => {
        if (statErr) return fs.close(fd, () => reject(statErr));
        withReader(fd, stat.size, resolve, reject);
      });
    });
  });
}

/** `length` bytes at `position` (a small entry's compressed bytes), through the header cache: they mostly follow their header. */
export async function readRange(reader: FileReader, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.allocUnsafe(length);
  if (length === 0) return buffer;
  reader.ref();
  try {
    await new Promise<void>((resolve, reject) => reader.read(buffer, 0, length, position, (err) => (err ? reject(err) : resolve())));
  } finally {
    reader.unref();
  }
  return buffer;
}

/**
 * Read buffers used again from one entry to the next: fresh 1 MiB buffers for every stored entry
 * of every bundle of an import make V8 collect garbage for "external memory" every few bundles.
 * A buffer comes back only once readStored is done with it (no read in flight, no chunk handed out).
 */
const spare: Buffer[] = [];
const takeBuffer = (): Buffer => spare.pop() ?? Buffer.allocUnsafeSlow(READ_CHUNK);
const giveBack = (b: Buffer): void => void (spare.length < 4 && spare.push(b));

function readAt(fd: number, buffer: Buffer, length: number, position: number): Promise<number> {
  return new Promise((resolve, reject) => fs.read(fd, buffer, 0, length, position, (err, bytes) => (err ? reject(err) : resolve(bytes))));
}

/**
 * A stored entry's bytes straight from the file: two reused buffers, the next piece read (thread
 * pool) while the caller hashes this one. Fresh buffers per piece, as a stream needs, cost page
 * faults and stream bookkeeping comparable to the hashing itself.
 */
export async function readStored(reader: FileReader, start: number, length: number, onChunk: (chunk: Buffer) => void): Promise<void> {
  if (reader.sync) return readStoredAtOnce(reader, start, length, onChunk);
  const end = start + length;
  const buffers = [takeBuffer(), takeBuffer()] as const;
  let position = start;
  let turn = 0;
  const next = (): Promise<number> | null => (position < end ? readAt(reader.fd, buffers[turn % 2] as Buffer, Math.min(READ_CHUNK, end - position), position) : null);
  // Keeps the descriptor open (yauzl's reference count) while a read may be in flight.
  reader.ref();
  let pending = next();
  try {
    while (pending) {
      const bytes = await pending;
      pending = null;
      if (bytes === 0) throw new Error('unexpected end of file');
      const chunk = (buffers[turn % 2] as Buffer).subarray(0, bytes);
      position += bytes;
      turn += 1;
      pending = next();
      onChunk(chunk);
    }
  } finally {
    if (pending) await pending.catch(() => 0);
    reader.unref();
    for (const b of buffers) giveBack(b);
  }
}

/** readStored for a reader that reads at once: one reused buffer, each piece handed on as it is read. */
function readStoredAtOnce(reader: FileReader, start: number, length: number, onChunk: (chunk: Buffer) => void): void {
  const buffer = takeBuffer();
  try {
    for (let done = 0; done < length; ) {
      const bytes = fs.readSync(reader.fd, buffer, 0, Math.min(READ_CHUNK, length - done), start + done);
      if (bytes === 0) throw new Error('unexpected end of file');
      done += bytes;
      onChunk(buffer.subarray(0, bytes));
    }
  } finally {
    giveBack(buffer);
  }
}
