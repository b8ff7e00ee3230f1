import { readDraftFile } from './read-draft';
import { consultationsFromFile } from './export-reviews';
import path from 'node:path';
import { companionAttachmentsDir } from '../../core/store/portable';
import { attachmentFile } from '../../core/store/attachments';
import { printableFingerprint, type SigningKey } from '../../core/keys';
import { ExportRefusedError, exportBundle } from '../../core/bundle';
import { describeWarnings, reportModelFromDraft } from '../../core/pdf/from-draft';
import { renderReport } from '../../core/pdf/report';
import { EXIT } from '../exit-codes';
import { PASSPHRASE_VARIABLE, reportAppError } from './passphrase';
import { loadKeyForCli, unlockForCli } from './unlock-key';
import { percentText, progressLine } from './progress-line';
import type { CommandContext, CommandRun } from './types';

function usage(ctx: CommandContext, key: string, params: Record<string, string> = {}): number {
  ctx.err(`scsa: ${ctx.t(key, params)}`);
  ctx.err(ctx.t('usage.moreHelp', { command: 'scsa export --help' }));
  return EXIT.usage;
}

const option = (ctx: CommandContext, name: string): string | undefined => {
  const v = ctx.options[name];
  return typeof v === 'string' && v !== '' ? v : undefined;
};

async function unlock(ctx: CommandContext, keyDir: string, shown: string): Promise<SigningKey | number> {
  const keyFile = await loadKeyForCli(ctx, keyDir, shown);
  if (typeof keyFile === 'number') return keyFile;
  return unlockForCli(ctx, keyFile, PASSPHRASE_VARIABLE, ctx.t('bundle:cli.prompt'));
}

/**
 * `scsa export DRAFT --key DIR --out FILE|DIR [--revision N] [--reviews FILE]`: sign a complete
 * portable draft (`*.scsa.json`, attachments from its `*.scsa-attachments/` folder) into a
 * submission bundle. The report inside is the draft's PDF report marked as submitted (core/pdf);
 * with --reviews, the institutions consulted (from the focal point's `reviews.json`) are in both.
 */
export const run: CommandRun = async (ctx) => {
  const draftFile = ctx.positionals[0] as string;
  const keyDir = option(ctx, 'key');
  const out = option(ctx, 'out');
  if (keyDir === undefined) return usage(ctx, 'errors.missingOption', { option: '--key DIR' });
  if (out === undefined) return usage(ctx, 'errors.missingOption', { option: '--out FILE' });
  const revisionText = option(ctx, 'revision') ?? '1';
  if (!/^[1-9]\d{0,8}$/.test(revisionText)) return usage(ctx, 'bundle:errors.badRevision', { revision: revisionText });

  const read = await readDraftFile(ctx, draftFile);
  if (typeof read === 'number') return read;
  const { draft, loaded } = read;
  const reviewsFile = option(ctx, 'reviews');
  const consultations = reviewsFile === undefined ? [] : await consultationsFromFile(ctx, reviewsFile, draft);
  if (typeof consultations === 'number') return consultations;
  const attachmentsDir = companionAttachmentsDir(path.resolve(draftFile));
  try {
    const signer = await unlock(ctx, path.resolve(keyDir), keyDir);
    if (typeof signer === 'number') return signer;
    const progress = progressLine((done, total) => ctx.t('export.progress', { percent: percentText(ctx.language, done, total) }));
    const result = await exportBundle({
      draft,
      pack: loaded.pack,
      attachmentPath: (sha256) => attachmentFile(attachmentsDir, sha256),
      signer,
      submissionRevision: Number(revisionText),
      consultations,
      // The report in the bundle is the submitted version: no watermark, identifier and signer on the cover.
      renderPdf: async (d, stamp) => {
        const model = reportModelFromDraft(d, loaded.pack, {
          status: 'submitted',
          externalIdentifier: stamp.externalIdentifier,
          signerFingerprint: stamp.signerFingerprint,
          now: stamp.exportedAt,
          consultations,
        });
        const rendered = await renderReport(model);
        for (const line of describeWarnings(rendered.warnings, ctx.language)) ctx.err(line);
        return rendered.bytes;
      },
      onProgress: (done, total) => progress.update(done, total),
      out: path.resolve(out),
    }).finally(() => progress.clear());
    ctx.out(ctx.t('bundle:cli.exported', { file: path.relative(process.cwd(), result.file) || result.file }));
    ctx.out(ctx.t('bundle:cli.externalIdentifier', { id: result.externalIdentifier }));
    if (consultations.length > 0) ctx.out(ctx.t('export.consulted', { list: consultations.map((c) => c.institution).join(', ') }));
    ctx.out(ctx.t('bundle:cli.signedBy'));
    ctx.out(`${printableFingerprint(result.fingerprint)}\n`);
    return EXIT.ok;
  } catch (err) {
    const code = reportAppError(ctx, err);
    if (err instanceof ExportRefusedError) ctx.err(ctx.t('bundle:cli.seeValidate', { command: `scsa validate ${draftFile}` }));
    return code;
  }
};
