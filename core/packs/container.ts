/**
 * The signed pack container (`*.scsa-pack`): a zip holding `pack.json` and, per signer,
 * `signatures/<fingerprint>.sig` (raw Ed25519 over the exact bytes of pack.json) and
 * `signatures/<fingerprint>.pub.pem`. Read with the bundle's zip reader (no extraction, safe names,
 * size limits); nothing else may be in it. Format: docs/formats/checklist-pack.md.
 */
import { promises as fs } from 'node:fs';
import { sign } from 'node:crypto';
import yazl from 'yazl';
import { AppError } from '../errors';
import { createLogger } from '../log';
import { PACK_BYTES_LIMIT, PACK_MB_LIMIT } from '../checklist/pack-limits';
import { BundleInvalid } from '../bundle/reasons';
import { openBag, readSmall, type OpenedBag } from '../bundle/zip-reader';
import type { SigningKey } from '../keys/keys';

const log = createLogger('pack-container');

export const PACK_ENTRY = 'pack.json';
export const PACK_FILE_EXTENSION = '.scsa-pack';
const SIGNATURE_ENTRY = /^signatures\/([0-9a-f]{64})\.(sig|pub\.pem)$/;
const MAX_PEM_BYTES = 4096;
const ED25519_SIGNATURE_BYTES = 64;
/** Signers one pack may carry (the secretariat, perhaps a second officer): a few, never thousands. */
const MAX_SIGNERS = 8;

export interface PackSignature {
  /** The fingerprint the entry names (checked against the key in trust.ts). */
  fingerprint: string;
  signature: Buffer;
  publicKeyPem: Buffer;
}

export interface PackContainer {
  /** The exact bytes of pack.json: what the signatures cover. */
  packBytes: Buffer;
  signatures: PackSignature[];
}

const LIMITS = {
  maxEntries: 1 + 2 * MAX_SIGNERS + MAX_SIGNERS,
  maxTotalBytes: PACK_BYTES_LIMIT + 2 * MAX_SIGNERS * MAX_PEM_BYTES,
  // One byte under the limit: a pack.json of 50 MB is refused while the zip is being listed.
  maxEntryBytes: PACK_BYTES_LIMIT - 1,
  maxRatio: 200,
  ratioFloorBytes: 1024 * 1024,
  // A pack is JSON text: it compresses well, but never like a bomb.
  maxArchiveRatio: 200,
  archiveRatioFloorBytes: 64 * 1024 * 1024,
};

function fromZipProblem(err: unknown): AppError {
  if (err instanceof BundleInvalid) {
    log.warn(`pack container refused: ${err.reason} ${JSON.stringify(err.params)}`);
    if (err.reason === 'tooLarge' || err.reason === 'compressionRatio') return new AppError('packs:errors.packTooLarge', { limit: PACK_MB_LIMIT });
    if (err.reason === 'notZip' || err.reason === 'emptyZip') return new AppError('packs:errors.notAPackFile');
    return new AppError('packs:errors.damagedPackFile', { path: String(err.params.path ?? '') });
  }
  return err instanceof AppError ? err : new AppError('packs:errors.damagedPackFile', { path: '' }, err);
}

async function readEntries(bag: OpenedBag): Promise<PackContainer> {
  const pack = bag.files.get(PACK_ENTRY);
  if (!pack) throw new AppError('packs:errors.notAPackFile');
  const parts = new Map<string, { sig?: Buffer; pem?: Buffer }>();
  for (const file of bag.files.values()) {
    if (file.path === PACK_ENTRY) continue;
    const match = SIGNATURE_ENTRY.exec(file.path);
    if (!match) throw new AppError('packs:errors.unexpectedEntry', { path: file.path });
    const fingerprint = match[1] as string;
    const part = parts.get(fingerprint) ?? {};
    if (match[2] === 'sig') part.sig = await readSmall(bag, file, ED25519_SIGNATURE_BYTES);
    else part.pem = await readSmall(bag, file, MAX_PEM_BYTES);
    parts.set(fingerprint, part);
  }
  const packBytes = await readSmall(bag, pack, PACK_BYTES_LIMIT - 1);
  const signatures: PackSignature[] = [];
  for (const [fingerprint, part] of parts) {
    // Half a signature cannot be checked: treat it as the tampering it most likely is.
    if (!part.sig || !part.pem) throw new AppError('packs:errors.tampered', { fingerprint });
    signatures.push({ fingerprint, signature: part.sig, publicKeyPem: part.pem });
  }
  return { packBytes, signatures };
}

/**
 * Read a `*.scsa-pack` (a path or its bytes) without extracting it. Throws AppError
 * `packs:errors.notAPackFile`, `packs:errors.damagedPackFile` `{path}`, `packs:errors.unexpectedEntry`
 * `{path}`, `packs:errors.packTooLarge` `{limit}` (in MB), `packs:errors.tampered` (half a signature).
 * Signatures are not checked here (see trust.ts).
 */
export async function readPackContainer(source: string | Buffer): Promise<PackContainer> {
  if (typeof source === 'string') {
    const stat = await fs.stat(source).catch((err: NodeJS.ErrnoException) => err);
    if (stat instanceof Error) throw new AppError(stat.code === 'ENOENT' ? 'packs:errors.fileNotFound' : 'packs:errors.unreadable', { file: source });
    if (!stat.isFile()) throw new AppError('packs:errors.unreadable', { file: source });
    if (stat.size >= LIMITS.maxTotalBytes) throw new AppError('packs:errors.packTooLarge', { limit: PACK_MB_LIMIT });
  }
  let bag: OpenedBag;
  try {
    bag = await openBag(source, LIMITS, { topFolder: false });
  } catch (err) {
    throw fromZipProblem(err);
  }
  try {
    return await readEntries(bag);
  } catch (err) {
    throw fromZipProblem(err);
  } finally {
    bag.zip.close();
  }
}

/** Whether bytes look like a zip (a container) rather than JSON. */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Sign `packBytes` with `key` and return the container's bytes. The caller checks the pack first. */
export function buildPackContainer(packBytes: Buffer, key: SigningKey, mtime: Date = new Date()): Promise<Buffer> {
  const signature = sign(null, packBytes, key.privateKey);
  const zip = new yazl.ZipFile();
  // Plain files only (rw-r--r--), as the reader demands of every entry.
  const options = { mtime, mode: 0o100644 };
  zip.addBuffer(packBytes, PACK_ENTRY, { ...options, compress: true });
  zip.addBuffer(signature, `signatures/${key.fingerprint}.sig`, { ...options, compress: false });
  zip.addBuffer(Buffer.from(key.publicKeyPem), `signatures/${key.fingerprint}.pub.pem`, { ...options, compress: false });
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('error', reject);
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}
