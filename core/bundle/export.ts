import { createReadStream, promises as fs } from 'node:fs';
import path from 'node:path';
import { createHash, randomUUID, sign } from 'node:crypto';
import { Readable } from 'node:stream';
import { AppError } from '../errors';
import { createLogger } from '../log';
import { APP_VERSION, PRODUCT_NAME } from '../version';
import { DraftSchema, type AttachmentRef, type Draft } from '../draft/schema';
import { EvidenceAnswerSchema } from '../draft/answers';
import { validateDraft, type DraftProblem } from '../draft/validate';
import type { ChecklistPack } from '../checklist/schema';
import { describeIssues } from '../checklist/issues';
import type { SigningKey } from '../keys/keys';
import { BAGIT_TXT, formatBagInfo, formatManifest, type ManifestLine } from './bag-text';
import { PAYLOAD, SIGNATURES_DIR, TAG_FILES, bundleFileName, isIncompressible } from './names';
import { buildSubmission, isoDay, submissionBytes, type Submission } from './submission';
import { writeZipAtomically, type OutputFactory } from './zip-output';
import { progressMeter, type ProgressCallback } from './progress';

const log = createLogger('bundle-export');

/** Read attachments in 1 MiB pieces: 16× fewer reads, hash updates and zip writes than the 64 KiB default. */
const READ_CHUNK = 1024 * 1024;

/** What the PDF renderer is told about the bundle it goes into. */
export interface PdfStamp {
  status: 'submitted';
  externalIdentifier: string;
  signerFingerprint: string;
  /** The moment of the export (the Bagging-Date is its UTC day). */
  exportedAt: Date;
}

/** Renders `data/report.pdf`; injected so the bundle does not depend on the PDF layout code. */
export type RenderPdf = (draft: Draft, stamp: PdfStamp) => Promise<Uint8Array | AsyncIterable<Uint8Array>>;

export interface ExportOptions {
  draft: Draft;
  pack: ChecklistPack;
  /** Where the store keeps an attachment's content, by hash. */
  attachmentPath: (sha256: string) => string;
  signer: SigningKey;
  /** The revision this export carries; the caller increments it and freezes it in the history. */
  submissionRevision: number;
  renderPdf: RenderPdf;
  /** A `.zip` file path, or an existing folder to write the conventionally named file into. */
  out: string;
  now?: Date;
  /** For reproducible tests; a fresh `urn:uuid:` otherwise. */
  externalIdentifier?: string;
  createOutput?: OutputFactory;
  /**
   * Told the payload bytes written so far out of all (submission.json, the PDF when rendered as
   * bytes, the attachments), at most about 200 times, and (total, total) once the bundle is in place.
   */
  onProgress?: ProgressCallback;
}

export interface ExportResult {
  file: string;
  externalIdentifier: string;
  fingerprint: string;
  payloadOxum: string;
  bytes: number;
}

/** Export refused because the draft is incomplete; `problems` is the completeness list, item by item. */
export class ExportRefusedError extends AppError {
  readonly problems: DraftProblem[];
  constructor(problems: DraftProblem[]) {
    const first = problems[0];
    super('bundle:errors.incomplete', { count: problems.length, first: first?.itemId ?? '', items: problems.map((p) => p.itemId).join(', ') });
    this.problems = problems;
  }
}

/** The evidence item that cites an attachment, for a message that names it. */
function itemCiting(draft: Draft, pack: ChecklistPack, sha256: string): string {
  for (const item of pack.sections.flatMap((s) => s.items)) {
    if (item.type !== 'evidence') continue;
    const answer = EvidenceAnswerSchema.safeParse(draft.answers[item.id]);
    if (answer.success && answer.data.files.includes(sha256)) return item.id;
  }
  return '';
}

