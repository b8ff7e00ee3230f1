import { BAGIT_TXT, REQUIRED_BAG_INFO, parseBagInfo, startsWithBom, type BagInfo } from './bag-text';
import { BundleInvalid } from './reasons';
import { checkSubmission, type Submission } from './submission';
import { PAYLOAD, TAG_FILES } from './names';
import type { ManifestLine } from './bag-text';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** bagit.txt must be exactly the two lines this format fixes. */
export function checkBagit(bytes: Buffer): void {
  if (startsWithBom(bytes)) throw new BundleInvalid('byteOrderMark', { path: TAG_FILES.bagit });
  if (!bytes.equals(Buffer.from(BAGIT_TXT))) throw new BundleInvalid('bagitInvalid', {});
}

/** bag-info.txt parsed, with every required label present and well-formed. */
export function checkBagInfo(bytes: Buffer): BagInfo {
  const parsed = parseBagInfo(bytes);
  if (!parsed.ok && parsed.problem === 'bom') throw new BundleInvalid('byteOrderMark', { path: TAG_FILES.bagInfo });
  if (!parsed.ok) throw new BundleInvalid('bagInfoInvalid', { field: parsed.problem });
  const info = parsed.value;
  for (const label of REQUIRED_BAG_INFO) {
    if (!info[label]) throw new BundleInvalid('bagInfoInvalid', { field: label });
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(info['Bagging-Date'] ?? '')) throw new BundleInvalid('bagInfoInvalid', { field: 'Bagging-Date' });
  if (!/^\d+\.\d+$/.test(info['Payload-Oxum'] ?? '')) throw new BundleInvalid('bagInfoInvalid', { field: 'Payload-Oxum' });
  if (!/^[1-9]\d*$/.test(info['Submission-Revision'] ?? '')) throw new BundleInvalid('bagInfoInvalid', { field: 'Submission-Revision' });
  return info;
}

/** Payload-Oxum (`<octets>.<files>`) must match the payload actually present. */
export function checkOxum(info: BagInfo, octets: number, files: number): void {
  if (info['Payload-Oxum'] !== `${octets}.${files}`) {
    throw new BundleInvalid('oxumMismatch', { declared: info['Payload-Oxum'] ?? '', actual: `${octets}.${files}` });
  }
}

/** data/submission.json: UTF-8 JSON valid against the submission schema. */
export function parseSubmission(bytes: Buffer): Submission {
  let raw: unknown;
  try {
    raw = JSON.parse(utf8.decode(bytes));
  } catch {
    throw new BundleInvalid('submissionInvalid', { problem: 'json' });
  }
  const checked = checkSubmission(raw);
  if (!checked.ok) throw new BundleInvalid('submissionInvalid', { problem: checked.problem });
  return checked.submission;
}

/**
 * bag-info.txt and submission.json say the same thing about the submission, and the attachments
 * submission.json lists are exactly the files under data/attachments/, with the hashes and sizes it
 * gives.
 */
export function checkAgreement(info: BagInfo, s: Submission, manifest: readonly ManifestLine[], sizes: ReadonlyMap<string, number>): void {
  const pairs: [string, string | undefined, string][] = [
    ['Country-Code', info['Country-Code'], s.assessment.countryCode],
    ['Checklist-Id', info['Checklist-Id'], s.checklist.id],
    ['Checklist-Version', info['Checklist-Version'], s.checklist.version],
    ['Response-Language', info['Response-Language'], s.assessment.responseLanguage],
    ['Submission-Revision', info['Submission-Revision'], String(s.submissionRevision)],
    ['External-Identifier', info['External-Identifier'], s.externalIdentifier],
    ['Bagging-Date', info['Bagging-Date'], s.baggingDate],
  ];
  for (const [field, inBagInfo, inSubmission] of pairs) {
    if (inBagInfo !== inSubmission) throw new BundleInvalid('disagreement', { field, bagInfo: inBagInfo ?? '', submission: inSubmission });
  }
  const hashes = new Map(manifest.map((l) => [l.path, l.sha256]));
  const listed = new Set<string>();
  for (const a of s.attachments) {
    listed.add(a.path);
    if (!a.path.startsWith(`${PAYLOAD.attachmentsDir}${a.sha256}-`) || hashes.get(a.path) !== a.sha256 || sizes.get(a.path) !== a.size) {
      throw new BundleInvalid('attachmentMismatch', { path: a.path });
    }
  }
  for (const p of hashes.keys()) {
    if (p === PAYLOAD.submission || p === PAYLOAD.report) continue;
    if (!listed.has(p)) throw new BundleInvalid('attachmentMismatch', { path: p });
  }
}
