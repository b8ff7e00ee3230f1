import { memo } from 'react';
import { useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ChecklistItem } from '../../../../core/checklist/schema';
import { problemMessage } from '../../../../core/draft/problem-message';
import type { DraftProblem } from '../../../../core/draft/validate';
import { fieldKey, screenRowNumbers } from '../../ui/answer-widgets/form-values';
import { PackText, uiLanguage } from '../../ui/answer-widgets/pack-text';
import { GROUPED_TYPES, widgetFor } from '../../ui/answer-widgets/widget-for';
import type { WidgetProps } from '../../ui/answer-widgets/widget-props';

export const itemDomId = (itemId: string) => `item-${fieldKey(itemId)}`;

export interface ItemCardProps {
  item: ChecklistItem;
  problems: readonly DraftProblem[] | undefined;
  /** "An answer is required" waits until the user has been at the item, so a fresh form is not all red. */
  showRequired: boolean;
  required: boolean;
  response: WidgetProps['response'];
  readOnly: boolean;
  guidanceOpen: boolean;
  /** Under the "incomplete" filter: whether the item is listed for want of an answer or for an answer to correct. */
  badge: 'unanswered' | 'invalid' | null;
  /** Answered while a filter showed it: it stays until the user moves on, and says so. */
  leaving: boolean;
}

/** One checklist item: question, widget, inline problems and guidance beside it. Memoized: typing elsewhere does not touch it. */
function ItemCardImpl({ item, problems, showRequired, required, response, readOnly, guidanceOpen, badge, leaving }: ItemCardProps) {
  const { t, i18n } = useTranslation();
  const { getValues } = useFormContext();
  const lng = uiLanguage(i18n.language);
  const base = itemDomId(item.id);
  const inputId = `${base}-input`;
  const shown = (problems ?? []).filter((p) => p.problem !== 'required' || showRequired);
  // A table's problem names the row as stored; on screen an emptied row in between still counts.
  const rows = item.type === 'table' && shown.some((p) => typeof p.params.row === 'number') ? screenRowNumbers(item, getValues(fieldKey(item.id))) : null;
  const onScreen = (p: DraftProblem): DraftProblem =>
    rows && typeof p.params.row === 'number' ? { ...p, params: { ...p.params, row: rows[p.params.row - 1] ?? p.params.row } } : p;
  const messages = shown.map((p) => problemMessage(onScreen(p), lng, (key, params) => t(key, params)));
  const errorId = `${base}-error`;
  const describedBy = messages.length > 0 ? errorId : undefined;
  const grouped = GROUPED_TYPES.has(item.type);
  const question = (
    <>
      <span className="item__id">{item.id}</span> <PackText text={item.text} />
      {required && <span className="item__required"> ({t('form:required')})</span>}
      {badge && <span className={`badge item__badge item__badge--${badge}`}> {t(`form:filter.badge.${badge}`)}</span>}
    </>
  );
  const widget = widgetFor({ item, name: fieldKey(item.id), inputId, describedBy, invalid: messages.length > 0, response, readOnly });
  const errors = (
    <>
      {messages.length > 0 && (
        <ul id={errorId} className="item__errors">
          {messages.map((m, i) => (
            <li key={i}>{m}</li>
          ))}
        </ul>
      )}
      {leaving && <p className="item__leaving small">{t('form:filter.leaving')}</p>}
    </>
  );

  return (
    <article
      id={base}
      className={['item', messages.length > 0 && 'item--invalid', (!(item.guidance || item.reference) || item.type === 'table') && 'item--solo'].filter(Boolean).join(' ')}
      tabIndex={-1}
      data-item-card={item.id}
      aria-labelledby={`${base}-q`}
    >
      <div className="item__body">
        {grouped ? (
          <fieldset className="fieldset fieldset--item" aria-describedby={describedBy}>
            <legend id={`${base}-q`} className="item__question">
              {question}
            </legend>
            {widget}
            {errors}
          </fieldset>
        ) : (
          <>
            <label id={`${base}-q`} className="item__question" htmlFor={inputId}>
              {question}
            </label>
            {widget}
            {errors}
          </>
        )}
      </div>
      {(item.guidance || item.reference) && (
        <details className="item__guidance" open={guidanceOpen}>
          <summary>{t('form:guidance')}</summary>
          {item.guidance && (
            <p>
              <PackText text={item.guidance} />
            </p>
          )}
          {item.reference && <p className="muted small" dir="auto">{t('form:reference', { reference: item.reference })}</p>}
        </details>
      )}
    </article>
  );
}

export const ItemCard = memo(ItemCardImpl, (a, b) =>
  a.item === b.item &&
  a.showRequired === b.showRequired &&
  a.required === b.required &&
  a.response === b.response &&
  a.readOnly === b.readOnly &&
  a.guidanceOpen === b.guidanceOpen &&
  a.badge === b.badge &&
  a.leaving === b.leaving &&
  JSON.stringify(a.problems ?? []) === JSON.stringify(b.problems ?? []),
);
