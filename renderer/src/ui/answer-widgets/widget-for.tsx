import type { ReactNode } from 'react';
import type { ChecklistItem } from '../../../../core/checklist/schema';
import { DateWidget, LongTextWidget, NumberWidget, TextWidget } from './text-widgets';
import { MultiWidget, SingleWidget, StatusWidget, YesNoWidget } from './choice-widgets';
import { TableWidget } from './table-widget';
import { EvidenceWidget } from './evidence-widget';
import { UncacWidget } from './uncac-widget';
import type { WidgetProps } from './widget-props';

/** Item types whose widget is a group of controls: the question is a fieldset's legend, not a label. */
export const GROUPED_TYPES: ReadonlySet<ChecklistItem['type']> = new Set<ChecklistItem['type']>(['status', 'single', 'multi', 'yesno', 'table', 'evidence', 'uncac']);

/** The widget of an item's type (inside a react-hook-form form and an AnswerContext). */
export function widgetFor(props: WidgetProps): ReactNode {
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
