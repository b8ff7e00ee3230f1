/**
 * The report's annex "Answers to questions no longer in the checklist": every answer a draft kept
 * when it moved to a checklist version with no place for it (draft `retiredAnswers`), with the
 * question as it was asked, the version it was answered for, why it has no place now and the
 * pack's note. Printed so that no answer a country gave is lost from the report either.
 */
import type { LocalizedText } from '../checklist/localized';
import type { ChecklistItem } from '../checklist/schema';
import type { ItemType } from '../checklist/vocabulary';
import type { RetiredAnswer } from '../draft/retired';
import { LANGUAGES, type Language } from '../i18n/languages';
import { adaptAnswer, type AnswerContext } from './answer-adapter';
import type { ReportItem, ReportSection } from './report-model';

/** Section id of the annex: not an item-id letter, so it can never clash with a pack section. */
export const RETIRED_SECTION_ID = 'retired-answers';

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A type to print an answer of unknown origin by: its shape decides. */
function shapeType(value: unknown): ItemType {
  if (typeof value === 'boolean') return 'yesno';
  if (typeof value === 'number') return 'number';
  if (Array.isArray(value)) return value.every(isRecord) && value.length > 0 ? 'table' : 'multi';
  if (isRecord(value)) return 'files' in value || 'links' in value ? 'evidence' : 'uncac';
  return 'text';
}

/**
 * A stand-in for the old item, enough for the answer adapter: options are unknown, so choices print
 * as their ids; table columns are the rows' own keys.
 */
function standIn(type: ItemType, value: unknown): ChecklistItem {
  const text = Object.fromEntries(LANGUAGES.map((l) => [l, ''])) as LocalizedText;
  const base = { id: 'X.0', text, required: false, constraints: [] };
  switch (type) {
    case 'single':
    case 'multi':
      return { ...base, type, options: [] } as unknown as ChecklistItem;
    case 'table': {
      const keys = [...new Set((Array.isArray(value) ? value : []).filter(isRecord).flatMap((row) => Object.keys(row)))];
      const columns = keys.map((id) => ({ id, type: 'text' as const, label: Object.fromEntries(LANGUAGES.map((l) => [l, id])), required: false }));
      return { ...base, type, columns } as unknown as ChecklistItem;
    }
    case 'number':
      return { ...base, type, integer: false } as unknown as ChecklistItem;
    case 'text':
    case 'longtext':
      return { ...base, type, maxLength: Number.MAX_SAFE_INTEGER } as unknown as ChecklistItem;
    default:
      return { ...base, type } as unknown as ChecklistItem;
  }
}

/** The text in `language`, else English, else any language the record has. */
function pick(text: Partial<Record<Language, string>> | undefined, language: Language): string {
  if (!text) return '';
  return text[language] || text.en || LANGUAGES.map((l) => text[l]).find((t) => t) || '';
}

/** The annex section, or null when the draft kept no answer aside. */
export function retiredAnswersSection(retired: readonly RetiredAnswer[], ctx: AnswerContext): ReportSection | null {
  if (retired.length === 0) return null;
  const { t } = ctx.labels;
  const items = retired.map((r): ReportItem => {
    // Printed as its item type was; an answer of another shape is printed whole (answer-adapter).
    const type = r.type ?? shapeType(r.answer);
    const adapted = adaptAnswer(ctx, standIn(type, r.answer), r.answer);
    const details = [
      { label: t('retired.answeredFor'), value: t('cover.checklistValue', { id: r.checklist.id, version: r.checklist.version }) },
      ...(r.newItemId ? [{ label: t('retired.replacedBy'), value: r.newItemId }] : []),
      ...(r.note ? [{ label: t('retired.note'), value: pick(r.note, ctx.language) }] : []),
    ];
    return {
      id: r.itemId,
      question: pick(r.title, ctx.language) || t('retired.unknownQuestion'),
      state: 'answered',
      statusLabel: t(`retired.reason.${r.reason}`),
      fields: [...details, ...adapted.fields],
      tables: adapted.tables,
      attachments: adapted.attachments,
    };
  });
  return { id: RETIRED_SECTION_ID, title: t('retired.title'), items };
}
