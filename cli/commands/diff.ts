import { promises as fs } from 'node:fs';
import path from 'node:path';
import { findPack } from '../../core/checklist/registry';
import type { LoadedPack } from '../../core/checklist/load';
import { diffAnswers, jsonEqual, itemsInOrder, type Answers } from '../../core/diff';
import { openBag, readSmall } from '../../core/bundle/zip-reader';
import { parseSubmission } from '../../core/bundle/verify-content';
import { MAX_PORTABLE_BYTES } from '../../core/store/portable';
import { EXIT } from '../exit-codes';
import { answerLabels } from './answer-labels';
import { renderItemDiff } from './diff-render';
import { readDraftFile } from './read-draft';
import type { CommandContext, CommandRun } from './types';

/** One side of the comparison: a portable draft or the submission inside a bundle. */
interface Side {
  file: string;
  kind: 'draft' | 'bundle';
  id: string;
  revision: number;
  submissionRevision?: number;
  checklist: { id: string; version: string };
  answers: Answers;
  other: unknown;
  loaded: LoadedPack | undefined;
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

async function startsLikeZip(file: string): Promise<boolean> {
  const handle = await fs.open(file, 'r').catch(() => null);
  if (!handle) return false;
  try {
    const head = Buffer.alloc(4);
    const { bytesRead } = await handle.read(head, 0, 4, 0);
    return bytesRead === 4 && head.equals(ZIP_MAGIC);
  } finally {
    await handle.close();
  }
}

async function readSide(ctx: CommandContext, file: string): Promise<Side | number> {
  if (await startsLikeZip(file)) {
    let bag;
    try {
      bag = await openBag(path.resolve(file));
    } catch {
      ctx.err(`scsa: ${ctx.t('diff.notReadable', { file })}`);
      return EXIT.failedCheck;
    }
    try {
      const entry = bag.files.get('data/submission.json');
      if (!entry) throw new Error('no submission.json');
      const s = parseSubmission(await readSmall(bag, entry, MAX_PORTABLE_BYTES));
      return {
        file,
        kind: 'bundle',
        id: s.draft.id,
        revision: s.draft.revision,
        submissionRevision: s.submissionRevision,
        checklist: s.checklist,
        answers: s.answers,
        other: [s.assessment, s.attachments.map(({ path: _p, ...a }) => a)],
        loaded: findPack(s.checklist) ?? undefined,
      };
    } catch {
      ctx.err(`scsa: ${ctx.t('diff.notReadable', { file })}`);
      return EXIT.failedCheck;
    } finally {
      bag.zip.close();
    }
  }
  const read = await readDraftFile(ctx, file);
  if (typeof read === 'number') return read;
  const { draft, loaded } = read;
  return { file, kind: 'draft', id: draft.id, revision: draft.revision, checklist: draft.checklist, answers: draft.answers, other: [draft.assessment, draft.attachments], loaded };
}

function describe(s: Side) {
  return { file: s.file, kind: s.kind, id: s.id, revision: s.revision, ...(s.submissionRevision !== undefined ? { submissionRevision: s.submissionRevision } : {}), checklist: s.checklist };
}

/**
 * `scsa diff A B [--json]`: the items whose answers differ between two drafts or bundles (a
 * bundle's submission.json; its signature is checked by `scsa verify`, not here), in checklist
 * order: words in texts, fields in UNCAC blocks, rows in tables, choices, files and links.
 * Exit 0 whether or not they differ; 1 when a file cannot be read.
 */
export const run: CommandRun = async (ctx) => {
  const [fileA, fileB] = ctx.positionals as [string, string];
  const a = await readSide(ctx, fileA);
  if (typeof a === 'number') return a;
  const b = await readSide(ctx, fileB);
  if (typeof b === 'number') return b;
  // Compared on the newer side's checklist; an answer to an item it lacks is still compared, as a value.
  const loaded = b.loaded ?? a.loaded;
  if (!loaded) {
    ctx.err(`scsa: ${ctx.t('validate.packNotFound', { file: fileB, id: b.checklist.id, version: b.checklist.version })}`);
    return EXIT.failedCheck;
  }
  const items = diffAnswers(loaded.pack, a.answers, b.answers);
  const metadata = !jsonEqual(a.other, b.other) || !jsonEqual(a.checklist, b.checklist);
  if (ctx.options.json === true) {
    ctx.out(JSON.stringify({ a: describe(a), b: describe(b), sameAssessment: a.id === b.id, metadata, items }, null, 2));
    return EXIT.ok;
  }
  if (a.id !== b.id) ctx.err(ctx.t('diff.otherAssessment'));
  if (items.length === 0) ctx.out(ctx.t('diff.identical', { a: fileA, b: fileB }));
  else ctx.out(ctx.t('diff.header', { a: fileA, b: fileB, count: items.length }));
  if (metadata) ctx.out(ctx.t('diff.metadata'));
  const byId = new Map(itemsInOrder(loaded.pack).map(({ item }) => [item.id, item]));
  const labels = answerLabels(loaded.pack, ctx.language, ctx.t);
  for (const d of items) ctx.out(renderItemDiff(d, byId.get(d.itemId), labels, ctx.t).join('\n'));
  return EXIT.ok;
};
