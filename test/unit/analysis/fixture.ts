// Submissions for the analysis tests: the bundled example assessment given to real countries, with
// answers changed so that results and the alphabet order countries differently.
import { createHash } from 'node:crypto';
import { loadExample } from '../../../core/checklist/examples';
import { buildSubmission, type Submission } from '../../../core/bundle/submission';
import type { Consent } from '../../../core/analysis/consent';
import { defaultPack } from '../../../core/checklist/registry';
import { memorySource, type SubmissionSource } from '../../../core/analysis/source';
import { setLogSink } from '../../../core/log';

setLogSink(null);

export const pack = defaultPack();
export const NOW = new Date('2026-11-20T09:30:00Z');

export interface FixtureOptions {
  language?: 'en' | 'ar';
  consent?: Consent | null;
  revision?: number;
  exportedAt?: string;
  /** Changes to the example's answers (set a key to undefined to remove the answer). */
  answers?: Record<string, unknown>;
  checklistVersion?: string;
}

function uuidOf(seed: string): string {
  const h = createHash('sha256').update(seed).digest('hex');
  return `urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The example assessment as the current submission of `code`. */
export function submissionFor(code: string, options: FixtureOptions = {}): Submission {
  const draft = loadExample(options.language ?? 'en');
  draft.id = `${code.toLowerCase()}-2026`;
  draft.assessment.countryCode = code;
  if (options.checklistVersion) draft.checklist.version = options.checklistVersion;
  const answers: Record<string, unknown> = { ...draft.answers };
  if (options.consent === null) delete answers['A.6'];
  else answers['A.6'] = options.consent ?? 'full';
  for (const [id, value] of Object.entries(options.answers ?? {})) {
    if (value === undefined) delete answers[id];
    else answers[id] = value;
  }
  draft.answers = answers as Submission['answers'];
  const revision = options.revision ?? 1;
  return buildSubmission(draft, {
    externalIdentifier: uuidOf(`${code}-${revision}-${options.exportedAt ?? ''}`),
    submissionRevision: revision,
    exportedAt: new Date(options.exportedAt ?? '2026-10-01T12:00:00Z'),
    software: 'test',
  });
}

export function sourceOf(submissions: Submission[]): SubmissionSource {
  return memorySource(submissions.map((submission, i) => ({ submission, origin: `memory-${i}` })));
}

/** The UNCAC-style answer of the example for `itemId`, with its status replaced. */
export function withStatus(itemId: string, status: string | undefined): Record<string, unknown> {
  const base = loadExample('en').answers[itemId] as Record<string, unknown>;
  const copy = { ...base };
  if (status === undefined) delete copy.status;
  else copy.status = status;
  return { [itemId]: copy };
}