async function checkAttachments(draft: Draft, pack: ChecklistPack, where: (sha256: string) => string): Promise<void> {
  for (const ref of draft.attachments) {
    const stat = await fs.stat(where(ref.sha256)).catch(() => null);
    if (!stat?.isFile() || stat.size !== ref.size) {
      throw new AppError('bundle:errors.attachmentMissing', { name: ref.name, sha256: ref.sha256, itemId: itemCiting(draft, pack, ref.sha256) });
    }
  }
}

async function resolveTarget(out: string, submission: Submission): Promise<string> {
  const stat = await fs.stat(out).catch(() => null);
  const name = bundleFileName({
    country: submission.assessment.countryCode,
    checklistId: submission.checklist.id,
    checklistVersion: submission.checklist.version,
    revision: submission.submissionRevision,
    date: submission.baggingDate,
  });
  const file = stat?.isDirectory() ? path.join(out, name) : out;
  if (!file.toLowerCase().endsWith('.zip')) throw new AppError('bundle:errors.outputNotZip', { file: path.basename(file) });
  if (!stat?.isDirectory() && stat) throw new AppError('bundle:errors.outputExists', { file: path.basename(file) });
  if (await fs.stat(file).catch(() => null)) throw new AppError('bundle:errors.outputExists', { file: path.basename(file) });
  return file;
}

function toStream(pdf: Uint8Array | AsyncIterable<Uint8Array>): Readable {
  return pdf instanceof Uint8Array ? Readable.from([Buffer.from(pdf)]) : Readable.from(pdf);
}

/**
 * Write the signed submission bundle (docs/formats/bundle.md): a zipped BagIt 1.0 bag with one top
 * folder named like the file. Refuses an incomplete draft (ExportRefusedError, the completeness list)
 * and a draft whose attachment is missing on disk (`bundle:errors.attachmentMissing`, item named).
 * Attachments are streamed and hashed on their way into the zip; nothing is held whole in memory but
 * the JSON and the PDF. The file appears under its final name only once complete.
 */
