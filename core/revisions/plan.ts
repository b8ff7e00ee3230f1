/**
 * The preview of moving a draft to another version of its checklist, item by item, together with
 * the answers the moved draft will hold. Pure and synchronous: the app shows the preview before
 * anything is saved, and `applyMove` (move.ts) turns the same plan into the new draft.
 *
 * The rule that matters: **no answer is ever dropped.** Every answered item of the old draft ends
 * either in its place in the new version (kept, or converted as the pack says) or among the kept
 * answers (`retiredAnswers`): removed questions, type changes the pack gives no conversion for,
 * answers that would not fit, and answers to items the old version did not have.
 */
import { isAnswered } from '../checklist/answer-presence';
import { migrationPath } from '../checklist/migration-chain';
import type { LocalizedText } from '../checklist/localized';
import type { LoadedPack } from '../checklist/load';
import type { PackReference } from '../checklist/registry';
import type { ChecklistItem } from '../checklist/schema';
import { answerSchemaFor } from '../draft/answers';
import { keptWords, partialText } from '../draft/kept-words';
import type { RetiredAnswer, RetiredReason } from '../draft/retired';
import type { Draft } from '../draft/schema';
import { AppError } from '../errors';
import { applyEntry, canonicalText } from './convert';
import { changedLanguages, fateOf, optionsChanged, type ItemFate } from './item-map';

type Answer = Draft['answers'][string];

/** What happens to one question: its primary change (flags below give the others). */
export type PreviewKind = 'kept' | 'moved' | 'textChanged' | 'typeChanged' | 'removed' | 'new' | 'unknown';
/** What happens to its answer: none given, kept as is, converted, or kept aside among the answers to questions no longer in the checklist. */
export type AnswerOutcome = 'none' | 'kept' | 'converted' | 'retained';

export interface PreviewEntry {
  kind: PreviewKind;
  /** The item id in the draft's version; null for a new question. */
  oldId: string | null;
  /** The item id in the new version; null when the question has no place there. */
  newId: string | null;
  textChanged: boolean;
  typeChanged: boolean;
  optionsChanged: boolean;
  answer: AnswerOutcome;
  /** Why the answer was kept aside, when it was. */
  reason?: RetiredReason;
  /** The question (the new wording when it has a place in the new version). */
  title: LocalizedText | null;
  /** The pack's note on a removal. */
  note?: LocalizedText;
  /** The user should read the question and the answer again ("please check"). */
  pleaseCheck: boolean;
}

export interface MovePlan {
  from: PackReference;
  to: PackReference;
  entries: PreviewEntry[];
  counts: Record<PreviewKind, number>;
  /** Answers by outcome (answered items only). */
  answers: Record<Exclude<AnswerOutcome, 'none'>, number>;
  pleaseCheck: number;
  /** The moved draft's answers, by item id of the new version. */
  newAnswers: Record<string, Answer>;
  /** Answers kept aside by this move (appended to the draft's `retiredAnswers`). */
  retired: RetiredAnswer[];
}

const partial = partialText;

/**
 * Plan the move of `draft` (on `oldPack`, the version it names) to `newPack`. Throws AppError
 * `packs:errors.otherChecklist` (another checklist, not a version of this one),
 * `packs:errors.alreadyOnVersion`, `packs:errors.noMigrationPath` (the new pack has no migration
 * from the draft's version), `packs:errors.oldVersionMissing` (`oldPack` is not the draft's version).
 */
