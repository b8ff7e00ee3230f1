import type { ChecklistItem } from '../../../../core/checklist/schema';
import type { Language } from '../../../../core/i18n/languages';

/** What every item widget receives. */
export interface WidgetProps<T extends ChecklistItem['type'] = ChecklistItem['type']> {
  item: Extract<ChecklistItem, { type: T }>;
  /** The react-hook-form field name of the item (its id with dots replaced). */
  name: string;
  /** Id of the item's main control, which the question labels. */
  inputId: string;
  describedBy: string | undefined;
  invalid: boolean;
  /** Answers are written in the response language: inputs carry its `lang` and `dir`. */
  response: { lang: Language; dir: 'ltr' | 'rtl' };
  readOnly: boolean;
}
