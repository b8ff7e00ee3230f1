import yauzl, { type Entry, type LocalFileHeader, type ZipFile } from 'yauzl';
import { createHash } from 'node:crypto';
import { inflateRawSync } from 'node:zlib';
import { crc32 } from './crc32';
import { ZIP_OPTIONS, fromFile, readRange, readStored, type FileReader } from './zip-file-access';
import { WORKER_MIN_BYTES, digestStored, type StoredDigest } from './stored-digest';
import { entryNameProblem } from './entry-names';
import { BundleInvalid } from './reasons';

/**
 * Limits that keep a hostile zip from exhausting memory, disk or time. All are judged on the central
 * directory's declared sizes, before any entry is read (declared sizes are then enforced while reading).
 */
export interface ZipLimits {
  maxEntries: number;
  /** Sum of the entries' uncompressed sizes. */
  maxTotalBytes: number;
  maxEntryBytes: number;
  /** Ratio uncompressed/compressed above which an entry larger than `ratioFloorBytes` is refused. */
  maxRatio: number;
  ratioFloorBytes: number;
  /**
   * The same for the whole archive, once its entries add up to more than `archiveRatioFloorBytes`:
   * many entries each just under the per-entry floor (8,100 MiB of zeros in 10 MB) are one bomb.
   */
  maxArchiveRatio: number;
  archiveRatioFloorBytes: number;
}

export const DEFAULT_LIMITS: ZipLimits = {
  maxEntries: 20_000,
  maxTotalBytes: 4 * 1024 ** 3,
  maxEntryBytes: 4 * 1024 ** 3,
  maxRatio: 200,
  ratioFloorBytes: 1024 * 1024,
  // Real bundles are mostly PDFs and photos (stored) with some text: a few times smaller at most.
  maxArchiveRatio: 50,
  archiveRatioFloorBytes: 64 * 1024 * 1024,
};

const MIB = 1024 * 1024;
const inMiB = (bytes: number) => Math.ceil(bytes / MIB);
/** Whether entries declaring `total` bytes from `compressed` expand beyond the archive's ratio limit. */
const isBomb = (total: number, compressed: number, limits: ZipLimits) =>
  total > limits.archiveRatioFloorBytes && total > limits.maxArchiveRatio * Math.max(compressed, 1);

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

// ignoreBOM keeps a leading U+FEFF in the name, where the invisible-character check refuses it.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const S_IFMT = 0o170000;
const [S_IFREG, S_IFDIR, S_IFLNK] = [0o100000, 0o040000, 0o120000];
const UNICODE_PATH_EXTRA = 0x7075;

