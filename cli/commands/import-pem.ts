import { promises as fs } from 'node:fs';
import { AppError } from '../../core/errors';
import { importPrivateKeyPem, parsePrivateKeyPem, type SealedKey } from '../../core/keys';
import { createLogger } from '../../core/log';
import type { CommandContext } from './types';

const log = createLogger('cli-import-pem');

/** Largest file `--import` reads: an Ed25519 PEM is about 120 bytes, an RSA one a few KB. */
export const MAX_IMPORT_BYTES = 16 * 1024;

/** A refusal: the message (an i18n key of `cli` or `bundle:`) and, when there is one, what to do. */
export interface ImportRefusal {
  message: { key: string; params: Record<string, string> };
  hint?: { key: string; params: Record<string, string> };
}

/**
 * The PEM text of `file`, or why it cannot be read (naming it as the user wrote it, `shown`). Never
 * reads more than MAX_IMPORT_BYTES.
 */
export async function readImportFile(file: string, shown: string): Promise<string | ImportRefusal> {
  const tooLarge: ImportRefusal = { message: { key: 'keygen.importTooLarge', params: { file: shown, max: String(MAX_IMPORT_BYTES / 1024) } } };
  const missing: ImportRefusal = { message: { key: 'keygen.importMissing', params: { file: shown } } };
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, 'r');
  } catch (err) {
    log.info(`cannot open import file: ${(err as NodeJS.ErrnoException).code ?? 'error'}`);
    return missing;
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) return missing;
    if (stat.size > MAX_IMPORT_BYTES) return tooLarge;
    const bytes = Buffer.alloc(MAX_IMPORT_BYTES + 1);
    const { bytesRead } = await handle.read(bytes, 0, bytes.length, 0);
    // The size may have grown since stat: what counts is what was read.
    if (bytesRead > MAX_IMPORT_BYTES) return tooLarge;
    return bytes.subarray(0, bytesRead).toString('utf8');
  } catch (err) {
    log.info(`cannot read import file: ${(err as NodeJS.ErrnoException).code ?? 'error'}`);
    return missing;
  } finally {
    await handle.close();
  }
}

/** A file name as typed in a shell: quoted when it holds anything but plain characters (spaces…). */
function quoted(file: string): string {
  return /^[\w./:\\-]+$/.test(file) ? file : `"${file}"`;
}

/** What to tell someone whose file is of PEM kind `kind` (the word after BEGIN). */
function hintForKind(kind: string, file: string): ImportRefusal['hint'] {
  if (kind === 'ENCRYPTED PRIVATE KEY') {
    return { key: 'keygen.hintEncrypted', params: { command: `openssl pkcs8 -topk8 -nocrypt -in ${quoted(file)} -out plain-key.pem` } };
  }
  if (kind === 'OPENSSH PRIVATE KEY') return { key: 'keygen.hintOpenSsh', params: { command: 'openssl genpkey -algorithm ed25519 -out key.pem' } };
  if (/PUBLIC KEY|CERTIFICATE/.test(kind)) return { key: 'keygen.hintPublic', params: {} };
  if (/PRIVATE KEY/.test(kind)) return { key: 'keygen.hintNotEd25519', params: { command: 'openssl genpkey -algorithm ed25519 -out key.pem' } };
  return { key: 'keygen.hintUnreadable', params: {} };
}

/** Refusals for text that is not PEM at all but is recognisably something else. */
function recognise(text: string): ImportRefusal | null {
  const trimmed = text.trimStart();
  // An OpenSSH public key line (`ssh-ed25519 AAAA… comment`), e.g. id_ed25519.pub.
  if (/^(ssh-(ed25519|rsa|dss)|ecdsa-sha2-\S+|sk-\S+) [A-Za-z0-9+/=]+/.test(trimmed)) {
    return { message: { key: 'bundle:errors.keyUnreadable', params: {} }, hint: { key: 'keygen.hintPublic', params: {} } };
  }
  if (trimmed.startsWith('{') && trimmed.includes('"scsa-private-key"')) {
    return { message: { key: 'keygen.importAppKeyFile', params: {} } };
  }
  return null;
}

function refusalFrom(err: AppError, file: string): ImportRefusal {
  const params = Object.fromEntries(Object.entries(err.params ?? {}).map(([k, v]) => [k, String(v)]));
  const message = { key: err.code, params: { ...params, file } };
  if (err.code === 'bundle:errors.keyNotPkcs8') return { message, hint: hintForKind(String(err.params?.kind ?? ''), file) };
  if (err.code === 'bundle:errors.keyNotEd25519') return { message, hint: hintForKind('PRIVATE KEY', file) };
  return { message, hint: { key: 'keygen.hintUnreadable', params: {} } };
}

/**
 * Check that `text` is a key this app can import, before a passphrase is asked for; on success its
 * fingerprint. The core's own parser decides, so a refusal here is exactly the one an import would give.
 */
export async function checkImportable(text: string, file: string): Promise<{ fingerprint: string } | ImportRefusal> {
  const known = recognise(text);
  if (known) return known;
  try {
    return { fingerprint: parsePrivateKeyPem(text).fingerprint };
  } catch (err) {
    if (err instanceof AppError) return refusalFrom(err, file);
    throw err;
  }
}

/** Seal the checked PEM under the real passphrase (core errors, e.g. a short passphrase, are thrown). */
export function sealImported(text: string, passphrase: string): Promise<SealedKey> {
  return importPrivateKeyPem(text, passphrase);
}

/** Print a refusal on stderr: the message, then what to do. */
export function printRefusal(ctx: CommandContext, refusal: ImportRefusal): void {
  ctx.err(`scsa: ${ctx.t(refusal.message.key, refusal.message.params)}`);
  if (refusal.hint) ctx.err(ctx.t(refusal.hint.key, refusal.hint.params));
}