export function planMove(draft: Draft, oldPack: LoadedPack, newPack: LoadedPack, now: Date = new Date()): MovePlan {
  const from = draft.checklist;
  const to = { id: newPack.pack.id, version: newPack.pack.version };
  if (from.id !== to.id) throw new AppError('packs:errors.otherChecklist', { from: from.id, to: to.id });
  if (from.version === to.version) throw new AppError('packs:errors.alreadyOnVersion', { id: to.id, version: to.version });
  if (oldPack.pack.id !== from.id || oldPack.pack.version !== from.version) throw new AppError('packs:errors.oldVersionMissing', { id: from.id, version: from.version });
  const steps = migrationPath(newPack.pack, from.version);
  if (!steps) throw new AppError('packs:errors.noMigrationPath', { id: to.id, from: from.version, to: to.version });

  const language = draft.assessment.responseLanguage;
  const retiredAt = now.toISOString();
  const newAnswers: Record<string, Answer> = {};
  const retired: RetiredAnswer[] = [];
  const taken = new Set<string>();
  const byOld = new Map<string, PreviewEntry>();

  const retire = (oldId: string, value: Answer, reason: RetiredReason, item: ChecklistItem | undefined, fate?: ItemFate): void => {
    retired.push({
      itemId: oldId,
      checklist: { ...from },
      ...(item ? { type: item.type } : {}),
      title: partial(item?.text),
      answer: structuredClone(value),
      reason,
      ...(fate?.note ? { note: partial(fate.note) } : {}),
      ...(reason === 'typeChanged' && fate?.newId ? { newItemId: fate.newId } : {}),
      retiredAt,
      // The old version's words for the choices and columns: its pack may be gone where this is read.
      ...(item ? keptWords(item, value) : {}),
    });
  };

  const fates = [...oldPack.items.keys()].map((id) => fateOf(steps, newPack.items, id));
  // Explicit moves claim their target first: an item a step moved onto an id wins over an old item that merely kept that id.
  const ordered = [...fates.filter((f) => f.explicit), ...fates.filter((f) => !f.explicit)];
  for (const fate of ordered) {
    const oldItem = oldPack.items.get(fate.oldId) as ChecklistItem;
    const newItem = fate.newId ? newPack.items.get(fate.newId) : undefined;
    const value = draft.answers[fate.oldId];
    const answered = value !== undefined && isAnswered(value);
    const entry: PreviewEntry = {
      kind: 'kept',
      oldId: fate.oldId,
      newId: fate.newId,
      textChanged: newItem ? changedLanguages(oldItem.text, newItem.text, [language]).length > 0 : false,
      typeChanged: newItem ? newItem.type !== oldItem.type : false,
      optionsChanged: newItem ? optionsChanged(oldItem, newItem, fate.entries) : false,
      answer: answered ? 'kept' : 'none',
      title: newItem ? newItem.text : oldItem.text,
      ...(fate.note ? { note: fate.note } : {}),
      pleaseCheck: false,
    };
    entry.kind = !newItem ? 'removed' : fate.newId !== fate.oldId ? 'moved' : entry.typeChanged || entry.optionsChanged ? 'typeChanged' : entry.textChanged ? 'textChanged' : 'kept';
    byOld.set(fate.oldId, entry);
    if (!answered) continue;

    const keepAside = (reason: RetiredReason) => {
      retire(fate.oldId, value, reason, oldItem, fate);
      entry.answer = 'retained';
      entry.reason = reason;
    };
    if (!newItem || !fate.newId) {
      keepAside(fate.removed ? 'removed' : 'notInNewVersion');
      continue;
    }
    if (taken.has(fate.newId)) {
      keepAside('conflict');
      continue;
    }
    let converted: unknown = value;
    let failed = false;
    for (const step of fate.entries) {
      const result = applyEntry(converted, step);
      if (!result.ok) {
        failed = true;
        break;
      }
      converted = result.value;
    }
    const reshaped = fate.entries.some((e) => e.convert || e.options || e.columns);
    const saysHow = fate.entries.some((e) => e.convert);
    const mustFit = entry.typeChanged || entry.optionsChanged || reshaped;
    if (failed || (entry.typeChanged && !saysHow) || (mustFit && !answerSchemaFor(newItem).safeParse(converted).success)) {
      keepAside('typeChanged');
      continue;
    }
    taken.add(fate.newId);
    newAnswers[fate.newId] = converted as Answer;
    // Renamed option or column ids leave the answer what it was; only a conversion changes it.
    if (saysHow && canonicalText(converted) !== canonicalText(value)) entry.answer = 'converted';
  }

  // Kept answers in the old version's order (explicit moves were settled first, above).
  const order = new Map([...oldPack.items.keys()].map((id, i) => [id, i]));
  retired.sort((a, b) => (order.get(a.itemId) ?? 0) - (order.get(b.itemId) ?? 0));

  // Answers to items the draft's own version does not have: never guessed into a place.
  const unknown: PreviewEntry[] = [];
  for (const [id, value] of Object.entries(draft.answers)) {
    if (oldPack.items.has(id) || !isAnswered(value)) continue;
    retire(id, value, 'unknownItem', undefined);
    unknown.push({ kind: 'unknown', oldId: id, newId: null, textChanged: false, typeChanged: false, optionsChanged: false, answer: 'retained', reason: 'unknownItem', title: null, pleaseCheck: false });
  }

  const entries: PreviewEntry[] = [];
  const intoNew = new Map<string, PreviewEntry[]>();
  for (const fate of fates) {
    const entry = byOld.get(fate.oldId) as PreviewEntry;
    if (fate.newId && entry.kind !== 'removed') intoNew.set(fate.newId, [...(intoNew.get(fate.newId) ?? []), entry]);
  }
  for (const item of newPack.items.values()) {
    const landed = intoNew.get(item.id);
    if (landed) entries.push(...landed);
    else entries.push({ kind: 'new', oldId: null, newId: item.id, textChanged: false, typeChanged: false, optionsChanged: false, answer: 'none', title: item.text, pleaseCheck: false });
  }
  for (const fate of fates) if ((byOld.get(fate.oldId) as PreviewEntry).kind === 'removed') entries.push(byOld.get(fate.oldId) as PreviewEntry);
  entries.push(...unknown);

  const counts: MovePlan['counts'] = { kept: 0, moved: 0, textChanged: 0, typeChanged: 0, removed: 0, new: 0, unknown: 0 };
  const outcomes: MovePlan['answers'] = { kept: 0, converted: 0, retained: 0 };
  let pleaseCheck = 0;
  for (const e of entries) {
    e.pleaseCheck = e.answer !== 'none' && e.answer !== 'retained' && (e.textChanged || e.answer === 'converted' || e.optionsChanged);
    counts[e.kind] += 1;
    if (e.answer !== 'none') outcomes[e.answer] += 1;
    if (e.pleaseCheck) pleaseCheck += 1;
  }
  return { from: { ...from }, to, entries, counts, answers: outcomes, pleaseCheck, newAnswers, retired };
}
