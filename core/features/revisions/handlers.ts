import type { HandlersOf } from '../../api/common';
import { AppError } from '../../errors';
import { createLogger } from '../../log';
import { listPacks } from '../../checklist/registry';
import type { Draft } from '../../draft/schema';
import type { DraftStore } from '../../store/draft-store';
import type { EditQueue } from '../../store/edit-queue';
import { moveStoredDraft, previewStoredMove } from '../../revisions/store-move';
import type { MovePlan } from '../../revisions/plan';
import type { MovePreview, NewerVersion, revisionsContract } from './contract';

const log = createLogger('revisions');

export interface RevisionsDeps {
  store: DraftStore;
  queue: EditQueue;
  /** Settles once the installed packs are loaded. */
  ready: Promise<unknown>;
}

/** Compare two semantic versions by their numbers (a pre-release sorts before its release). */
export function compareVersions(a: string, b: string): number {
  const parts = (v: string) => {
    const [core = '', pre] = v.split('+')[0]!.split(/-(.*)/s);
    return { nums: core.split('.').map((n) => Number(n) || 0), pre: pre ?? null };
  };
  const x = parts(a);
  const y = parts(b);
  for (let i = 0; i < 3; i++) {
    const d = (x.nums[i] ?? 0) - (y.nums[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  if (x.pre === y.pre) return 0;
  if (x.pre === null) return 1;
  if (y.pre === null) return -1;
  return x.pre < y.pre ? -1 : 1;
}

function previewOf(plan: MovePlan): MovePreview {
  return { from: plan.from, to: plan.to, entries: plan.entries, counts: plan.counts, answers: plan.answers, pleaseCheck: plan.pleaseCheck };
}

/**
 * The assessment screen's "a new version of the checklist is available", its preview and the move.
 * The move runs in the assessment's edit queue, so answers typed before it are saved first and the
 * moved draft is the next revision; submitted revisions are frozen copies and stay on their version.
 */
export function createRevisionHandlers(deps: RevisionsDeps): HandlersOf<typeof revisionsContract> {
  const { store, queue } = deps;
  const openDraft = (id: string): Draft => {
    const draft = store.current(id);
    if (!draft) throw new AppError('drafts:errors.notOpen', { id });
    return draft;
  };
  return {
    async findNewerVersion(id): Promise<NewerVersion> {
      await deps.ready;
      const current = { ...(store.current(id) ?? (await store.open(id, { readOnly: true })).draft).checklist };
      const newest = listPacks()
        .filter((p) => p.id === current.id && compareVersions(p.version, current.version) > 0)
        .sort((a, b) => compareVersions(b.version, a.version))[0];
      if (!newest) return { current, newer: null };
      return { current, newer: { id: newest.id, version: newest.version, title: newest.title, origin: newest.origin, ...(newest.signer ? { signer: newest.signer } : {}) } };
    },
    async previewMove(id, to) {
      await deps.ready;
      // Behind the edits already sent: the preview counts the answers as saved.
      return queue.run(id, async () => {
        openDraft(id);
        return previewOf(previewStoredMove(store, id, to));
      });
    },
    async moveAssessment(id, to) {
      await deps.ready;
      return queue.run(id, async () => {
        const before = openDraft(id);
        const { plan, draft } = await moveStoredDraft(store, id, to);
        log.info(`assessment ${id} moved from ${plan.from.id} ${plan.from.version} to ${plan.to.version} (revision ${before.revision} → ${draft.revision}; ${plan.answers.retained} kept aside)`);
        const notice = {
          code: 'packs:move.done',
          params: { from: plan.from.version, to: plan.to.version, count: plan.answers.retained, pleaseCheck: plan.pleaseCheck, revision: before.revision },
        };
        return { draft, notices: [notice], readOnly: false };
      });
    },
  };
}
