import { PAYLOAD } from './names';
import { BundleInvalid } from './reasons';
import { MAX_SUBMISSION_BYTES, type Submission } from './submission';
import { parseSubmission } from './verify-content';
import { DEFAULT_LIMITS, openBag, readSmall } from './zip-reader';

/**
 * `data/submission.json` of a bundle on disk, read through the safe zip reader and checked as the
 * verifier checks it (checkSubmission). For a bundle verified before (the analysis of a folder, a
 * secretariat workspace): its signatures and hashes are not checked again here. Throws
 * BundleInvalid when the file cannot be read as such.
 */
export async function readBundleSubmission(file: string): Promise<Submission> {
  const bag = await openBag(file, DEFAULT_LIMITS);
  try {
    const entry = bag.files.get(PAYLOAD.submission);
    if (!entry) throw new BundleInvalid('missingFile', { path: PAYLOAD.submission });
    return parseSubmission(await readSmall(bag, entry, MAX_SUBMISSION_BYTES));
  } finally {
    bag.zip.close();
  }
}
