import type { Draft } from '../draft/schema';
import type { DraftStore } from './draft-store';

/**
 * One edit at a time per assessment: an edit reads the open draft, changes it and saves it, and two
 * edits that overlapped would each start from the same draft and the later save would drop the
 * earlier one's change. Edits of different assessments run in parallel.
 */
export class EditQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(id: string, task: () => Promise<T>): Promise<T> {
    const tail = this.tails.get(id) ?? Promise.resolve();
    const next = tail.then(task, task);
    const settled = next.catch(() => undefined);
    this.tails.set(id, settled);
    void settled.then(() => {
      if (this.tails.get(id) === settled) this.tails.delete(id);
    });
    return next;
  }

  /** Settles when every edit queued so far has finished. */
  async idle(): Promise<void> {
    await Promise.all([...this.tails.values()]);
  }
}

/**
 * The draft as saved, behind the edits already sent (so a report or a bundle has every answer saved
 * before the user asked for it): the open draft, or the one on disk read without taking the lock.
 */
export function savedDraft(store: DraftStore, queue: EditQueue, id: string): Promise<Draft> {
  return queue.run(id, async () => store.current(id) ?? (await store.open(id, { readOnly: true })).draft);
}
