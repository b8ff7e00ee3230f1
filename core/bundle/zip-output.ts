import { promises as fs } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Readable, Transform, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import { syncFolder } from '../fs/atomic';
import { useNativeCrc32 } from './native-crc32';
import { FileSink } from './file-sink';
import { useSharedHashPool } from './hash-worker';
import { BufferPool, PooledReadStream } from './buffer-pool';

/**
 * Opens the stream the zip is written to (it must write `tempFile`); tests inject one that fails
 * like a full disk. `onWritten`, if the stream calls it, lets read buffers be used again.
 */
export type OutputFactory = (tempFile: string, onWritten?: (chunk: Buffer) => void) => Writable;

export interface ZipWriter {
  /** Add bytes held in memory. */
  addBuffer(name: string, bytes: Buffer, compress: boolean): void;
  /**
   * Add a file from a stream opened only when the zip reaches it, hashing it on the way: each file
   * is read once. Resolves with its SHA-256 and size once it has gone into the zip.
   */
  addStream(name: string, open: () => Readable, compress: boolean, size?: number, onData?: (bytes: number) => void): Promise<{ sha256: string; size: number }>;
  /** Add a file from disk, read in recycled buffers; otherwise as `addStream`. */
  addFile(name: string, file: string, compress: boolean, size: number, onData?: (bytes: number) => void): Promise<{ sha256: string; size: number }>;
}

/** Regular file, rw-r--r--: extractors must never see anything but plain files. */
const FILE_MODE = 0o100644;

/**
 * Write a zip to `final` through a temp file in the same folder, then fsync, rename and fsync the
 * folder, so that a failure at any point (full disk, unreadable attachment, a throw in `build`)
 * leaves no file with the final name and no temp file behind. `build` adds the entries; the zip is ended for it.
 */
export async function writeZipAtomically(
  final: string,
  mtime: Date,
  build: (zip: ZipWriter) => Promise<void>,
  createOutput: OutputFactory = (file, onWritten) => new FileSink(file, onWritten ? { onWritten } : {}),
): Promise<number> {
  const dir = path.dirname(final);
  const temp = path.join(dir, `.${path.basename(final)}.${randomBytes(6).toString('hex')}.partial`);
  useNativeCrc32();
  const zip = new yazl.ZipFile();
  let failure: ((err: unknown) => void) | null = null;
  const failed = new Promise<never>((_, reject) => {
    failure = reject;
  });
  failed.catch(() => undefined);
  zip.on('error', (err: unknown) => failure?.(err));
  // Files opened for the zip, closed if the export fails before they are read to the end.
  const opened = new Set<Readable>();
  const { pool: hashes, done: doneHashing } = useSharedHashPool();
  let ok = false;
  const buffers = new BufferPool();

  const writer: ZipWriter = {
    addBuffer(name, bytes, compress) {
      zip.addBuffer(bytes, name, { compress, mtime, mode: FILE_MODE });
    },
    addStream(name, open, compress, size, onData) {
      return new Promise((resolve, reject) => {
        const options = size === undefined ? { compress, mtime, mode: FILE_MODE } : { compress, mtime, mode: FILE_MODE, size };
        zip.addReadStreamLazy(name, options, (cb) => {
          const hash = hashes.create();
          let bytes = 0;
          const meter = new Transform({
            transform(chunk: Buffer, _enc, done) {
              let room: Promise<void> | void;
              try {
                room = hash.update(chunk);
              } catch (err) {
                return done(err as Error);
              }
              bytes += chunk.length;
              onData?.(chunk.length);
              // Pass the chunk on at once; take the next only when the hash worker has room for it.
              if (room) room.then(() => done(null, chunk), done);
              else done(null, chunk);
            },
            flush(done) {
              // The zip does not need the SHA-256: let it go on to the next entry while the worker finishes.
              hash.digest().then(
                (sha256) => resolve({ sha256, size: bytes }),
                (err: unknown) => {
                  reject(err);
                  failure?.(err);
                },
              );
              done();
            },
          });
          // Errors reach the caller through `failure`; yazl does not listen on the streams it reads.
          meter.on('error', (err) => {
            reject(err);
            failure?.(err);
          });
          let source: Readable;
          try {
            source = open();
          } catch (err) {
            reject(err);
            failure?.(err);
            cb(null, Readable.from([]));
            return;
          }
          opened.add(source);
          source.on('close', () => opened.delete(source));
          source.on('error', (err) => {
            reject(err);
            failure?.(err);
            meter.destroy(err);
          });
          source.pipe(meter);
          cb(null, meter);
        });
      });
    },
    addFile(name, file, compress, size, onData) {
      return writer.addStream(name, () => new PooledReadStream(file, buffers), compress, size, onData);
    },
  };

  let written = 0;
  const out = createOutput(temp, (chunk) => buffers.release(chunk));
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      written += chunk.length;
      done(null, chunk);
    },
  });
  const piped = pipeline(zip.outputStream, counter, out);
  piped.catch((err: unknown) => failure?.(err));
  try {
    await Promise.race([build(writer), failed]);
    zip.end();
    await Promise.race([piped, failed]);
    // A FileSink has fsynced the file before finishing; any other output is synced here.
    if (!(out instanceof FileSink)) {
      const handle = await fs.open(temp, 'r+');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
    }
    await fs.rename(temp, final);
    ok = true;
  } catch (err) {
    (zip.outputStream as Readable).destroy();
    out.destroy();
    for (const source of opened) source.destroy();
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw err;
  } finally {
    await doneHashing(ok);
  }
  await syncFolder(dir);
  return written;
}
