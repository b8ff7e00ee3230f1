import { promises as fs } from 'node:fs';
import path from 'node:path';
import { createHash, randomUUID } from 'node:crypto';
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
import { BAGIT_TXT, type ManifestLine } from './bag-text';
import { PAYLOAD, TAG_FILES, bundleFileName, isIncompressible } from './names';
import { entryNameProblem } from './entry-names';
import { buildSubmission, isoDay, submissionAttachments, submissionBytes, type Consultation } from './submission';
import { tagFiles } from './tag-files';
import { warmSharedHashPool } from './hash-worker';
import { writeZipAtomically, type OutputFactory } from './zip-output';
import { DEFAULT_LIMITS } from './zip-reader';
import { progressMeter, type ProgressCallback } from './progress';

const log = createLogger('bundle-export');

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
  /** Institutions consulted on the draft, carried in submission.json (`consultations`). */
  consultations?: readonly Consultation[];
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

/** Room left in a bundle for its JSON, its PDF and its tag files beside the attachments. */
const ROOM_FOR_REPORT = 64 * 1024 * 1024;

async function checkAttachments(draft: Draft, pack: ChecklistPack, where: (sha256: string) => string): Promise<void> {
  // A bundle the verifier would refuse is never written: the attachments must leave room within its total.
  const total = draft.attachments.reduce((n, a) => n + a.size, 0);
  const limit = DEFAULT_LIMITS.maxTotalBytes - ROOM_FOR_REPORT;
  if (total > limit) {
    throw new AppError('bundle:errors.attachmentsTooLarge', { size: Math.ceil(total / 1024 ** 2), limit: Math.floor(limit / 1024 ** 2) });
  }
  for (const ref of draft.attachments) {
    const stat = await fs.stat(where(ref.sha256)).catch(() => null);
    if (!stat?.isFile() || stat.size !== ref.size) {
      throw new AppError('bundle:errors.attachmentMissing', { name: ref.name, sha256: ref.sha256, itemId: itemCiting(draft, pack, ref.sha256) });
    }
  }
}

/** The bundle's path: `out` itself, or the conventional name inside the folder `out`; never an existing file. */
async function resolveTarget(out: string, draft: Draft, submissionRevision: number, now: Date): Promise<string> {
  const stat = await fs.stat(out).catch(() => null);
  const name = bundleFileName({
    country: draft.assessment.countryCode,
    checklistId: draft.checklist.id,
    checklistVersion: draft.checklist.version,
    revision: submissionRevision,
    date: isoDay(now),
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
  // The hash worker boots on the other core while this one validates the draft.
  warmSharedHashPool();
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
  const file = await resolveTarget(options.out, draft, options.submissionRevision, now);
  const top = path.basename(file).slice(0, -'.zip'.length);
  // Every name goes through the verifier's own rule: a bundle it would refuse is never written.
  const inBag = (name: string): string => {
    const problem = entryNameProblem(`${top}/${name}`);
    if (problem) throw new AppError('bundle:errors.outputNameUnsafe', { name: problem.params.path });
    return `${top}/${name}`;
  };
  inBag('');
  const attachments = submissionAttachments(draft);
  const refs = new Map<string, AttachmentRef>(draft.attachments.map((a) => [a.sha256, a]));
  // The JSON and the PDF are counted once they exist; the attachments are known now.
  const progress = progressMeter(attachments.reduce((n, a) => n + a.size, 0), options.onProgress, false);

  let oxum = '';
  const bytes = await writeZipAtomically(
    file,
    now,
    async (zip) => {
      zip.addBuffer(inBag(TAG_FILES.bagit), Buffer.from(BAGIT_TXT), true);
      // The attachments go first: they stream (read, hashed, written) while this thread builds the
      // submission JSON and the PDF is rendered, which would otherwise come before any byte is written.
      const streaming = attachments.map((a) => {
        const ref = refs.get(a.sha256) as AttachmentRef;
        return zip.addFile(inBag(a.path), options.attachmentPath(a.sha256), !isIncompressible(ref.name, ref.mediaType), a.size, (n) => progress.add(n)).then((r) => {
          // The store names files by their hash; content that no longer matches is not what the user attached.
          if (r.sha256 !== a.sha256) throw new AppError('bundle:errors.attachmentChanged', { name: a.name, sha256: a.sha256 });
          return { path: a.path, ...r };
        });
      });
      // Awaited below, after the PDF: a failure meanwhile must not count as unhandled.
      for (const s of streaming) s.catch(() => undefined);

      const submission = buildSubmission(draft, {
        externalIdentifier,
        submissionRevision: options.submissionRevision,
        exportedAt: now,
        software,
        ...(options.consultations ? { consultations: options.consultations } : {}),
      });
      const json = submissionBytes(submission);
      progress.expect(json.length);
      zip.addBuffer(inBag(PAYLOAD.submission), json, true);
      progress.add(json.length);
      const pdf = await options.renderPdf(draft, { status: 'submitted', externalIdentifier, signerFingerprint: signer.fingerprint, exportedAt: now });
      // A PDF rendered as a stream has no size known in advance: its bytes are left out of the count.
      const pdfBytes = pdf instanceof Uint8Array ? pdf.length : 0;
      progress.expect(pdfBytes);
      progress.seal();
      const onPdf = pdfBytes > 0 ? (n: number) => progress.add(n) : undefined;
      const report = zip.addStream(inBag(PAYLOAD.report), () => toStream(pdf), false, undefined, onPdf);

      const streamed = [{ path: PAYLOAD.report, ...(await report) }, ...(await Promise.all(streaming))];
      const lines: ManifestLine[] = [{ path: PAYLOAD.submission, sha256: createHash('sha256').update(json).digest('hex') }];
      lines.push(...streamed.map(({ path: p, sha256 }) => ({ path: p, sha256 })));
      oxum = `${json.length + streamed.reduce((n, s) => n + s.size, 0)}.${lines.length}`;
      const facts = { draft, now, oxum, externalIdentifier, submissionRevision: options.submissionRevision, software };
      for (const [name, content, compress] of tagFiles(lines, facts, signer)) zip.addBuffer(inBag(name), content, compress);
    },
    options.createOutput,
  );
  progress.finish();
  log.info(`bundle ${path.basename(file)} written`, { bytes, payload: oxum });
  return { file, externalIdentifier, fingerprint: signer.fingerprint, payloadOxum: oxum, bytes };
}
