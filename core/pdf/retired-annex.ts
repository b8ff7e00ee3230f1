/**
 * The report's annex "Answers to questions no longer in the checklist": every answer a draft kept
 * when it moved to a checklist version with no place for it (draft `retiredAnswers`), with the
 * question as it was asked, the version it was answered for, why it has no place now and the
 * pack's note. Printed so that no answer a country gave is lost from the report either. Choices
 * and columns print in the words kept with the answer (draft format 3); an answer kept by an older
 * app takes them from the old version's pack when it is installed, else prints their ids.
 */
import { findPack } from '../checklist/registry';
import type { ChecklistItem } from '../checklist/schema';
import { keptItem } from '../draft/kept-words';
import type { RetiredAnswer } from '../draft/retired';
import { LANGUAGES, type Language } from '../i18n/languages';
import { adaptAnswer, type AnswerContext } from './answer-adapter';
import type { ReportItem, ReportSection } from './report-model';

/** Section id of the annex: not an item-id letter, so it can never clash with a pack section. */
export const RETIRED_SECTION_ID = 'retired-answers';

/** The text in `language`, else English, else any language the record has. */
function pick(text: Partial<Record<Language, string>> | undefined, language: Language): string {
  if (!text) return '';
  return text[language] || text.en || LANGUAGES.map((l) => text[l]).find((t) => t) || '';
}

/** The old version's own item, for an answer kept without its words (before draft format 3). */
function installedItem(r: RetiredAnswer): ChecklistItem | undefined {
  if (r.options !== undefined || r.columns !== undefined) return undefined;
  return findPack(r.checklist)?.items.get(r.itemId);
}

/** The annex section, or null when the draft kept no answer aside. */
export function retiredAnswersSection(
  retired: readonly RetiredAnswer[],
  ctx: AnswerContext,
  oldItem: (r: RetiredAnswer) => ChecklistItem | undefined = installedItem,
): ReportSection | null {
  if (retired.length === 0) return null;
  const { t } = ctx.labels;
  const items = retired.map((r): ReportItem => {
    // Printed as its item type was; an answer of another shape is printed whole (answer-adapter).
    const adapted = adaptAnswer(ctx, keptItem(r, oldItem(r)), r.answer);
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
