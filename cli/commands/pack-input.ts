import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../core/errors';
import { findPack } from '../../core/checklist/registry';
import type { LoadedPack } from '../../core/checklist/load';
import { looksLikeZip, readPackContainer, type PackContainer } from '../../core/packs/container';
import { loadPackBytes, openSignedPack, readPackFile } from '../../core/packs/open';
import { loadTrustDir, mergeTrust, trustListFrom, TRUST_DIR_NAME, type TrustList } from '../../core/packs/trust';
import { EXIT, type ExitCode } from '../exit-codes';
import type { CommandContext } from './types';

/** A string option's value, or undefined when absent or empty. */
export const option = (ctx: CommandContext, name: string): string | undefined => {
  const v = ctx.options[name];
  return typeof v === 'string' && v !== '' ? v : undefined;
};

/** A usage mistake of `scsa <command>`: one line, the help hint, exit 2. */
export function usage(ctx: CommandContext, command: string, key: string, params: Record<string, string> = {}): ExitCode {
  ctx.err(`scsa: ${ctx.t(key, params)}`);
  ctx.err(ctx.t('usage.moreHelp', { command: `scsa ${command} --help` }));
  return EXIT.usage;
}

/**
 * The trust list the installers ship: `build/trust/` of the project this command line was built
 * from (the folder is found upwards from the built file, dist/cli/scsa.cjs).
 */
export function shippedTrustDir(): string {
  let dir = __dirname;
  for (let up = 0; up < 5; up++, dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'build', TRUST_DIR_NAME);
    if (existsSync(candidate)) return candidate;
  }
  return path.resolve(__dirname, '..', '..', 'build', TRUST_DIR_NAME);
}

/** The shipped trust list plus the `--trust PUB.pem` key, if given. An unusable --trust file is a usage error (exit 2). */
export async function trustForCli(ctx: CommandContext, command: string): Promise<TrustList | ExitCode> {
  const shipped = await loadTrustDir(shippedTrustDir());
  const extra = option(ctx, 'trust');
  if (extra === undefined) return shipped;
  try {
    const stat = await fs.stat(extra);
    if (!stat.isFile() || stat.size > 4096) throw new AppError('bundle:errors.publicKeyInvalid');
    return mergeTrust(shipped, trustListFrom([await fs.readFile(extra)]));
  } catch (err) {
    const key = err instanceof AppError ? err.code : 'packs:errors.unreadable';
    return usage(ctx, command, key, { file: extra });
  }
}

/** `ID@VERSION` (not a path): what `scsa new --pack` takes. */
export function packReference(value: string): { id: string; version: string } | null {
  if (/[\\/]/.test(value) || existsSync(value)) return null;
  const at = value.lastIndexOf('@');
  if (at <= 0 || at === value.length - 1) return null;
  return { id: value.slice(0, at), version: value.slice(at + 1) };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The text of a pack.json, refusing bytes that are not UTF-8 as JSON parsing would. */
export function packText(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch (err) {
    throw new AppError('drafts:errors.packNotJson', undefined, err);
  }
}

export interface PackFile {
  /** The pack.json text. */
  text: string;
  /** The container, when the file was a signed pack. */
  container: PackContainer | null;
}

/** Read a pack.json or a *.scsa-pack for the authoring commands (signatures are reported, not required). */
export async function readPackForAuthoring(file: string): Promise<PackFile> {
  const bytes = await readPackFile(file);
  if (!looksLikeZip(bytes)) return { text: packText(bytes), container: null };
  const container = await readPackContainer(bytes);
  return { text: packText(container.packBytes), container };
}

/**
 * A pack named on the command line for reading: `ID@VERSION` of a pack the app carries, a
 * pack.json, or a *.scsa-pack. Throws the AppErrors of loading (the caller prints them).
 */
export async function loadPackArgument(value: string): Promise<LoadedPack> {
  const ref = packReference(value);
  if (ref) {
    const found = findPack(ref);
    if (!found) throw new AppError('drafts:errors.packNotFound', { id: ref.id, version: ref.version });
    return found;
  }
  const { text } = await readPackForAuthoring(value);
  return loadPackBytes(Buffer.from(text));
}

/** The pack to move a draft to: a carried `ID@VERSION`, or a signed *.scsa-pack whose signer `trust` holds. */
export async function loadTargetPack(value: string, trust: TrustList): Promise<LoadedPack> {
  const ref = packReference(value);
  if (ref) {
    const found = findPack(ref);
    if (!found) throw new AppError('drafts:errors.packNotFound', { id: ref.id, version: ref.version });
    return found;
  }
  const bytes = await readPackFile(value);
  // A bare pack.json carries no signature: refused like an unsigned container.
  if (!looksLikeZip(bytes)) throw new AppError('packs:errors.unsigned');
  return (await openSignedPack(bytes, trust)).loaded;
}
