import { useFormContext } from 'react-hook-form';
import { LocalDateInput, useDateExample } from '../../i18n/local-date-input';
import { PackText } from './pack-text';
import { TextLimit, usePasteNotice } from './text-limit';
import type { WidgetProps } from './widget-props';

const describe = (...ids: (string | undefined)[]) => ids.filter(Boolean).join(' ') || undefined;

/**
 * Short text, long text, number and date: one labelled input each, in the response language. Text
 * answers have no hard `maxLength`: the browser would cut a paste at it without a word. Their limit
 * and a counter are shown instead, and validation holds the export until the text fits.
 */
export function TextWidget({ item, name, inputId, describedBy, invalid, response, readOnly }: WidgetProps<'text'>) {
  const { register, setValue } = useFormContext();
  const paste = usePasteNotice((value) => setValue(name, value, { shouldDirty: true }));
  const countId = `${inputId}-count`;
  return (
    <>
      <input
        id={inputId}
        className="input"
        lang={response.lang}
        dir={response.dir}
        aria-describedby={describe(describedBy, countId)}
        aria-invalid={invalid || undefined}
        readOnly={readOnly}
        onPaste={paste.onPaste}
        {...register(name)}
      />
      <TextLimit name={name} limit={item.maxLength} id={countId} notice={paste.notice} onDismiss={paste.dismiss} />
    </>
  );
}

export function LongTextWidget({ item, name, inputId, describedBy, invalid, response, readOnly }: WidgetProps<'longtext'>) {
  const { register, setValue } = useFormContext();
  const paste = usePasteNotice((value) => setValue(name, value, { shouldDirty: true }));
  const countId = `${inputId}-count`;
  return (
    <>
      <textarea
        id={inputId}
        className="input textarea"
        rows={5}
        lang={response.lang}
        dir={response.dir}
        aria-describedby={describe(describedBy, countId)}
        aria-invalid={invalid || undefined}
        readOnly={readOnly}
        onPaste={paste.onPaste}
        {...register(name)}
      />
      <TextLimit name={name} limit={item.maxLength} id={countId} notice={paste.notice} onDismiss={paste.dismiss} />
    </>
  );
}

export function NumberWidget({ item, name, inputId, describedBy, invalid, readOnly }: WidgetProps<'number'>) {
  const { register } = useFormContext();
  return (
    <span className="number-field">
      <input
        id={inputId}
        className="input input--number"
        type="number"
        inputMode={item.integer ? 'numeric' : 'decimal'}
        min={item.min}
        max={item.max}
        step={item.integer ? 1 : 'any'}
        aria-describedby={describedBy}
        aria-invalid={invalid || undefined}
        readOnly={readOnly}
        {...register(name)}
      />
      {item.unit && (
        <span className="number-field__unit">
          <PackText text={item.unit} />
        </span>
      )}
    </span>
  );
}

export function DateWidget({ name, inputId, describedBy, invalid, readOnly }: WidgetProps<'date'>) {
  const example = useDateExample();
  const exampleId = `${inputId}-date-example`;
  return (
    <>
      <LocalDateInput
        name={name}
        id={inputId}
        className="input input--date"
        aria-describedby={[exampleId, describedBy].filter(Boolean).join(' ')}
        aria-invalid={invalid || undefined}
        readOnly={readOnly}
      />
      <span id={exampleId} className="field__hint small">
        {example}
      </span>
    </>
  );
}
