import { promises as fs } from 'node:fs';
import { AppError } from '../errors';
import { loadPublished } from '../checklist/registry';
import type { LoadedPack } from '../checklist/load';
import { checkPackBytes } from '../checklist/pack-limits';
import { readPackContainer } from './container';
import { verifyPackSignatures, type TrustList } from './trust';

/** A signed pack whose signature is valid and whose signer is trusted, loaded and checked. */
export interface VerifiedPack {
  loaded: LoadedPack;
  /** The trusted signer's fingerprint. */
  fingerprint: string;
  /** The exact bytes of pack.json. */
  packBytes: Buffer;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Parse and check the bytes of a pack.json: size, UTF-8, JSON, then the published-pack rules (a
 * missing translation is tolerated and listed, as for the packs the app carries). Throws AppError
 * `packs:errors.packTooLarge`, `drafts:errors.packNotJson`, or any loadPack error.
 */
export function loadPackBytes(bytes: Uint8Array): LoadedPack {
  checkPackBytes(bytes.byteLength);
  let raw: unknown;
  try {
    raw = JSON.parse(utf8.decode(bytes));
  } catch (err) {
    throw new AppError('drafts:errors.packNotJson', undefined, err);
  }
  const id = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  return loadPublished(raw, { id: String(id['id'] ?? ''), version: String(id['version'] ?? '') });
}

/**
 * Open a `*.scsa-pack` (a path or its bytes): read the container, check every signature against
 * the exact bytes of pack.json and the signer against `trust`, then load the pack. Refuses, with
 * the container's and trust's errors, anything unsigned, changed after signing or signed by a key
 * not in the trust list, before the pack's content is even parsed.
 */
export async function openSignedPack(source: string | Buffer, trust: TrustList): Promise<VerifiedPack> {
  const container = await readPackContainer(source);
  const fingerprint = verifyPackSignatures(container, trust);
  return { loaded: loadPackBytes(container.packBytes), fingerprint, packBytes: container.packBytes };
}

/** Read a whole file that must be under the pack size limit (a pack.json or a container). */
export async function readPackFile(file: string): Promise<Buffer> {
  const stat = await fs.stat(file).catch((err: NodeJS.ErrnoException) => err);
  if (stat instanceof Error) throw new AppError(stat.code === 'ENOENT' ? 'packs:errors.fileNotFound' : 'packs:errors.unreadable', { file });
  if (!stat.isFile()) throw new AppError('packs:errors.unreadable', { file });
  checkPackBytes(stat.size);
  return fs.readFile(file).catch((err: unknown) => {
    throw new AppError('packs:errors.unreadable', { file }, err);
  });
}
