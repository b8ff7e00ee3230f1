import { promises as fs } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../fs/atomic';
import { createLogger } from '../log';
import { KEY_FILES, loadKeyFile, saveKey } from './key-store';
import { ReplacementFileSchema, saveReplacement, type ReplacementFile } from './replacement';
import type { SealedKey } from './keys';

const log = createLogger('key-swap');

/** Sub-folders of a key folder that replacing a key uses (docs/formats/keys.md, "Replacing the key"). */
export const KEY_SUBDIRS = {
  /** `retired/<fingerprint>/`: every key this folder held before, never deleted. */
  retired: 'retired',
  /** `replacing/`: the new key and its statement, complete before the swap starts. */
  staging: 'replacing',
} as const;

/**
 * Called after each step that changes the disk, with the step's name; a test makes it throw to
 * stand for a crash at that point.
 */
export type SwapCheckpoint = (step: string) => void;

// The order files are copied in: the private key last, so that a folder whose `private-key.json`
// names a key has every other file of that key already in place.
const COPY_ORDER = [KEY_FILES.publicKey, KEY_FILES.fingerprint, KEY_FILES.replacement, KEY_FILES.privateKey] as const;

/** Where the key with this fingerprint goes when it is retired. */
export function retiredDir(keyDir: string, fingerprint: string): string {
  return path.join(keyDir, KEY_SUBDIRS.retired, fingerprint);
}

async function exists(file: string): Promise<boolean> {
  return (await fs.lstat(file).catch(() => null)) !== null;
}

async function copyKeyFiles(from: string, to: string, step: string, checkpoint: SwapCheckpoint): Promise<void> {
  for (const name of COPY_ORDER) {
    const bytes = await fs.readFile(path.join(from, name)).catch(() => null);
    if (bytes === null) continue;
    await writeFileAtomic(path.join(to, name), bytes);
    checkpoint(`${step}:${name}`);
  }
}

/**
 * Replace the key held in `keyDir` by `newKey`, whose statement the old key has signed. Crash-safe
 * by order: (1) the new key and its statement are written complete into `replacing/` — until the
 * statement is there, the old key is untouched and a crash just discards the staging; (2) the old
 * key's files are copied into `retired/<old fingerprint>/`; (3) the new files are copied over the
 * old ones, `private-key.json` last; (4) `replacing/` is removed. After (1), `settleKeyFolder`
 * finishes whatever a crash interrupted, so the folder always ends with a whole, usable key.
 */
export async function swapKey(keyDir: string, newKey: SealedKey, statement: ReplacementFile, checkpoint: SwapCheckpoint = () => undefined): Promise<void> {
  const staging = path.join(keyDir, KEY_SUBDIRS.staging);
  await fs.rm(staging, { recursive: true, force: true });
  await saveKey(staging, newKey);
  checkpoint('stage:key');
  // The statement is written last: its presence is what marks the staging as complete.
  await saveReplacement(staging, statement);
  checkpoint('stage:statement');
  await finishSwap(keyDir, staging, statement, checkpoint);
}

async function finishSwap(keyDir: string, staging: string, statement: ReplacementFile, checkpoint: SwapCheckpoint): Promise<void> {
  const { oldFingerprint, newFingerprint } = statement.statement;
  const active = await loadKeyFile(keyDir).catch(() => null);
  const retired = retiredDir(keyDir, oldFingerprint);
  // Until the retired copy is complete (its private key, copied last, is there) nothing of the
  // active folder has been overwritten, so copying it again is always copying the old key whole.
  if (active?.fingerprint === oldFingerprint && !(await exists(path.join(retired, KEY_FILES.privateKey)))) {
    await copyKeyFiles(keyDir, retired, 'retire', checkpoint);
  }
  if (active && active.fingerprint !== oldFingerprint && active.fingerprint !== newFingerprint) {
    // Someone put another key here meanwhile: keep it, and keep the staging for a person to look at.
    log.error(`key folder holds ${active.fingerprint.slice(0, 8)}…, neither side of the pending replacement; left as is`);
    return;
  }
  await copyKeyFiles(staging, keyDir, 'install', checkpoint);
  await fs.rm(staging, { recursive: true, force: true });
  checkpoint('cleanup');
  log.info(`key ${oldFingerprint.slice(0, 8)}… replaced by ${newFingerprint.slice(0, 8)}…; the old one is in ${KEY_SUBDIRS.retired}/`);
}

/**
 * Bring a key folder back to a settled state after a crash during `swapKey`: an incomplete staging
 * (no statement yet) is dropped — the old key never stopped being the key; a complete one is
 * carried through to the end. Call before reading the folder.
 */
export async function settleKeyFolder(keyDir: string, checkpoint: SwapCheckpoint = () => undefined): Promise<void> {
  const staging = path.join(keyDir, KEY_SUBDIRS.staging);
  if (!(await exists(staging))) return;
  const statement = await readStatement(staging);
  const staged = await loadKeyFile(staging).catch(() => null);
  if (!statement || !staged || staged.fingerprint !== statement.statement.newFingerprint) {
    log.warn('dropping an unfinished key replacement (the current key stays)');
    await fs.rm(staging, { recursive: true, force: true });
    return;
  }
  log.warn('finishing a key replacement that was interrupted');
  await finishSwap(keyDir, staging, statement, checkpoint);
}

async function readStatement(dir: string): Promise<ReplacementFile | null> {
  try {
    const parsed = ReplacementFileSchema.safeParse(JSON.parse(await fs.readFile(path.join(dir, KEY_FILES.replacement), 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
