import { promises as fs } from 'node:fs';
import type { HandlersOf } from '../../api/common';
import { AppError } from '../../errors';
import { createLogger } from '../../log';
import { DEFAULT_PACK, findPack, getPack } from '../../checklist/registry';
import { checkEnteringAnswers } from '../../draft/answer-structure';
import { checkAnswerCount } from '../../draft/limits';
import { loadExample } from '../../checklist/examples';
import { validateDraft } from '../../draft/validate';
import type { Draft } from '../../draft/schema';
import type { DraftStore, OpenedDraft } from '../../store/draft-store';
import type { EditQueue } from '../../store/edit-queue';
import { applyAnswerChanges } from './answer-changes';
import type { assessmentsContract } from './contract';
import { draftToPortable, importPortable, inspectPortable } from './portable-text';
import { createShelfHandlers, type ShelfOptions } from './shelf';

const pathExists = (p: string) => fs.stat(p).then(() => true, () => false);

const log = createLogger('assessments');

/** The contract methods that work on assessments and their drafts. */
export type AssessmentHandlers = HandlersOf<typeof assessmentsContract>;

const opened = (o: OpenedDraft) => ({ draft: o.draft, notices: o.notices, readOnly: o.readOnly });
const saved = (d: Draft) => ({ revision: d.revision, updatedAt: d.updatedAt });

/**
 * Assessments over the draft store. Creating, importing or opening an assessment takes its write lock
 * (`drafts:errors.locked` when another process holds it) until `closeAssessment`; edits need it open.
 * Every edit is read-change-save under the assessment's edit queue, and answers only once the new
 * revision is on disk.
 */
export function createAssessmentHandlers(store: DraftStore, queue: EditQueue, shelf: ShelfOptions): AssessmentHandlers {
  const now = shelf.now ?? (() => new Date());
  const openDraft = (id: string): Draft => {
    const draft = store.current(id);
    if (!draft) throw new AppError('drafts:errors.notOpen', { id });
    return draft;
  };
  /** The open draft, or the one on disk read without taking the lock (validation and copies need no lock). */
  const readDraft = async (id: string): Promise<Draft> => store.current(id) ?? (await store.open(id, { readOnly: true })).draft;

  return {
    async listAssessments() {
      return store.list();
    },
    async createAssessment(meta, packRef) {
      const { pack } = getPack(packRef ?? DEFAULT_PACK);
      const draft = await store.create(meta, pack);
      log.info(`created assessment ${draft.id} (${draft.assessment.countryCode}, ${pack.id} ${pack.version})`);
      return { draft, notices: [], readOnly: false };
    },
    async openAssessment(id) {
      return opened(await store.open(id));
    },
    async closeAssessment(id) {
      await queue.run(id, () => store.close(id));
      return null;
    },
    async saveAnswers(id, changes) {
      return queue.run(id, async () => {
        const draft = openDraft(id);
        // Bounded and in its item's structure before it reaches the store (draft/answer-structure.ts).
        checkEnteringAnswers(changes, findPack(draft.checklist)?.items ?? null);
        const answers = applyAnswerChanges(draft.answers, changes);
        checkAnswerCount(Object.keys(answers).length);
        return saved(await store.save({ ...draft, answers }));
      });
    },
    async updateAssessment(id, meta) {
      return queue.run(id, async () => saved(await store.save({ ...openDraft(id), assessment: meta })));
    },
    async listHistory(id) {
      const entries = await store.listHistory(id);
      return entries.map((e) => ({ revision: e.revision, savedAt: e.savedAt, size: e.size, ...(e.submission ? { submission: e.submission } : {}) }));
    },
    async restoreVersion(id, revision) {
      return queue.run(id, async () => {
        openDraft(id);
        return { draft: await store.restore(id, revision), notices: [], readOnly: false };
      });
    },
    async validateAssessment(id) {
      const draft = await readDraft(id);
      const { pack } = getPack(draft.checklist);
      return validateDraft(draft, pack).map((p) => ({ ...p, params: { ...p.params } }));
    },
    async exportCopy(id) {
      return draftToPortable(await readDraft(id));
    },
    async inspectCopy(copy) {
      return inspectPortable(store, copy);
    },
    async importCopy(copy, mode) {
      return opened(await importPortable(store, queue, copy, mode, now()));
    },
    async openExample(language) {
      // The example keeps its fixed id, so a workshop reopens the copy it has been working on.
      const example = loadExample(language);
      if (store.current(example.id)) return { draft: openDraft(example.id), notices: [], readOnly: false };
      if (await pathExists(store.paths(example.id).dir)) return opened(await store.open(example.id));
      await store.adoptImported(example, async () => undefined);
      log.info(`training example ${example.id} added`);
      return { draft: example, notices: [], readOnly: false };
    },
    ...createShelfHandlers(store, queue, shelf),
  };
}
