import { printableFingerprint } from '../../core/keys';
import type { ImportDecision } from '../../core/secretariat';
import type { CommandContext } from './types';

/** The reason in the message language, e.g. a verification failure or why a bundle is held. */
export function reasonText(ctx: CommandContext, d: ImportDecision): string | undefined {
  return d.reason ? ctx.t(d.reason.code, d.reason.params) : undefined;
}

/**
 * `--json`: one object per line and per file, as DESIGN.md fixes it (`path`, `decision`, `reason`,
 * `country`, `submissionRevision`, `externalIdentifier`), plus where the file is kept and its signers.
 */
export function decisionJson(ctx: CommandContext, d: ImportDecision): string {
  const reason = reasonText(ctx, d);
  return JSON.stringify({
    path: d.path,
    decision: d.decision,
    ...(reason !== undefined ? { reason, reasonCode: d.reason?.code } : {}),
    ...(d.facts ? { country: d.facts.country, submissionRevision: d.facts.submissionRevision, externalIdentifier: d.facts.externalIdentifier, checklistId: d.facts.checklistId } : {}),
    ...(d.file ? { file: d.file } : {}),
    ...(d.signers ? { signers: d.signers.map((s) => ({ fingerprint: s.fingerprint, role: s.role })) } : {}),
  });
}

/** One decision for a person: what, which file, why or where; then each signer with its registered role. */
export function printDecision(ctx: CommandContext, d: ImportDecision): void {
  const decision = ctx.t(`secretariat:decisions.${d.decision}`);
  const reason = reasonText(ctx, d);
  const facts = d.facts ? { country: d.facts.country, revision: d.facts.submissionRevision } : null;
  if (reason !== undefined) ctx.out(ctx.t('import.because', { decision, path: d.path, reason }));
  else if (facts && d.file) ctx.out(ctx.t('import.stored', { decision, path: d.path, ...facts, file: d.file }));
  else if (facts) ctx.out(ctx.t('import.known', { decision, path: d.path, ...facts }));
  else ctx.out(ctx.t('import.plain', { decision, path: d.path }));
  if (d.decision === 'rejected' || d.decision === 'duplicate') return;
  for (const s of d.signers ?? []) {
    const role = s.role ? ctx.t(`secretariat:roles.${s.role}`) : ctx.t('secretariat:signer.unregistered', { country: d.facts?.country ?? '' });
    ctx.out(ctx.t('import.signer', { fingerprint: printableFingerprint(s.fingerprint).replace('\n', ' '), role: s.name ? `${role}, ${s.name}` : role }));
  }
}
