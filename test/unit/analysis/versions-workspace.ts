/**
 * A real secretariat workspace holding submissions on two versions of one checklist: signed bundles
 * on the default pack (1.0.0) and on its test-only revision 1.1.0, imported with importBundles.
 *
 * 1.0.0: DEU (A.4 yes), PER (A.4 no), KEN revision 1 (A.4 no, superseded by its revision 2).
 * 1.1.0: KEN revision 2 (A.4 planned, C.20 yes), AUT (A.4 yes, C.20 no), JPN (A.4 no, C.20 yes).
 * D.4 exists in 1.0.0 only (removed), C.20 in 1.1.0 only (new).
 */
import path from 'node:path';
import { promises as fs } from 'node:fs';
import { exportBundle } from '../../../core/bundle';
import { loadExample } from '../../../core/checklist/examples';
import { loadPack, type LoadedPack } from '../../../core/checklist/load';
import { defaultPack } from '../../../core/checklist/registry';
import type { Draft } from '../../../core/draft/schema';
import type { SigningKey } from '../../../core/keys';
import { moveDraft } from '../../../core/revisions';
import { addKey, createWorkspace, importBundles, type ImportDecision, type Workspace } from '../../../core/secretariat';
import { saclRevisionSource } from '../../fixtures/packs/sacl-revision';
import { fakePdf } from '../bundle/fixture';
import { signingKey } from './bundles';
import { NOW } from './fixture';

export const sacl = defaultPack();

export interface VersionsWorkspace {
  ws: Workspace;
  /** 1.1.0, as loaded (not registered: the caller decides whether the analysis knows it). */
  revision: LoadedPack;
  /** The pack source of 1.1.0, for a signed pack file. */
  revisionSource: Record<string, unknown>;
  /** The option of D.4 PER and KEN chose (DEU chose `not_available`). */
  d4Other: string;
  decisions: ImportDecision[];
}

/** The example assessment of `code` on 1.0.0, or moved to 1.1.0, with `answers` over it, exported signed into `dir`. */
async function bundleOf(dir: string, key: SigningKey, revision: LoadedPack, code: string, version: '1.0.0' | '1.1.0', submissionRevision: number, answers: Record<string, unknown>): Promise<string> {
  const example = loadExample('en');
  let draft: Draft = { ...example, id: `${code.toLowerCase()}-2026`, assessment: { ...example.assessment, countryCode: code } };
  if (version === '1.1.0') draft = moveDraft(draft, sacl, revision, NOW).draft;
  draft = { ...draft, answers: { ...draft.answers, 'A.6': 'full', ...answers } as Draft['answers'] };
  const out = path.join(dir, `${code}-${version}-r${submissionRevision}`);
  await fs.mkdir(out, { recursive: true });
  const result = await exportBundle({
    draft,
    pack: (version === '1.1.0' ? revision : sacl).pack,
    attachmentPath: (sha) => path.join(dir, 'no-attachments', sha),
    signer: key,
    submissionRevision,
    renderPdf: fakePdf,
    out,
    now: new Date(`2026-10-0${submissionRevision}T12:00:00Z`),
  });
  return result.file;
}

/** The workspace in `tmp/ws`, every country's key registered, every bundle imported. */
export async function versionsWorkspace(tmp: string): Promise<VersionsWorkspace> {
  const revisionSource = await saclRevisionSource(tmp);
  const revision = loadPack(revisionSource);
  const key = await signingKey();
  const d4 = sacl.items.get('D.4') as { options?: { id: string }[] };
  const d4Other = (d4.options ?? []).map((o) => o.id).find((id) => id !== 'not_available') ?? '';
  const bundles = path.join(tmp, 'bundles');
  const make = (code: string, version: '1.0.0' | '1.1.0', n: number, answers: Record<string, unknown>) => bundleOf(bundles, key, revision, code, version, n, answers);
  const files = [
    await make('DEU', '1.0.0', 1, { 'A.1': 'Bundesministerium', 'A.4': true, 'D.4': 'not_available' }),
    await make('PER', '1.0.0', 1, { 'A.1': 'Ministerio', 'A.4': false, 'D.4': d4Other }),
    await make('KEN', '1.0.0', 1, { 'A.1': 'Old ministry', 'A.4': false, 'D.4': d4Other }),
    await make('KEN', '1.1.0', 2, { 'A.1': 'Ministry of Lands', 'A.4': 'planned', 'C.20': true }),
    await make('AUT', '1.1.0', 1, { 'A.1': 'Bundeskanzleramt', 'A.4': 'yes', 'C.20': false }),
    await make('JPN', '1.1.0', 1, { 'A.1': 'Cabinet Office', 'A.4': 'no', 'C.20': true }),
  ];
  const ws = await createWorkspace(path.join(tmp, 'ws'));
  for (const country of ['DEU', 'PER', 'KEN', 'AUT', 'JPN']) await addKey(ws, { country, pem: key.publicKeyPem, fingerprint: key.fingerprint });
  const { decisions } = await importBundles(ws, files);
  return { ws, revision, revisionSource, d4Other, decisions };
}
