/**
 * Moving an assessment the draft store holds: plan against the packs the registry knows, then save
 * the moved draft as a new revision, so history can undo the move like any other change. Submitted
 * revisions are frozen copies the store never rewrites: they stay on their version. Kept apart from
 * index.ts, which stays free of Node modules for the renderer.
 */
import { AppError } from '../errors';
import { findPack, type PackReference } from '../checklist/registry';
import type { LoadedPack } from '../checklist/load';
import type { Draft } from '../draft/schema';
import type { DraftStore } from '../store/draft-store';
import { applyMove } from './move';
import { planMove, type MovePlan } from './plan';

function packOf(ref: PackReference, find: (ref: PackReference) => LoadedPack | null): LoadedPack {
  const found = find(ref);
  if (!found) throw new AppError('drafts:errors.packNotFound', { id: ref.id, version: ref.version });
  return found;
}

/** The preview of moving open assessment `id` to `to` (a pack the registry knows). Nothing is saved. */
export function previewStoredMove(store: DraftStore, id: string, to: PackReference, find = findPack): MovePlan {
  const current = store.current(id);
  if (!current) throw new AppError('drafts:errors.notOpen', { id });
  const oldPack = find(current.checklist);
  if (!oldPack) throw new AppError('packs:errors.oldVersionMissing', { id: current.checklist.id, version: current.checklist.version });
  return planMove(current, oldPack, packOf(to, find));
}

/**
 * Move open assessment `id` to `to` and save the result as the next revision. Throws what planMove
 * throws (nothing saved then) and `drafts:errors.notOpen`. Returns the plan and the saved draft.
 */
export async function moveStoredDraft(store: DraftStore, id: string, to: PackReference, find = findPack, now: Date = new Date()): Promise<{ plan: MovePlan; draft: Draft }> {
  const current = store.current(id);
  if (!current) throw new AppError('drafts:errors.notOpen', { id });
  const oldPack = find(current.checklist);
  if (!oldPack) throw new AppError('packs:errors.oldVersionMissing', { id: current.checklist.id, version: current.checklist.version });
  const plan = planMove(current, oldPack, packOf(to, find), now);
  return { plan, draft: await store.save(applyMove(current, plan), { milestone: true }) };
}
