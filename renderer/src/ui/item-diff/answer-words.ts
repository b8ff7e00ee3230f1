/**
 * The words a diff shows for parts of an answer — UNCAC field names, table columns, choices,
 * statuses, yes/no — in the interface language, from the pack's own translations.
 */
import type { TFunction } from 'i18next';
import { localize, type LocalizedText } from '../../../../core/checklist/localized';
import type { ChecklistItem, ChecklistPack } from '../../../../core/checklist/schema';
import { DEFAULT_LANGUAGE, isLanguage } from '../../../../core/i18n/languages';
import { dateFormat, numberFormat } from '../../i18n/intl-cache';

export interface AnswerWords {
  field(name: string): string;
  column(item: ChecklistItem | undefined, id: string): string;
  /** One value (a choice, a status, yes/no, a number, a date, a list of choices) as a reader expects it. */
  value(item: ChecklistItem | undefined, v: unknown, column?: string): string;
  choice(item: ChecklistItem | undefined, id: string, column?: string): string;
  /** An attached file's name from its hash (the hash's start when the file is not listed). */
  file(sha256: string): string;
}

type Labels = Record<string, LocalizedText | undefined>;

export function answerWords(pack: ChecklistPack, lng: string, t: TFunction, fileNames: ReadonlyMap<string, string> = new Map()): AnswerWords {
  const language = isLanguage(lng) ? lng : DEFAULT_LANGUAGE;
  const text = (l: LocalizedText | undefined, fallback: string) => (l ? localize(l, language).text : fallback);
  // A list of choices reads with the language's own comma.
  const separator = language === 'ar' ? '، ' : language === 'zh' ? '、' : ', ';
  const labels = pack.labels as { uncac: Labels; status: Labels; assistanceTypes: Labels };
  const choice = (item: ChecklistItem | undefined, id: string, column?: string): string => {
    if (item?.type === 'table' && column !== undefined) return text(item.columns.find((c) => c.id === column)?.options?.find((o) => o.id === id)?.label, id);
    if (item && 'options' in item) return text(item.options.find((o) => o.id === id)?.label, id);
    if (item?.type === 'status' || (item?.type === 'uncac' && column === 'status')) return text(labels.status[id], id);
    if (item?.type === 'uncac' && column === 'assistanceTypes') return text(labels.assistanceTypes[id], id);
    return id;
  };
  // A date answer (YYYY-MM-DD) through Intl, as the reader shows it: the day itself, whatever the time zone.
  const day = (iso: string): string => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
    return m ? dateFormat(lng, 'day').format(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : iso;
  };
  const value = (item: ChecklistItem | undefined, v: unknown, column?: string): string => {
    if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) return t('merge:diff.empty');
    if (typeof v === 'boolean') return t(v ? 'merge:diff.yes' : 'merge:diff.no');
    if (typeof v === 'number') return numberFormat(lng).format(v);
    if (typeof v === 'string') {
      const col = item?.type === 'table' ? item.columns.find((c) => c.id === column) : undefined;
      const isChoice = item?.type === 'single' || item?.type === 'status' || (item?.type === 'uncac' && column === 'status') || col?.type === 'single';
      if (isChoice) return choice(item, v, column);
      return item?.type === 'date' || col?.type === 'date' ? day(v) : v;
    }
    if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v.map((x) => choice(item, x, column)).join(separator);
    return JSON.stringify(v);
  };
  return {
    field: (name) => text(labels.uncac[name], name),
    column: (item, id) => (item?.type === 'table' ? text(item.columns.find((c) => c.id === id)?.label, id) : id),
    value,
    choice,
    file: (sha) => fileNames.get(sha) ?? sha.slice(0, 12),
  };
}