export async function exportBundle(options: ExportOptions): Promise<ExportResult> {
  const { pack, signer } = options;
  const checked = DraftSchema.safeParse(options.draft);
  if (!checked.success) throw new AppError('drafts:errors.invalidDraft', describeIssues(checked.error));
  const draft = checked.data;
  if (draft.checklist.id !== pack.id || draft.checklist.version !== pack.version) {
    throw new AppError('drafts:errors.packNotFound', { id: draft.checklist.id, version: draft.checklist.version });
  }
  const problems = validateDraft(draft, pack);
  if (problems.length > 0) throw new ExportRefusedError(problems);
  if (!Number.isInteger(options.submissionRevision) || options.submissionRevision < 1) {
    throw new AppError('bundle:errors.badRevision', { revision: String(options.submissionRevision) });
  }
  await checkAttachments(draft, pack, options.attachmentPath);

  const now = options.now ?? new Date();
  const externalIdentifier = options.externalIdentifier ?? `urn:uuid:${randomUUID()}`;
  const software = `${PRODUCT_NAME} ${APP_VERSION}`;
  const submission = buildSubmission(draft, { externalIdentifier, submissionRevision: options.submissionRevision, exportedAt: now, software });
  const file = await resolveTarget(options.out, submission);
  const top = path.basename(file).slice(0, -'.zip'.length);
  const json = submissionBytes(submission);
  const pdf = await options.renderPdf(draft, { status: 'submitted', externalIdentifier, signerFingerprint: signer.fingerprint, exportedAt: now });
  const refs = new Map<string, AttachmentRef>(draft.attachments.map((a) => [a.sha256, a]));
  const pdfBytes = pdf instanceof Uint8Array ? pdf.length : 0;
  const progress = progressMeter(json.length + pdfBytes + submission.attachments.reduce((n, a) => n + a.size, 0), options.onProgress);

  let oxum = '';
  const bytes = await writeZipAtomically(
    file,
    now,
    async (zip) => {
      zip.addBuffer(`${top}/${TAG_FILES.bagit}`, Buffer.from(BAGIT_TXT), true);
      const lines: ManifestLine[] = [{ path: PAYLOAD.submission, sha256: createHash('sha256').update(json).digest('hex') }];
      zip.addBuffer(`${top}/${PAYLOAD.submission}`, json, true);
      progress.add(json.length);
      // A PDF rendered as a stream has no size known in advance: its bytes are left out of the count.
      const onPdf = pdfBytes > 0 ? (n: number) => progress.add(n) : undefined;
      const pending: Promise<ManifestLine & { size: number }>[] = [
        zip.addStream(`${top}/${PAYLOAD.report}`, () => toStream(pdf), false, undefined, onPdf).then((r) => ({ path: PAYLOAD.report, ...r })),
      ];
      for (const a of submission.attachments) {
        const ref = refs.get(a.sha256) as AttachmentRef;
        const streamed = zip
          .addStream(`${top}/${a.path}`, () => createReadStream(options.attachmentPath(a.sha256), { highWaterMark: READ_CHUNK }), !isIncompressible(ref.name, ref.mediaType), a.size, (n) => progress.add(n))
          .then((r) => {
            // The store names files by their hash; content that no longer matches is not what the user attached.
            if (r.sha256 !== a.sha256) throw new AppError('bundle:errors.attachmentChanged', { name: a.name, sha256: a.sha256 });
            return { path: a.path, ...r };
          });
        pending.push(streamed);
      }
      const streamed = await Promise.all(pending);
      lines.push(...streamed.map(({ path: p, sha256 }) => ({ path: p, sha256 })));
      const totalBytes = json.length + streamed.reduce((n, s) => n + s.size, 0);
      oxum = `${totalBytes}.${lines.length}`;

      const manifest = Buffer.from(formatManifest(lines));
      const bagInfo = Buffer.from(
        formatBagInfo({
          'Source-Organization': draft.assessment.focalPoints[0]?.institution || draft.assessment.contributingInstitutions[0] || '',
          'Contact-Name': draft.assessment.focalPoints[0]?.name ?? '',
          'Contact-Email': draft.assessment.focalPoints[0]?.email ?? '',
          'Bagging-Date': isoDay(now),
          'Payload-Oxum': oxum,
          'External-Identifier': externalIdentifier,
          'Country-Code': draft.assessment.countryCode,
          'Checklist-Id': draft.checklist.id,
          'Checklist-Version': draft.checklist.version,
          'Response-Language': draft.assessment.responseLanguage,
          'Submission-Revision': String(options.submissionRevision),
          Software: software,
        }),
      );
      const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
      const tagManifest = Buffer.from(
        formatManifest([
          { path: TAG_FILES.bagit, sha256: sha(Buffer.from(BAGIT_TXT)) },
          { path: TAG_FILES.bagInfo, sha256: sha(bagInfo) },
          { path: TAG_FILES.manifest, sha256: sha(manifest) },
        ]),
      );
      zip.addBuffer(`${top}/${TAG_FILES.bagInfo}`, bagInfo, true);
      zip.addBuffer(`${top}/${TAG_FILES.manifest}`, manifest, true);
      zip.addBuffer(`${top}/${TAG_FILES.tagManifest}`, tagManifest, true);
      zip.addBuffer(`${top}/${SIGNATURES_DIR}${signer.fingerprint}.sig`, sign(null, tagManifest, signer.privateKey), false);
      zip.addBuffer(`${top}/${SIGNATURES_DIR}${signer.fingerprint}.pub.pem`, Buffer.from(signer.publicKeyPem), true);
    },
    options.createOutput,
  );
  progress.finish();
  log.info(`bundle ${path.basename(file)} written`, { bytes, payload: oxum });
  return { file, externalIdentifier, fingerprint: signer.fingerprint, payloadOxum: oxum, bytes };
}
