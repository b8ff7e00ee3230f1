import { useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { STATUS_VALUES } from '../../../../core/checklist/vocabulary';
import type { LocalizedText } from '../../../../core/checklist/localized';
import { PackText } from './pack-text';
import { useAnswerContext } from './answer-context';
import type { WidgetProps } from './widget-props';

interface Choice {
  value: string;
  label: React.ReactNode;
}

/** Radio buttons or checkboxes inside the item's fieldset (the question is its legend). */
export function Choices({ name, inputId, choices, multiple = false, readOnly }: {
  name: string;
  inputId: string;
  choices: Choice[];
  multiple?: boolean;
  readOnly: boolean;
}) {
  const { register } = useFormContext();
  return (
    // The item's fieldset and legend name the group and carry its description.
    <div className={multiple ? 'choices choices--multi' : 'choices'}>
      {choices.map((choice, index) => (
        <label key={choice.value} className="choice">
          <input
            id={index === 0 ? inputId : undefined}
            type={multiple ? 'checkbox' : 'radio'}
            value={choice.value}
            disabled={readOnly}
            {...register(name)}
          />
          <span>{choice.label}</span>
        </label>
      ))}
    </div>
  );
}

/** Options of a pack as choices, labelled in the interface language. */
export function packChoices(options: readonly { id: string; label: LocalizedText }[]): Choice[] {
  return options.map((o) => ({ value: o.id, label: <PackText text={o.label} /> }));
}

export function StatusWidget(props: WidgetProps<'status'>) {
  const { pack } = useAnswerContext();
  return <Choices {...props} choices={STATUS_VALUES.map((s) => ({ value: s, label: <PackText text={pack.labels.status[s]} /> }))} />;
}

export function SingleWidget(props: WidgetProps<'single'>) {
  return <Choices {...props} choices={packChoices(props.item.options)} />;
}

export function MultiWidget(props: WidgetProps<'multi'>) {
  return <Choices {...props} multiple choices={packChoices(props.item.options)} />;
}

export function useYesNo(): Choice[] {
  const { t } = useTranslation();
  return [
    { value: 'yes', label: t('form:yes') },
    { value: 'no', label: t('form:no') },
  ];
}

export function YesNoWidget(props: WidgetProps<'yesno'>) {
  return <Choices {...props} choices={useYesNo()} />;
}
