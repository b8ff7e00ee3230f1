import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../core/errors';
import { localize } from '../../core/checklist/localized';
import type { LoadedPack } from '../../core/checklist/load';
import { writeFileAtomic } from '../../core/fs/atomic';
import { applyMove, planMove, type MovePlan, type PreviewEntry } from '../../core/revisions';
import { appendChange } from '../../core/store/changes';
import { companionAttachmentsDir } from '../../core/store/portable';
import { serializeDraft } from '../../core/store/read';
import { EXIT } from '../exit-codes';
import { reportAppError } from './passphrase';
import { loadTargetPack, option, trustForCli, usage } from './pack-input';
import { readDraftFile } from './read-draft';
import type { CommandContext, CommandRun } from './types';

const TITLE_CHARS = 70;

function shorten(text: string): string {
  const flat = [...text.replace(/\s+/g, ' ').trim()];
  return flat.length <= TITLE_CHARS ? flat.join('') : `${flat.slice(0, TITLE_CHARS - 1).join('')}…`;
}

/** Whether a line says something: a question unchanged with its answer kept as it was is only counted. */
const worthListing = (e: PreviewEntry) => !(e.kind === 'kept' && (e.answer === 'kept' || e.answer === 'none'));

function previewLines(ctx: CommandContext, plan: MovePlan): string[] {
  const lines: string[] = [];
  for (const e of plan.entries.filter(worthListing)) {
    const ids = e.oldId && e.newId && e.oldId !== e.newId ? `${e.oldId} → ${e.newId}` : (e.newId ?? e.oldId ?? '');
    const parts = [ids, ctx.t(`packs:preview.kind.${e.kind}`), ctx.t(`packs:preview.answer.${e.answer}`), ...(e.pleaseCheck ? [ctx.t('packs:preview.pleaseCheck')] : [])];
    lines.push(`  ${parts.join(' — ')}`);
    if (e.title) lines.push(`      ${shorten(localize(e.title, ctx.language).text)}`);
    if (e.note) lines.push(`      ${localize(e.note, ctx.language).text}`);
  }
  return lines;
}

async function copyAttachments(from: string, to: string): Promise<void> {
  const source = companionAttachmentsDir(path.resolve(from));
  const target = companionAttachmentsDir(path.resolve(to));
  if (source === target || !existsSync(source) || existsSync(target)) return;
  await fs.cp(source, target, { recursive: true });
}

/**
 * `scsa migrate DRAFT --to PACKFILE|ID@V [--dry-run] [--json] [--out FILE] [--trust PUB.pem]`: move
 * a portable draft to another version of its checklist. The preview (item by item) comes first;
 * then, unless --dry-run, the moved draft is written atomically over DRAFT or to --out, as the next
 * revision. PACKFILE must be a signed *.scsa-pack whose signer this build trusts, or the key given
 * with --trust. Every refusal (no migration from the draft's version, an untrusted or changed pack…)
 * writes nothing and exits 1.
 */
export const run: CommandRun = async (ctx) => {
  const file = ctx.positionals[0] as string;
  const to = option(ctx, 'to');
  if (to === undefined) return usage(ctx, 'migrate', 'errors.missingOption', { option: '--to PACKFILE|ID@V' });
  const trust = await trustForCli(ctx, 'migrate');
  if (typeof trust === 'number') return trust;
  const read = await readDraftFile(ctx, file);
  if (typeof read === 'number') return read;
  const { draft, loaded } = read;
  const json = ctx.options.json === true;
  const dryRun = ctx.options['dry-run'] === true;
  const out = option(ctx, 'out') ?? file;
  try {
    const target: LoadedPack = await loadTargetPack(to, trust);
    const now = new Date();
    const plan = planMove(draft, loaded, target, now);
    if (!json) printPreview(ctx, file, plan);
    let written: { file: string; revision: number } | null = null;
    if (!dryRun) {
      const moved = applyMove(draft, plan);
      const revision = draft.revision + 1;
      const next = { ...moved, revision, updatedAt: now.toISOString(), changeLog: appendChange(draft, moved, revision, now) };
      try {
        await writeFileAtomic(path.resolve(out), serializeDraft(next));
        await copyAttachments(file, out);
      } catch (err) {
        ctx.err(`scsa: ${ctx.t('new.cannotWrite', { file: out, reason: (err as NodeJS.ErrnoException).code ?? 'error' })}`);
        return EXIT.failedCheck;
      }
      written = { file: out, revision };
    }
    if (json) {
      const { newAnswers: _answers, ...preview } = plan;
      ctx.out(JSON.stringify({ ...preview, written }, null, 2));
    } else {
      ctx.out(written ? ctx.t('migrate.written', { file: written.file, version: plan.to.version, revision: written.revision }) : ctx.t('migrate.dryRun'));
    }
    return EXIT.ok;
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    return reportAppError(ctx, err);
  }
};

function printPreview(ctx: CommandContext, file: string, plan: MovePlan): void {
  ctx.out(ctx.t('migrate.header', { file, id: plan.from.id, from: plan.from.version, to: plan.to.version }));
  for (const l of previewLines(ctx, plan)) ctx.out(l);
  const unchanged = plan.entries.filter((e) => !worthListing(e)).length;
  if (unchanged > 0) ctx.out(ctx.t('migrate.unchanged', { count: unchanged }));
  ctx.out(ctx.t('migrate.answers', plan.answers));
  if (plan.pleaseCheck > 0) ctx.out(ctx.t('migrate.pleaseCheck', { count: plan.pleaseCheck }));
}
