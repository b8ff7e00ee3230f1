/**
 * `scsa pack diff OLD NEW`: what changed between two versions of a checklist, item by item. When
 * NEW carries migrations from OLD's version, items are followed through them (a moved item is a
 * move, not a removal plus an addition); otherwise items are matched by id.
 */
import type { LocalizedText } from '../checklist/localized';
import type { LoadedPack } from '../checklist/load';
import { migrationPath } from '../checklist/migration-chain';
import type { PackReference } from '../checklist/registry';
import type { ChecklistItem } from '../checklist/schema';
import { LANGUAGES, type Language } from '../i18n/languages';
import { changedLanguages, fateOf, optionsChanged } from '../revisions/item-map';

export type DiffChange = 'added' | 'removed' | 'moved' | 'textChanged' | 'typeChanged' | 'optionsChanged';
export const DIFF_CHANGES: readonly DiffChange[] = ['added', 'removed', 'moved', 'textChanged', 'typeChanged', 'optionsChanged'];

export interface DiffEntry {
  change: DiffChange;
  oldId: string | null;
  newId: string | null;
  /** The question (new wording when there is one). */
  title: LocalizedText;
  /** textChanged: the languages whose wording changed. */
  languages?: Language[];
  /** typeChanged: the types before and after. */
  fromType?: string;
  toType?: string;
  /** moved: the sections before and after (also set when only the section changed). */
  fromSection?: string;
  toSection?: string;
  /** removed: the pack's note, when a migration removed it on purpose. */
  note?: LocalizedText;
  /** optionsChanged: option or column ids the migrations rename, `old → new`. */
  renamed?: string[];
}

export interface PackDiff {
  from: PackReference;
  to: PackReference;
  /** Items were followed through NEW's migrations (else matched by id). */
  viaMigrations: boolean;
  entries: DiffEntry[];
  counts: Record<DiffChange, number>;
}

function sectionsOf(loaded: LoadedPack): Map<string, string> {
  return new Map(loaded.pack.sections.flatMap((s) => s.items.map((i) => [i.id, s.id] as const)));
}

/** Compare two loaded packs (any two; typically two versions of one checklist). */
export function diffPacks(oldPack: LoadedPack, newPack: LoadedPack): PackDiff {
  const sameChecklist = oldPack.pack.id === newPack.pack.id;
  const steps = sameChecklist ? migrationPath(newPack.pack, oldPack.pack.version) : null;
  const oldSections = sectionsOf(oldPack);
  const newSections = sectionsOf(newPack);
  const entries: DiffEntry[] = [];
  const reached = new Set<string>();

  for (const [oldId, oldItem] of oldPack.items) {
    const fate = fateOf(steps ?? [], newPack.items, oldId);
    const newItem = fate.newId ? (newPack.items.get(fate.newId) as ChecklistItem) : undefined;
    if (!newItem || !fate.newId) {
      entries.push({ change: 'removed', oldId, newId: null, title: oldItem.text, ...(fate.note ? { note: fate.note } : {}) });
      continue;
    }
    reached.add(fate.newId);
    const base = { oldId, newId: fate.newId, title: newItem.text };
    const fromSection = oldSections.get(oldId) as string;
    const toSection = newSections.get(fate.newId) as string;
    if (fate.newId !== oldId || fromSection !== toSection) entries.push({ change: 'moved', ...base, fromSection, toSection });
    const languages = changedLanguages(oldItem.text, newItem.text, LANGUAGES);
    if (languages.length > 0) entries.push({ change: 'textChanged', ...base, languages });
    if (oldItem.type !== newItem.type) entries.push({ change: 'typeChanged', ...base, fromType: oldItem.type, toType: newItem.type });
    else {
      const renamed = fate.entries.flatMap((e) => Object.entries({ ...e.options, ...e.columns }).map(([from, to]) => `${from} → ${to}`));
      if (renamed.length > 0 || optionsChanged(oldItem, newItem, fate.entries)) entries.push({ change: 'optionsChanged', ...base, ...(renamed.length > 0 ? { renamed } : {}) });
    }
  }
  for (const item of newPack.items.values()) {
    if (!reached.has(item.id)) entries.push({ change: 'added', oldId: null, newId: item.id, title: item.text });
  }
  const counts = Object.fromEntries(DIFF_CHANGES.map((c) => [c, entries.filter((e) => e.change === c).length])) as Record<DiffChange, number>;
  return {
    from: { id: oldPack.pack.id, version: oldPack.pack.version },
    to: { id: newPack.pack.id, version: newPack.pack.version },
    viaMigrations: steps !== null && steps.length > 0,
    entries,
    counts,
  };
}
