import { memo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { localize } from '../../../../core/checklist/localized';
import type { ChecklistItem } from '../../../../core/checklist/schema';
import type { DraftProblem } from '../../../../core/draft/validate';
import { fieldKey } from './form-values';
import { PackText, uiLanguage } from './pack-text';
import { DateWidget, LongTextWidget, NumberWidget, TextWidget } from './widgets/text-widgets';
import { MultiWidget, SingleWidget, StatusWidget, YesNoWidget } from './widgets/choice-widgets';
import { TableWidget } from './widgets/table-widget';
import { EvidenceWidget } from './widgets/evidence-widget';
import { UncacWidget } from './widgets/uncac-widget';
import type { WidgetProps } from './widgets/widget-props';

const GROUPED = new Set<ChecklistItem['type']>(['status', 'single', 'multi', 'yesno', 'table', 'evidence', 'uncac']);

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
}

function widgetFor(props: WidgetProps): ReactNode {
  // The switch narrows `item` so each widget gets its own item type.
  const { item } = props;
  switch (item.type) {
    case 'status':
      return <StatusWidget {...props} item={item} />;
    case 'single':
      return <SingleWidget {...props} item={item} />;
    case 'multi':
      return <MultiWidget {...props} item={item} />;
    case 'yesno':
      return <YesNoWidget {...props} item={item} />;
    case 'text':
      return <TextWidget {...props} item={item} />;
    case 'longtext':
      return <LongTextWidget {...props} item={item} />;
    case 'number':
      return <NumberWidget {...props} item={item} />;
    case 'date':
      return <DateWidget {...props} item={item} />;
    case 'table':
      return <TableWidget {...props} item={item} />;
    case 'evidence':
      return <EvidenceWidget {...props} item={item} />;
    case 'uncac':
      return <UncacWidget {...props} item={item} />;
  }
}

/** One checklist item: question, widget, inline problems and guidance beside it. Memoized: typing elsewhere does not touch it. */
function ItemCardImpl({ item, problems, showRequired, required, response, readOnly, guidanceOpen }: ItemCardProps) {
  const { t, i18n } = useTranslation();
  const lng = uiLanguage(i18n.language);
  const base = itemDomId(item.id);
  const inputId = `${base}-input`;
  const shown = (problems ?? []).filter((p) => p.problem !== 'required' || showRequired);
  const messages = shown.map((p) => (p.problem === 'constraint' && p.message ? localize(p.message, lng).text : t(p.messageKey, p.params)));
  const errorId = `${base}-error`;
  const describedBy = messages.length > 0 ? errorId : undefined;
  const grouped = GROUPED.has(item.type);
  const question = (
    <>
      <span className="item__id">{item.id}</span> <PackText text={item.text} />
      {required && <span className="item__required"> ({t('form:required')})</span>}
    </>
  );
  const widget = widgetFor({ item, name: fieldKey(item.id), inputId, describedBy, invalid: messages.length > 0, response, readOnly });
  const errors = messages.length > 0 && (
    <ul id={errorId} className="item__errors">
      {messages.map((m, i) => (
        <li key={i}>{m}</li>
      ))}
    </ul>
  );

  return (
    <article id={base} className={['item', messages.length > 0 && 'item--invalid', !(item.guidance || item.reference) && 'item--solo'].filter(Boolean).join(' ')} tabIndex={-1} data-item-card={item.id} aria-labelledby={`${base}-q`}>
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
  JSON.stringify(a.problems ?? []) === JSON.stringify(b.problems ?? []),
);
