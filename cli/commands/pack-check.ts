import { AppError } from '../../core/errors';
import { findPack } from '../../core/checklist/registry';
import { checkPackText, type CheckFinding } from '../../core/packs/check';
import { describeSignatures, loadTrustDir } from '../../core/packs/trust';
import { EXIT } from '../exit-codes';
import { reportAppError } from './passphrase';
import { readPackForAuthoring, shippedTrustDir } from './pack-input';
import type { CommandContext, CommandRun } from './types';

function line(ctx: CommandContext, finding: CheckFinding): string {
  const message = ctx.t(finding.code, finding.params);
  return `  ${ctx.t(finding.severity === 'error' ? 'packCheck.error' : 'packCheck.warning', { message })}`;
}

/**
 * `scsa pack check FILE`: every problem of a pack.json or *.scsa-pack, listed (schema, rules,
 * references, the six languages and each missing translation, migrations), and for a signed pack
 * whether its signature holds and its signer is in this build's trust list. Exit 1 on any error.
 */
export const run: CommandRun = async (ctx) => {
  const file = ctx.positionals[0] as string;
  let read;
  try {
    read = await readPackForAuthoring(file);
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    return reportAppError(ctx, err);
  }
  let signaturesOk = true;
  if (read.container) {
    const trust = await loadTrustDir(shippedTrustDir());
    const signatures = describeSignatures(read.container, trust);
    if (signatures.length === 0) ctx.out(ctx.t('packs:errors.unsigned'));
    for (const s of signatures) {
      const key = !s.valid ? 'packCheck.signatureInvalid' : s.trusted ? 'packCheck.signedTrusted' : 'packCheck.signedUnknown';
      ctx.out(ctx.t(key, { fingerprint: s.fingerprint }));
      if (!s.valid) signaturesOk = false;
    }
  }
  const report = checkPackText(read.text, findPack);
  if (report.pack) ctx.out(ctx.t('packCheck.summary', report.pack));
  for (const finding of report.findings) ctx.out(line(ctx, finding));
  const errors = report.findings.filter((f) => f.severity === 'error').length + (signaturesOk ? 0 : 1);
  const warnings = report.findings.length - report.findings.filter((f) => f.severity === 'error').length;
  if (errors > 0) {
    ctx.err(`scsa: ${ctx.t('packCheck.failed', { count: errors })}`);
    return EXIT.failedCheck;
  }
  ctx.out(warnings > 0 ? ctx.t('packCheck.okWithWarnings', { count: warnings }) : ctx.t('packCheck.ok'));
  return EXIT.ok;
};
