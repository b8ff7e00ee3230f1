/**
 * The words a kept answer needs to be read once its question has left the checklist: the options
 * chosen and a table's column names, as the version the answer was given for worded them. They are
 * taken when a move keeps the answer aside (core/revisions) and written with it, because the old
 * version's pack may not be installed where the draft, its bundle or its report is read later.
 *
 * `keptItem` rebuilds, from a kept answer, an item good enough to show the answer with: the words
 * kept with it (format 3); else, for answers kept by an older app, the old version's own item when
 * its pack is installed; else option and column ids, as before.
 */
import type { LocalizedText } from '../checklist/localized';
import type { ChecklistItem } from '../checklist/schema';
import type { ItemType } from '../checklist/vocabulary';
import { LANGUAGES, type Language } from '../i18n/languages';
import { MAX_KEPT_WORDS, type KeptColumn, type KeptOption, type RetiredAnswer } from './retired';

type PartialText = Partial<Record<Language, string>>;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every language the text has (a lenient pack stores a missing translation as ''). */
export function partialText(text: LocalizedText | undefined): PartialText {
  return text ? Object.fromEntries(LANGUAGES.filter((l) => text[l]).map((l) => [l, text[l]])) : {};
}

/** A full text from a partial one: a missing language reads as English, else as any language kept, else `fallback`. */
export function fullText(text: PartialText | undefined, fallback: string): LocalizedText {
  const any = text ? text.en || LANGUAGES.map((l) => text[l]).find((t) => t) : undefined;
  return Object.fromEntries(LANGUAGES.map((l) => [l, text?.[l] || any || fallback])) as LocalizedText;
}

/** The string values of `value`, and of every list in it (a choice, or several). */
function chosenIds(value: unknown): Set<string> {
  const ids = new Set<string>();
  for (const v of Array.isArray(value) ? value : [value]) if (typeof v === 'string') ids.add(v);
  return ids;
}

// Within the format's bound, so a move never fails on words: any beyond it would read as ids.
const keptOptions = (options: readonly { id: string; label: LocalizedText }[], chosen: Set<string>): KeptOption[] =>
  options
    .filter((o) => chosen.has(o.id))
    .slice(0, MAX_KEPT_WORDS)
    .map((o) => ({ id: o.id, label: partialText(o.label) }));

/**
 * The words to keep with an answer to `item` (from the version it was given for): the chosen
 * options of a single or multiple choice, a table's columns and the choices made in them. Status
 * and UNCAC words are the checklist's fixed vocabulary, which every version carries.
 */
export function keptWords(item: ChecklistItem, value: unknown): { options?: KeptOption[]; columns?: KeptColumn[] } {
  if (item.type === 'single' || item.type === 'multi') {
    const options = keptOptions(item.options, chosenIds(value));
    return options.length ? { options } : {};
  }
  if (item.type === 'table') {
    const rows = Array.isArray(value) ? value.filter(isRecord) : [];
    const columns = item.columns.slice(0, MAX_KEPT_WORDS).map((c): KeptColumn => {
      const options = c.options ? keptOptions(c.options, new Set(rows.flatMap((r) => [...chosenIds(r[c.id])]))) : [];
      return { id: c.id, type: c.type, label: partialText(c.label), ...(options.length ? { options } : {}) };
    });
    return { columns };
  }
  return {};
}

/** A type to show an answer of unknown origin by: its shape decides. */
export function shapeType(value: unknown): ItemType {
  if (typeof value === 'boolean') return 'yesno';
  if (typeof value === 'number') return 'number';
  if (Array.isArray(value)) return value.every(isRecord) && value.length > 0 ? 'table' : 'multi';
  if (isRecord(value)) return 'files' in value || 'links' in value ? 'evidence' : 'uncac';
  return 'text';
}

const option = (o: KeptOption) => ({ id: o.id, label: fullText(o.label, o.id) });

/**
 * An item to show `entry`'s answer with (see the module's note): never null, so an answer is
 * always shown; a choice or column the kept words do not name reads as its id.
 */
export function keptItem(entry: RetiredAnswer, oldItem?: ChecklistItem): ChecklistItem {
  const type = entry.type ?? shapeType(entry.answer);
  const hasWords = entry.options !== undefined || entry.columns !== undefined;
  if (!hasWords && oldItem && oldItem.type === type) return oldItem;
  const base = { id: entry.itemId, text: fullText(entry.title, entry.itemId), required: false, constraints: [] };
  switch (type) {
    case 'single':
    case 'multi':
      return { ...base, type, options: (entry.options ?? []).map(option) } as ChecklistItem;
    case 'table': {
      const kept = new Map((entry.columns ?? []).map((c) => [c.id, c]));
      // Every key a row has is shown, named or not, so no cell of the answer is left out.
      const keys = [...new Set([...kept.keys(), ...(Array.isArray(entry.answer) ? (entry.answer as unknown[]) : []).filter(isRecord).flatMap((row) => Object.keys(row))])];
      const columns = keys.map((id) => {
        const c = kept.get(id);
        if (!c) return { id, type: 'text' as const, label: fullText(undefined, id), required: false };
        return { id, type: c.type, label: fullText(c.label, id), required: false, ...(c.type === 'single' ? { options: (c.options ?? []).map(option) } : {}) };
      });
      return { ...base, type, columns } as ChecklistItem;
    }
    case 'number':
      return { ...base, type, integer: false } as ChecklistItem;
    case 'text':
    case 'longtext':
      return { ...base, type, maxLength: Number.MAX_SAFE_INTEGER } as ChecklistItem;
    default:
      return { ...base, type } as ChecklistItem;
  }
}
