/**
 * Where an assessment stands on this computer, apart from its answers: its summary for the export
 * screen, archived or not, and deletion, which moves it (with its kept bundles) into the trash folder
 * of the data folder and can be undone.
 */
import type { Draft } from '../../draft/schema';
import type { DraftStore } from '../../store/draft-store';
import type { EditQueue } from '../../store/edit-queue';
import { updateAssessmentState } from '../../store/assessment-state';
import { summarize } from '../../store/list';
import { moveToTrash, restoreFromTrash, type TrashCompanion } from '../../store/trash';
import type { AssessmentHandlers } from './handlers';

export interface ShelfOptions {
  dataDir: string;
  /** What else belongs to an assessment in the data folder (its submission log and kept bundles), moved to the trash with it. */
  companions(id: string): TrashCompanion[];
  now?: () => Date;
}

type ShelfHandlers = Pick<AssessmentHandlers, 'getAssessmentOverview' | 'setAssessmentArchived' | 'deleteAssessment' | 'restoreDeletedAssessment'>;

export function createShelfHandlers(store: DraftStore, queue: EditQueue, options: ShelfOptions): ShelfHandlers {
  const now = options.now ?? (() => new Date());
  /** The draft as saved, behind the edits already queued; no lock taken (`drafts:errors.notFound` when absent). */
  const saved = (id: string): Promise<Draft> => queue.run(id, async () => store.current(id) ?? (await store.open(id, { readOnly: true })).draft);

  return {
    async getAssessmentOverview(id) {
      const draft = await saved(id);
      return { summary: await summarize(store.paths(id), id, draft), assessment: draft.assessment };
    },
    async setAssessmentArchived(id, archived) {
      const draft = await saved(id);
      const paths = store.paths(id);
      const state = await updateAssessmentState(paths.state, (s) => ({ ...s, archivedAt: archived ? (s.archivedAt ?? now().toISOString()) : null }));
      return summarize(paths, id, draft, state);
    },
    async deleteAssessment(id) {
      return queue.run(id, async () => {
        const draft = store.current(id) ?? (await store.open(id, { readOnly: true })).draft;
        // Open here (a window left it open): its last work is saved and its lock released first.
        await store.close(id);
        const trashEntry = await moveToTrash(options.dataDir, id, draft.assessment.countryCode, options.companions(id), now());
        return { trashEntry };
      });
    },
    async restoreDeletedAssessment(entry) {
      const id = await restoreFromTrash(options.dataDir, entry);
      const draft = (await store.open(id, { readOnly: true })).draft;
      return summarize(store.paths(id), id, draft);
    },
  };
}
