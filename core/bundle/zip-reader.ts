import yauzl, { type Entry, type LocalFileHeader, type ZipFile } from 'yauzl';
import fs from 'node:fs';
import { Readable } from 'node:stream';
import { BundleInvalid } from './reasons';

/** Limits that keep a hostile zip from exhausting memory, disk or time. */
export interface ZipLimits {
  maxEntries: number;
  maxTotalBytes: number;
  maxEntryBytes: number;
  /** Ratio uncompressed/compressed above which an entry larger than `ratioFloorBytes` is refused. */
  maxRatio: number;
  ratioFloorBytes: number;
}

export const DEFAULT_LIMITS: ZipLimits = {
  maxEntries: 20_000,
  maxTotalBytes: 8 * 1024 ** 3,
  maxEntryBytes: 4 * 1024 ** 3,
  maxRatio: 200,
  ratioFloorBytes: 1024 * 1024,
};

/** One file of the bag, by its path inside the top folder. */
export interface BagFile {
  path: string;
  size: number;
  entry: Entry;
}

export interface OpenedBag {
  zip: ZipFile;
  /** The file behind `zip` when the bag was opened from a path: stored entries are read from it directly. */
  reader: FileReader | null;
  top: string;
  /** Files by path relative to the top folder; directory entries are not listed. */
  files: Map<string, BagFile>;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const S_IFMT = 0o170000;
const [S_IFREG, S_IFDIR, S_IFLNK] = [0o100000, 0o040000, 0o120000];
const UNICODE_PATH_EXTRA = 0x7075;

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

class FileReader extends yauzl.RandomAccessReader {
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

const OPTIONS = { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true, strictFileNames: true };

function fromFile(file: string): Promise<{ zip: ZipFile; reader: FileReader }> {
  return new Promise((resolve, reject) => {
    fs.open(file, 'r', (err, fd) => {
      if (err) return reject(err);
      fs.fstat(fd, (statErr, stat) => {
        if (statErr) return fs.close(fd, () => reject(statErr));
        const reader = new FileReader(fd);
        yauzl.fromRandomAccessReader(reader, stat.size, OPTIONS, (zipErr, zip) => {
          // On failure yauzl has not taken the reader: close the file here.
          if (zipErr || !zip) return fs.close(fd, () => reject(zipErr ?? new Error('no zip')));
          resolve({ zip, reader });
        });
      });
    });
  });
}

function open(source: string | Buffer): Promise<{ zip: ZipFile; reader: FileReader | null }> {
  if (typeof source === 'string') return fromFile(source);
  return new Promise((resolve, reject) =>
    yauzl.fromBuffer(source, OPTIONS, (err, zip) => (err || !zip ? reject(err ?? new Error('no zip')) : resolve({ zip, reader: null }))),
  );
}

function nextEntry(zip: ZipFile): Promise<Entry | null> {
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      zip.removeListener('entry', onEntry);
      zip.removeListener('end', onEnd);
      zip.removeListener('error', onError);
    };
    const onEntry = (e: Entry) => (cleanup(), resolve(e));
    const onEnd = () => (cleanup(), resolve(null));
    const onError = (err: Error) => (cleanup(), reject(err));
    zip.on('entry', onEntry);
    zip.on('end', onEnd);
    zip.on('error', onError);
    zip.readEntry();
  });
}

/** The entry's name as text; refuses non-UTF-8 names, control characters and unsafe paths. */
function checkedName(entry: Entry): string {
  const raw = entry.fileName as unknown as Buffer;
  let name: string;
  try {
    name = utf8.decode(raw);
  } catch {
    throw new BundleInvalid('badName', { path: raw.toString('latin1').slice(0, 120) });
  }
  // Some tools show the Info-ZIP Unicode path field instead of the name: two names for one entry.
  if (entry.extraFields.some((f) => f.id === UNICODE_PATH_EXTRA)) throw new BundleInvalid('badName', { path: name });
  if (/[\u0000-\u001f\u007f]/.test(name)) throw new BundleInvalid('badName', { path: name.replace(/[\u0000-\u001f\u007f]/g, '?') });
  if (name.includes('\\')) throw new BundleInvalid('unsafePath', { path: name });
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) throw new BundleInvalid('unsafePath', { path: name });
  const parts = name.replace(/\/$/, '').split('/');
  if (parts.some((p) => p === '' || p === '.' || p === '..')) throw new BundleInvalid('unsafePath', { path: name });
  // Names Windows cannot create, or silently changes (trailing dot or space), would extract as other files there.
  if (/[<>:"|?*]/.test(name) || parts.some((p) => /[. ]$/.test(p))) throw new BundleInvalid('unsafePath', { path: name });
  return name;
}

function checkKind(entry: Entry, name: string): 'file' | 'dir' {
  const mode = (entry.externalFileAttributes >>> 16) & 0xffff;
  const type = mode & S_IFMT;
  if (type === S_IFLNK) throw new BundleInvalid('symlink', { path: name });
  const isDir = name.endsWith('/');
  if (type !== 0 && type !== (isDir ? S_IFDIR : S_IFREG)) throw new BundleInvalid('specialFile', { path: name });
  if ((entry.generalPurposeBitFlag & 0x1) !== 0) throw new BundleInvalid('unsupportedEntry', { path: name });
  if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) throw new BundleInvalid('unsupportedEntry', { path: name });
  if (isDir && entry.uncompressedSize !== 0) throw new BundleInvalid('specialFile', { path: name });
  return isDir ? 'dir' : 'file';
}

