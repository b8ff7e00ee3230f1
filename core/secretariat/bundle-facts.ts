import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { parseBagInfo } from '../bundle/bag-text';
import { PAYLOAD, TAG_FILES } from '../bundle/names';
import { checkSubmission, type Submission } from '../bundle/submission';
import { DEFAULT_LIMITS, openBag, readSmall } from '../bundle/zip-reader';
import { BundleFactsSchema, type BundleFacts } from './schemas';

const MAX_TAG_BYTES = 64 * 1024;
const SIGNATURE = /^signatures\/([0-9a-f]{64})\.sig$/;

/**
 * The facts the workspace files a bundle under, read from its bag-info.txt, its tag manifest and
 * its signature names. Only for a bundle already verified (on import) or stored by the workspace:
 * nothing here is checked but the form. Null when the file cannot be read as such a bundle.
 */
export async function readBundleFacts(file: string): Promise<BundleFacts | null> {
  let bag;
  try {
    bag = await openBag(file, DEFAULT_LIMITS);
  } catch {
    return null;
  }
  try {
    const info = bag.files.get(TAG_FILES.bagInfo);
    const tags = bag.files.get(TAG_FILES.tagManifest);
    if (!info || !tags) return null;
    const parsed = parseBagInfo(await readSmall(bag, info, MAX_TAG_BYTES));
    if (!parsed.ok) return null;
    const v = parsed.value;
    const fingerprints = [...bag.files.keys()].map((p) => SIGNATURE.exec(p)?.[1]).filter((fp): fp is string => fp !== undefined).sort();
    const facts = BundleFactsSchema.safeParse({
      country: v['Country-Code'],
      checklistId: v['Checklist-Id'],
      checklistVersion: v['Checklist-Version'],
      submissionRevision: Number(v['Submission-Revision']),
      externalIdentifier: v['External-Identifier'],
      responseLanguage: v['Response-Language'],
      baggingDate: v['Bagging-Date'],
      tagManifestSha256: createHash('sha256').update(await readSmall(bag, tags, MAX_TAG_BYTES)).digest('hex'),
      fingerprints,
    });
    return facts.success ? facts.data : null;
  } catch {
    return null;
  } finally {
    bag.zip.close();
  }
}

/** SHA-256 of a whole file, streamed. */
export async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file, { highWaterMark: 1024 * 1024 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

const MAX_SUBMISSION_BYTES = 64 * 1024 * 1024;

/**
 * `data/submission.json` of a stored bundle (verified when it was imported), for reading and
 * analysis; null when it cannot be read as a submission. Attachments and the PDF stay in the zip.
 */
export async function readStoredSubmission(file: string): Promise<Submission | null> {
  let bag;
  try {
    bag = await openBag(file, DEFAULT_LIMITS);
  } catch {
    return null;
  }
  try {
    const entry = bag.files.get(PAYLOAD.submission);
    if (!entry) return null;
    // The verifier's own check: the same depth bound before the schema, so a stored bundle reads as it verified.
    const checked = checkSubmission(JSON.parse((await readSmall(bag, entry, MAX_SUBMISSION_BYTES)).toString('utf8')));
    return checked.ok ? checked.submission : null;
  } catch {
    return null;
  } finally {
    bag.zip.close();
  }
}
