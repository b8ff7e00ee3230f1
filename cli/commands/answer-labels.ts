/**
 * The words `scsa diff` and `scsa review merge` print for parts of answers: UNCAC field names,
 * column names, choices and statuses in the message language, from the pack's own translations.
 */
import type { TFunction } from 'i18next';
import { localize } from '../../core/checklist/localized';
import type { ChecklistItem, ChecklistPack } from '../../core/checklist/schema';
import type { Language } from '../../core/i18n/languages';

export interface AnswerLabels {
  field(name: string): string;
  column(item: ChecklistItem | undefined, id: string): string;
  /** A single value: a choice, a status, yes/no, a number or a date, as a reader expects it. */
  value(item: ChecklistItem | undefined, v: unknown, column?: string): string;
  choice(item: ChecklistItem | undefined, id: string, column?: string): string;
}

export function answerLabels(pack: ChecklistPack, language: Language, t: TFunction): AnswerLabels {
  const text = (l: Parameters<typeof localize>[0] | undefined, fallback: string) => (l ? localize(l, language).text : fallback);
  const labels = pack.labels as { uncac: Record<string, Parameters<typeof localize>[0]>; status: Record<string, Parameters<typeof localize>[0]>; assistanceTypes: Record<string, Parameters<typeof localize>[0]> };
  const choice = (item: ChecklistItem | undefined, id: string, column?: string): string => {
    if (item?.type === 'table' && column !== undefined) {
      const col = item.columns.find((c) => c.id === column);
      return text(col?.options?.find((o) => o.id === id)?.label, id);
    }
    if (item && 'options' in item) return text(item.options.find((o) => o.id === id)?.label, id);
    if (item?.type === 'status' || (item?.type === 'uncac' && column === 'status')) return text(labels.status[id], id);
    if (item?.type === 'uncac' && column === 'assistanceTypes') return text(labels.assistanceTypes[id], id);
    return id;
  };
  const value = (item: ChecklistItem | undefined, v: unknown, column?: string): string => {
    if (v === undefined || v === null || v === '') return t('diff.empty');
    if (typeof v === 'boolean') return t(v ? 'diff.yes' : 'diff.no');
    if (typeof v === 'string') {
      const isChoice = item?.type === 'single' || item?.type === 'status' || (item?.type === 'uncac' && column === 'status');
      const col = item?.type === 'table' ? item.columns.find((c) => c.id === column) : undefined;
      return isChoice || col?.type === 'single' ? choice(item, v, column) : v;
    }
    if (typeof v === 'number') return String(v);
    if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v.map((x) => choice(item, x, column)).join(', ');
    return JSON.stringify(v);
  };
  return {
    field: (name) => text(labels.uncac[name], name),
    column: (item, id) => (item?.type === 'table' ? text(item.columns.find((c) => c.id === id)?.label, id) : id),
    value,
    choice,
  };
}