/**
 * Open a bundle without extracting it and check every entry before any content is read: safe
 * names, no links or devices, no duplicates (also ignoring case), all under one top folder, and the
 * size limits. Throws BundleInvalid with the first problem. `topFolder: false` reads a zip whose
 * files sit at its root (a checklist pack container): `top` is then '' and paths are whole names.
 */
export async function openBag(source: string | Buffer, limits: ZipLimits = DEFAULT_LIMITS, layout: { topFolder: boolean } = { topFolder: true }): Promise<OpenedBag> {
  let zip: ZipFile;
  let reader: FileReader | null;
  try {
    ({ zip, reader } = await open(source));
  } catch {
    throw new BundleInvalid('notZip', {});
  }
  try {
    if (zip.entryCount > limits.maxEntries) throw new BundleInvalid('tooManyEntries', { count: zip.entryCount, limit: limits.maxEntries });
    const files = new Map<string, BagFile>();
    const seen = new Set<string>();
    let top: string | null = null;
    let total = 0;
    for (;;) {
      let entry: Entry | null;
      try {
        entry = await nextEntry(zip);
      } catch {
        throw new BundleInvalid('damagedZip', {});
      }
      if (!entry) break;
      const name = checkedName(entry);
      const kind = checkKind(entry, name);
      const folded = name.normalize('NFC').toLowerCase().replace(/\/$/, '');
      if (seen.has(folded)) throw new BundleInvalid('duplicateName', { path: name });
      seen.add(folded);
      if (layout.topFolder) {
        const slash = name.indexOf('/');
        const first = slash < 0 ? name : name.slice(0, slash);
        if (slash < 0 && kind === 'file') throw new BundleInvalid('outsideTopFolder', { path: name });
        if (top === null) top = first;
        else if (first !== top) throw new BundleInvalid('outsideTopFolder', { path: name });
      } else top = '';
      const size = entry.uncompressedSize;
      if (size > limits.maxEntryBytes) throw new BundleInvalid('tooLarge', { path: name });
      total += size;
      if (total > limits.maxTotalBytes) throw new BundleInvalid('tooLarge', { path: name });
      if (size > limits.ratioFloorBytes && size > limits.maxRatio * Math.max(entry.compressedSize, 1)) {
        throw new BundleInvalid('compressionRatio', { path: name });
      }
      const inside = name.slice(layout.topFolder ? top.length + 1 : 0);
      if (kind === 'file') files.set(inside, { path: inside, size, entry });
    }
    if (top === null) throw new BundleInvalid('emptyZip', {});
    return { zip, reader, top, files };
  } catch (err) {
    zip.close();
    throw err;
  }
}

/** The local header, which must name the same file as the central directory (tools that read one or the other would otherwise see different bags). */
async function localHeader(bag: OpenedBag, file: BagFile): Promise<LocalFileHeader> {
  const header = await new Promise<LocalFileHeader>((resolve, reject) =>
    bag.zip.readLocalFileHeader(file.entry, {}, (err, h) => (err ? reject(err) : resolve(h))),
  );
  if (!header.fileName.equals(file.entry.fileName as unknown as Buffer)) throw new BundleInvalid('damagedZip', { path: file.path });
  return header;
}

function readAt(fd: number, buffer: Buffer, length: number, position: number): Promise<number> {
  return new Promise((resolve, reject) => fs.read(fd, buffer, 0, length, position, (err, bytes) => (err ? reject(err) : resolve(bytes))));
}

/**
 * A stored entry's bytes straight from the file: two reused buffers, the next piece read (thread
 * pool) while the caller hashes this one. Fresh buffers per piece, as a stream needs, cost page
 * faults and stream bookkeeping comparable to the hashing itself.
 */
async function readStored(reader: FileReader, start: number, length: number, onChunk: (chunk: Buffer) => void): Promise<void> {
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

/**
 * Pass one file's content to `onChunk`, piece by piece, exactly the declared number of bytes, after
 * the local header check. A chunk is only valid during the call (its buffer is reused): copy what
 * must be kept. Throws BundleInvalid('damagedZip') when the content cannot be read.
 */
export async function readFile(bag: OpenedBag, file: BagFile, onChunk: (chunk: Buffer) => void): Promise<void> {
  try {
    const header = await localHeader(bag, file);
    // Stored means raw bytes: yauzl has checked compressed size = size, and the bounds (local header).
    if (bag.reader && file.entry.compressionMethod === 0) return await readStored(bag.reader, header.fileDataStart, file.entry.compressedSize, onChunk);
    const stream = await bag.zip.openReadStreamPromise(file.entry);
    for await (const chunk of stream) onChunk(chunk as Buffer);
  } catch (err) {
    if (err instanceof BundleInvalid) throw err;
    throw new BundleInvalid('damagedZip', { path: file.path });
  }
}

/** Read a small file whole, refusing anything above `max` bytes. */
export async function readSmall(bag: OpenedBag, file: BagFile, max: number): Promise<Buffer> {
  if (file.size > max) throw new BundleInvalid('tooLarge', { path: file.path });
  const chunks: Buffer[] = [];
  await readFile(bag, file, (chunk) => chunks.push(Buffer.from(chunk)));
  return Buffer.concat(chunks);
}
