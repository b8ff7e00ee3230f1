/**
 * The changed items between two versions of a draft's answers (two history revisions, a review
 * base and the current draft, two bundles…), in checklist order, each with its structured change.
 */
import type { ChecklistItem, ChecklistPack } from '../checklist/schema';
import type { ItemType } from '../checklist/vocabulary';
import { jsonEqual } from './equal';
import { diffAnswer, type AnswerChange } from './item';

export interface ItemDiff {
  itemId: string;
  /** `unknown`: an answer to an item this checklist does not have (kept in drafts, never dropped). */
  type: ItemType | 'unknown';
  /** The item's section, null for an unknown item. */
  sectionId: string | null;
  change: 'added' | 'removed' | 'changed';
  before: unknown;
  after: unknown;
  detail: AnswerChange;
}

export type Answers = Readonly<Record<string, unknown>>;

/** Items of a pack in order, each with its section: built once per pack. */
const layouts = new WeakMap<ChecklistPack, Array<{ item: ChecklistItem; sectionId: string }>>();
export function itemsInOrder(pack: ChecklistPack): ReadonlyArray<{ item: ChecklistItem; sectionId: string }> {
  let list = layouts.get(pack);
  if (!list) layouts.set(pack, (list = pack.sections.flatMap((s) => s.items.map((item) => ({ item, sectionId: s.id })))));
  return list;
}

const has = (answers: Answers, id: string) => Object.prototype.hasOwnProperty.call(answers, id) && answers[id] !== undefined;

/** The difference of one item's answers, or null when they are equal. */
export function diffItem(item: ChecklistItem | undefined, itemId: string, sectionId: string | null, before: unknown, after: unknown): ItemDiff | null {
  if (jsonEqual(before, after)) return null;
  return {
    itemId,
    type: item?.type ?? 'unknown',
    sectionId,
    change: before === undefined ? 'added' : after === undefined ? 'removed' : 'changed',
    before,
    after,
    detail: diffAnswer(item, before, after),
  };
}

/** Changed items only: the pack's items in order, then answers to items it does not have, by id. */
export function diffAnswers(pack: ChecklistPack, before: Answers, after: Answers): ItemDiff[] {
  const out: ItemDiff[] = [];
  const known = new Set<string>();
  for (const { item, sectionId } of itemsInOrder(pack)) {
    known.add(item.id);
    const d = diffItem(item, item.id, sectionId, has(before, item.id) ? before[item.id] : undefined, has(after, item.id) ? after[item.id] : undefined);
    if (d) out.push(d);
  }
  const others = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((id) => !known.has(id)).sort();
  for (const id of others) {
    const d = diffItem(undefined, id, null, has(before, id) ? before[id] : undefined, has(after, id) ? after[id] : undefined);
    if (d) out.push(d);
  }
  return out;
}
