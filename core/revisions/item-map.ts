/**
 * Where each item of an earlier checklist version goes in this one: followed through the pack's
 * migration steps, an item keeps its id unless a step moves or removes it. Shared by the draft
 * move (plan.ts) and the authoring diff (core/packs/diff.ts).
 */
import type { LocalizedText } from '../checklist/localized';
import { isRemoval, type MigrationStep, type MovedEntry } from '../checklist/migrations-schema';
import type { ChecklistItem, TableColumn } from '../checklist/schema';
import type { Language } from '../i18n/languages';

export interface ItemFate {
  oldId: string;
  /** The item in the new version; null when a step removed it or the new version has no such id. */
  newId: string | null;
  /** A step named the item (moved, renamed options, converted or removed it). */
  explicit: boolean;
  /** A step removed it on purpose (as opposed to an id that is simply gone). */
  removed: boolean;
  /** The pack's note on the removal. */
  note?: LocalizedText;
  /** The step entries to apply to its answer, in order. */
  entries: MovedEntry[];
}

const own = <T>(record: Readonly<Record<string, T>>, key: string): T | undefined =>
  Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;

/** Follow `oldId` through `steps` (a path from migrationPath) into the new version's items. */
export function fateOf(steps: readonly MigrationStep[], newItems: ReadonlyMap<string, ChecklistItem>, oldId: string): ItemFate {
  let id = oldId;
  const entries: MovedEntry[] = [];
  let explicit = false;
  for (const step of steps) {
    const entry = own(step.items, id);
    if (!entry) continue;
    explicit = true;
    if (isRemoval(entry)) {
      return { oldId, newId: null, explicit, removed: true, ...(entry.note ? { note: entry.note } : {}), entries };
    }
    entries.push(entry);
    id = entry.to ?? id;
  }
  return { oldId, newId: newItems.has(id) ? id : null, explicit, removed: false, entries };
}

/** Whether the question reads differently in any of `languages`. */
export function changedLanguages(before: LocalizedText, after: LocalizedText, languages: readonly Language[]): Language[] {
  return languages.filter((l) => before[l] !== after[l]);
}

function optionIds(item: ChecklistItem): string[] | null {
  return item.type === 'single' || item.type === 'multi' ? item.options.map((o) => o.id) : null;
}

function renamedThrough(ids: readonly string[], entries: readonly MovedEntry[], key: 'options' | 'columns'): string[] {
  return ids.map((id) => entries.reduce((current, e) => (e[key] ? (own(e[key], current) ?? current) : current), id));
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000');

function columnShape(c: TableColumn, id: string): string {
  return JSON.stringify([id, c.type, (c.options ?? []).map((o) => o.id).sort()]);
}

/**
 * Whether the choices an answer can hold differ once the steps' renames are applied: option ids of
 * a choice, or columns (ids, types, options) of a table. A type change is reported apart.
 */
export function optionsChanged(before: ChecklistItem, after: ChecklistItem, entries: readonly MovedEntry[]): boolean {
  const oldOptions = optionIds(before);
  const newOptions = optionIds(after);
  if (oldOptions && newOptions) return !sameSet(renamedThrough(oldOptions, entries, 'options'), newOptions);
  if (before.type === 'table' && after.type === 'table') {
    const renamed = renamedThrough(
      before.columns.map((c) => c.id),
      entries,
      'columns',
    );
    const oldShapes = before.columns.map((c, i) => columnShape(c, renamed[i] ?? c.id));
    const newShapes = after.columns.map((c) => columnShape(c, c.id));
    return !sameSet(oldShapes, newShapes);
  }
  return false;
}
