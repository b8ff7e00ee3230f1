// Real signed bundles of the example assessment for the analysis tests (a stand-in PDF, fast keys).
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { exportBundle } from '../../../core/bundle';
import { loadExample } from '../../../core/checklist/examples';
import { defaultPack } from '../../../core/checklist/registry';
import { generateKey, unlockKey, type SigningKey } from '../../../core/keys';
import type { Consent } from '../../../core/analysis/consent';
import { fakePdf, FAST, PASS } from '../bundle/fixture';

export async function signingKey(): Promise<SigningKey> {
  return unlockKey((await generateKey(PASS, FAST)).keyFile, PASS);
}

export interface BundleSpec {
  code: string;
  key: SigningKey;
  language?: 'en' | 'ar';
  revision?: number;
  consent?: Consent;
  answers?: Record<string, unknown>;
}

/** Writes the example assessment of `code` as a signed bundle into `dir`; returns its path. */
export async function writeBundle(dir: string, spec: BundleSpec): Promise<string> {
  await fs.mkdir(dir, { recursive: true });
  const draft = loadExample(spec.language ?? 'en');
  draft.id = `${spec.code.toLowerCase()}-2026`;
  draft.assessment.countryCode = spec.code;
  draft.answers = { ...draft.answers, 'A.6': spec.consent ?? 'full', ...(spec.answers ?? {}) } as typeof draft.answers;
  const result = await exportBundle({
    draft,
    pack: defaultPack().pack,
    attachmentPath: (sha) => path.join(dir, 'no-attachments', sha),
    signer: spec.key,
    submissionRevision: spec.revision ?? 1,
    renderPdf: fakePdf,
    out: dir,
    now: new Date(`2026-10-0${spec.revision ?? 1}T12:00:00Z`),
  });
  return result.file;
}
