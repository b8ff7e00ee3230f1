/**
 * Submissions from a folder of bundles (`scsa report --bundles DIR`): every `*.zip` directly in the
 * folder is verified in full (core/bundle verifyBundle: structure, signatures, every hash) and only
 * then is its `data/submission.json` read, through the same safe zip reader. A bundle that fails is
 * left out and reported, never analysed; the rest of the folder is still read.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors';
import { verifyBundle } from '../bundle/verify';
import type { KeyRegistry } from '../bundle/registry';
import { PAYLOAD } from '../bundle/names';
import { BundleInvalid, type VerifyReason } from '../bundle/reasons';
import { readBundleSubmission } from '../bundle/stored-submission';
import type { Submission } from '../bundle/submission';
import type { SourcedSubmission, SubmissionSource } from './source';

/** Why a bundle of the folder is not in the analysis. */
export type FolderSkip =
  | { file: string; kind: 'invalid'; reason: VerifyReason }
  | { file: string; kind: 'unregistered'; fingerprints: string[] };

export interface FolderSourceOptions {
  /** When given, only bundles signed by a key registered for their country are used. */
  registry?: KeyRegistry;
  onSkip?: (skip: FolderSkip) => void;
  /** Told before each bundle is read: `done` of `total` files. */
  onProgress?: (done: number, total: number) => void;
}

/** A folder is read as a list of names first; more entries than this is not a folder of bundles. */
const MAX_ENTRIES = 100_000;

/** The `*.zip` files directly in `dir`, by name. Throws `analysis:errors.bundlesFolder` when the folder cannot be listed. */
export async function listBundles(dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch (err) {
    throw new AppError('analysis:errors.bundlesFolder', { dir, reason: (err as NodeJS.ErrnoException).code ?? 'error' }, err);
  }
  if (entries.length > MAX_ENTRIES) throw new AppError('analysis:errors.bundlesFolder', { dir, reason: 'too many entries' });
  return entries
    .filter((e) => e.isFile() && /\.zip$/i.test(e.name))
    .map((e) => path.join(dir, e.name))
    .sort();
}

/** The submission of a bundle already verified; the identifier must be the one verification saw. */
async function readSubmission(file: string, externalIdentifier: string): Promise<Submission> {
  const submission = await readBundleSubmission(file);
  // The file was replaced between the two reads: refuse rather than analyse unverified content.
  if (submission.externalIdentifier !== externalIdentifier) throw new BundleInvalid('damagedZip', { path: PAYLOAD.submission });
  return submission;
}

/** A source over the bundles of a folder; problems go to `onSkip`, one per bundle left out. */
export function folderSource(dir: string, options: FolderSourceOptions = {}): SubmissionSource {
  return {
    async *submissions(): AsyncIterable<SourcedSubmission> {
      const files = await listBundles(dir);
      for (const [index, file] of files.entries()) {
        options.onProgress?.(index, files.length);
        const result = await verifyBundle(file, options.registry ? { registry: options.registry } : {});
        if (result.status === 'invalid' || !result.bundle) {
          options.onSkip?.({ file, kind: 'invalid', reason: result.reason ?? { code: 'bundle:verify.damagedZip', params: {} } });
          continue;
        }
        if (options.registry && result.status !== 'valid-registered') {
          options.onSkip?.({ file, kind: 'unregistered', fingerprints: result.fingerprints });
          continue;
        }
        try {
          yield { submission: await readSubmission(file, result.bundle.externalIdentifier), origin: file };
        } catch (err) {
          if (!(err instanceof BundleInvalid)) throw err;
          options.onSkip?.({ file, kind: 'invalid', reason: err.toReason() });
        }
      }
      options.onProgress?.(files.length, files.length);
    },
  };
}
