import { createHash, sign } from 'node:crypto';
import type { Draft } from '../draft/schema';
import type { SigningKey } from '../keys/keys';
import { BAGIT_TXT, formatBagInfo, formatManifest, type ManifestLine } from './bag-text';
import { SIGNATURES_DIR, TAG_FILES } from './names';
import { isoDay } from './submission';

export interface TagFacts {
  draft: Draft;
  now: Date;
  oxum: string;
  externalIdentifier: string;
  submissionRevision: number;
  software: string;
}

const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

/**
 * The tag files and the signature, by path inside the top folder, in the order they go into the
 * zip: bag-info.txt, the payload manifest, the tag manifest over bagit.txt, bag-info.txt and the
 * manifest, and the signature over the tag manifest's exact bytes with the signer's public key.
 */
export function tagFiles(lines: readonly ManifestLine[], facts: TagFacts, signer: SigningKey): [path: string, bytes: Buffer, compress: boolean][] {
  const { draft } = facts;
  const manifest = Buffer.from(formatManifest([...lines]));
  const bagInfo = Buffer.from(
    formatBagInfo({
      'Source-Organization': draft.assessment.focalPoints[0]?.institution || draft.assessment.contributingInstitutions[0] || '',
      'Contact-Name': draft.assessment.focalPoints[0]?.name ?? '',
      'Contact-Email': draft.assessment.focalPoints[0]?.email ?? '',
      'Bagging-Date': isoDay(facts.now),
      'Payload-Oxum': facts.oxum,
      'External-Identifier': facts.externalIdentifier,
      'Country-Code': draft.assessment.countryCode,
      'Checklist-Id': draft.checklist.id,
      'Checklist-Version': draft.checklist.version,
      'Response-Language': draft.assessment.responseLanguage,
      'Submission-Revision': String(facts.submissionRevision),
      Software: facts.software,
    }),
  );
  const tagManifest = Buffer.from(
    formatManifest([
      { path: TAG_FILES.bagit, sha256: sha256(Buffer.from(BAGIT_TXT)) },
      { path: TAG_FILES.bagInfo, sha256: sha256(bagInfo) },
      { path: TAG_FILES.manifest, sha256: sha256(manifest) },
    ]),
  );
  return [
    [TAG_FILES.bagInfo, bagInfo, true],
    [TAG_FILES.manifest, manifest, true],
    [TAG_FILES.tagManifest, tagManifest, true],
    [`${SIGNATURES_DIR}${signer.fingerprint}.sig`, sign(null, tagManifest, signer.privateKey), false],
    [`${SIGNATURES_DIR}${signer.fingerprint}.pub.pem`, Buffer.from(signer.publicKeyPem), true],
  ];
}