function open(source: string | Buffer, sync: boolean): Promise<{ zip: ZipFile; reader: FileReader | null }> {
  if (typeof source === 'string') return fromFile(source, sync);
  return new Promise((resolve, reject) =>
    yauzl.fromBuffer(source, ZIP_OPTIONS, (err, zip) => (err || !zip ? reject(err ?? new Error('no zip')) : resolve({ zip, reader: null }))),
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

/** The entry's name as text; refuses non-UTF-8 names and what `entryNameProblem` refuses. */
function checkedName(entry: Entry): string {
  const raw = entry.fileName as unknown as Buffer;
  let name: string;
  try {
    name = utf8.decode(raw);
  } catch {
    throw new BundleInvalid('badName', { path: raw.toString('latin1').slice(0, 120) });
  }
  // Some tools show the Info-ZIP Unicode path field instead of the name: two names for one entry.
  const problem = entryNameProblem(name);
  if (problem) throw new BundleInvalid(problem.reason, problem.params);
  if (entry.extraFields.some((f) => f.id === UNICODE_PATH_EXTRA)) throw new BundleInvalid('badName', { path: name });
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

/** How a bag is opened: `topFolder: false` for a zip whose files sit at its root; `syncReads` for a fresh local copy (see zip-file-access.ts `fromFile`). */
export interface OpenOptions {
  topFolder?: boolean;
  syncReads?: boolean;
}

/**
 * Open a bundle without extracting it and check every entry before any content is read: safe
 * names, no links or devices, no duplicates (also ignoring case), all under one top folder, and the
 * size limits. Throws BundleInvalid with the first problem. `topFolder: false` reads a zip whose
 * files sit at its root (a checklist pack container): `top` is then '' and paths are whole names.
 */
export async function openBag(source: string | Buffer, limits: ZipLimits = DEFAULT_LIMITS, options: OpenOptions = {}): Promise<OpenedBag> {
  const layout = { topFolder: options.topFolder !== false };
  let zip: ZipFile;
  let reader: FileReader | null;
  try {
    ({ zip, reader } = await open(source, options.syncReads === true));
  } catch {
    throw new BundleInvalid('notZip', {});
  }
  try {
    if (zip.entryCount > limits.maxEntries) throw new BundleInvalid('tooManyEntries', { count: zip.entryCount, limit: limits.maxEntries });
    const files = new Map<string, BagFile>();
    const seen = new Set<string>();
    let top: string | null = null;
    let total = 0;
    let compressed = 0;
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
      compressed += entry.compressedSize;
      if (total > limits.maxTotalBytes) {
        // Past the total limit already: say "bomb" when that is what the entries so far are.
        if (isBomb(total, compressed, limits)) throw new BundleInvalid('archiveRatio', { size: inMiB(total), compressed: inMiB(compressed) });
        throw new BundleInvalid('totalTooLarge', { limit: inMiB(limits.maxTotalBytes) });
      }
      if (size > limits.ratioFloorBytes && size > limits.maxRatio * Math.max(entry.compressedSize, 1)) {
        throw new BundleInvalid('compressionRatio', { path: name });
      }
      const inside = name.slice(layout.topFolder ? top.length + 1 : 0);
      if (kind === 'file') files.set(inside, { path: inside, size, entry });
    }
    if (top === null) throw new BundleInvalid('emptyZip', {});
    // Judged on the whole directory: an early run of highly compressible files is no bomb if the rest is not.
    if (isBomb(total, compressed, limits)) {
      throw new BundleInvalid('archiveRatio', { size: inMiB(total), compressed: inMiB(compressed) });
    }
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

/**
 * Pass one file's content to `onChunk`, piece by piece, exactly the declared number of bytes, after
 * the local header check, and check its CRC-32 at the end as `unzip -t` does. A chunk is only valid
 * during the call (its buffer is reused): copy what must be kept. Throws BundleInvalid('damagedZip')
 * when the content cannot be read, BundleInvalid('crcMismatch') when it is not what the zip recorded.
 */
export async function readFile(bag: OpenedBag, file: BagFile, onChunk: (chunk: Buffer) => void): Promise<void> {
  const expected = file.entry.crc32 >>> 0;
  let crc = 0;
  const take = (chunk: Buffer) => {
    crc = crc32(chunk, crc);
    onChunk(chunk);
  };
  try {
    const header = await localHeader(bag, file);
    // Without a data descriptor (bit 3) the local header carries the CRC too: both must agree, or
    // tools that trust one or the other would judge the entry differently.
    if ((header.generalPurposeBitFlag & 0x8) === 0 && header.crc32 >>> 0 !== expected) throw new BundleInvalid('crcMismatch', { path: file.path });
    // Stored means raw bytes: yauzl has checked compressed size = size, and the bounds (local header).
    if (bag.reader && file.entry.compressionMethod === 0 && file.entry.compressedSize <= SMALL_DEFLATED) take(await readRange(bag.reader, header.fileDataStart, file.entry.compressedSize));
    else if (bag.reader && file.entry.compressionMethod === 0) await readStored(bag.reader, header.fileDataStart, file.entry.compressedSize, take);
    else if (bag.reader && file.entry.compressedSize <= SMALL_DEFLATED && file.size <= SMALL_INFLATED) take(await inflateSmall(bag.reader, header, file));
    else for await (const chunk of await bag.zip.openReadStreamPromise(file.entry)) take(chunk as Buffer);
  } catch (err) {
    if (err instanceof BundleInvalid) throw err;
    throw new BundleInvalid('damagedZip', { path: file.path });
  }
  if (crc >>> 0 !== expected) throw new BundleInvalid('crcMismatch', { path: file.path });
}

/**
 * An entry this small (compressed; and inflated) is read in one piece, mostly from the header cache,
 * and inflated at once: a zlib stream or two 1 MiB buffers per tag file cost more than the file.
 */
const SMALL_DEFLATED = 256 * 1024;
const SMALL_INFLATED = 4 * 1024 * 1024;

/** A small deflated entry's content: exactly its declared size (inflating stops one byte past it), else the zip is damaged. */
async function inflateSmall(reader: FileReader, header: LocalFileHeader, file: BagFile): Promise<Buffer> {
  const raw = await readRange(reader, header.fileDataStart, file.entry.compressedSize);
  const out = inflateRawSync(raw, { maxOutputLength: file.size + 1 });
  if (out.length !== file.size) throw new BundleInvalid('damagedZip', { path: file.path });
  return out;
}

/**
 * SHA-256 and size of one file's content, with readFile's checks (local header, declared size,
 * CRC-32). A large stored entry of a bag opened from a file is read and hashed on a second thread
 * (stored-digest.ts); if that thread cannot run, the bytes are read here. `onBytes` is told the
 * bytes done now and then.
 */
export async function digestFile(bag: OpenedBag, file: BagFile, onBytes: (n: number) => void): Promise<{ sha256: string; size: number }> {
  const reader = bag.reader;
  if (reader && file.entry.compressionMethod === 0 && file.entry.compressedSize >= WORKER_MIN_BYTES) {
    const expected = file.entry.crc32 >>> 0;
    let header: LocalFileHeader;
    try {
      header = await localHeader(bag, file);
    } catch (err) {
      throw err instanceof BundleInvalid ? err : new BundleInvalid('damagedZip', { path: file.path });
    }
    if ((header.generalPurposeBitFlag & 0x8) === 0 && header.crc32 >>> 0 !== expected) throw new BundleInvalid('crcMismatch', { path: file.path });
    // Keeps the descriptor open (yauzl's reference count) while the worker reads it.
    reader.ref();
    let got: StoredDigest | null = null;
    try {
      got = (await digestStored(reader.fd, header.fileDataStart, file.entry.compressedSize, onBytes)?.catch(() => null)) ?? null;
    } finally {
      reader.unref();
    }
    if (got && got.size === file.entry.compressedSize) {
      if (got.crc !== expected) throw new BundleInvalid('crcMismatch', { path: file.path });
      return { sha256: got.sha256, size: got.size };
    }
    // No worker, or it could not read the range: read here, which finds the reason, if any.
  }
  const hash = createHash('sha256');
  let size = 0;
  await readFile(bag, file, (chunk) => {
    hash.update(chunk);
    size += chunk.length;
    onBytes(chunk.length);
  });
  return { sha256: hash.digest('hex'), size };
}

/** Read a small file whole, refusing anything above `max` bytes. */
export async function readSmall(bag: OpenedBag, file: BagFile, max: number): Promise<Buffer> {
  if (file.size > max) throw new BundleInvalid('tooLarge', { path: file.path });
  const chunks: Buffer[] = [];
  await readFile(bag, file, (chunk) => chunks.push(Buffer.from(chunk)));
  return Buffer.concat(chunks);
}
