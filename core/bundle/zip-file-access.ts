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

export class FileReader extends yauzl.RandomAccessReader {
  // yauzl's reference count (the file closes at zero), present at run time but missing from its types.
  declare ref: () => void;
  declare unref: () => void;

  constructor(readonly fd: number) {
    super();
  }

  override _readStreamForRange(start: number, end: number): Readable {
    return new RangeStream(this.fd, start, end);
  }

  override read(buffer: Buffer, offset: number, length: number, position: number, callback: (err: Error | null) => void): void {
    fs.read(this.fd, buffer, offset, length, position, (err, bytes) => callback(err ?? (bytes < length ? new Error('unexpected end of file') : null)));
  }

  override close(callback: (err: Error | null) => void): void {
    fs.close(this.fd, (err) => callback(err));
  }
}

/** How yauzl is asked to read every bundle: lazily, names left as bytes (checked by the caller), sizes enforced. */
export const ZIP_OPTIONS = { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true, strictFileNames: true };

/** Open a zip from a file through FileReader, so stored entries can later be read straight from it. */
export function fromFile(file: string): Promise<{ zip: ZipFile; reader: FileReader }> {
  return new Promise((resolve, reject) => {
    fs.open(file, 'r', (err, fd) => {
      if (err) return reject(err);
      fs.fstat(fd, (statErr, stat) => {
        if (statErr) return fs.close(fd, () => reject(statErr));
        const reader = new FileReader(fd);
        yauzl.fromRandomAccessReader(reader, stat.size, ZIP_OPTIONS, (zipErr, zip) => {
          // On failure yauzl has not taken the reader: close the file here.
          if (zipErr || !zip) return fs.close(fd, () => reject(zipErr ?? new Error('no zip')));
          resolve({ zip, reader });
        });
      });
    });
  });
}

function readAt(fd: number, buffer: Buffer, length: number, position: number): Promise<number> {
  return new Promise((resolve, reject) => fs.read(fd, buffer, 0, length, position, (err, bytes) => (err ? reject(err) : resolve(bytes))));
}

/**
 * A stored entry's bytes straight from the file: two reused buffers, the next piece read (thread
 * pool) while the caller hashes this one. Fresh buffers per piece, as a stream needs, cost page
 * faults and stream bookkeeping comparable to the hashing itself.
 */
export async function readStored(reader: FileReader, start: number, length: number, onChunk: (chunk: Buffer) => void): Promise<void> {
  const end = start + length;
  const buffers = [Buffer.allocUnsafe(Math.min(READ_CHUNK, length)), Buffer.allocUnsafe(Math.min(READ_CHUNK, length))] as const;
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
  }
}
