import { useEffect, useRef, useState } from 'react';
import { useController, type Control, type FieldValues, type RegisterOptions } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { formatLocalDate, localDateExample, parseLocalDate } from './local-date';

export interface LocalDateInputProps {
  /** The react-hook-form field; its value is an ISO date (YYYY-MM-DD), '' when empty. */
  name: string;
  id: string;
  className?: string;
  readOnly?: boolean;
  disabled?: boolean;
  'aria-label'?: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
  /** Show the example as the placeholder (a table cell has no room for a hint line). */
  examplePlaceholder?: boolean;
  rules?: RegisterOptions;
  /** The form's control, where the field is not inside a FormProvider. */
  control?: Control<FieldValues>;
}

/**
 * A date field written the interface language's way ("17/05/2024" in French, "2024/05/17" in
 * Chinese) instead of the browser's date field, which follows the system's locale. The form value
 * is the ISO date; text that is not a date is kept as typed, so that validation can say so and
 * nothing typed is lost.
 */
export function LocalDateInput({ name, rules, control, examplePlaceholder = false, ...input }: LocalDateInputProps) {
  const { i18n } = useTranslation();
  const lng = i18n.language;
  const { field } = useController({ name, ...(control ? { control } : {}), ...(rules ? { rules } : {}) });
  const value = typeof field.value === 'string' ? field.value : '';
  const [text, setText] = useState(() => formatLocalDate(value, lng));
  // The value this field last gave the form: a different one came from outside (a restore, a reset)
  // and is shown afresh; the same one is what the user is typing, left as typed.
  const own = useRef(value);
  useEffect(() => {
    if (value === own.current) return;
    own.current = value;
    setText(formatLocalDate(value, lng));
  }, [value, lng]);
  // A language switch rewrites a complete date in the new language's order.
  const shownLng = useRef(lng);
  useEffect(() => {
    if (shownLng.current === lng) return;
    shownLng.current = lng;
    setText(formatLocalDate(own.current, lng));
  }, [lng]);

  return (
    <input
      {...input}
      ref={field.ref}
      name={field.name}
      type="text"
      inputMode="numeric"
      autoComplete="off"
      // Digits and separators read left to right in every language, Arabic included.
      dir="ltr"
      placeholder={examplePlaceholder ? localDateExample(lng) : undefined}
      value={text}
      onChange={(e) => {
        const typed = e.target.value;
        setText(typed);
        const next = typed.trim() === '' ? '' : (parseLocalDate(typed, lng) ?? typed);
        own.current = next;
        field.onChange(next);
      }}
      onBlur={() => {
        // "17/5/2024" or "2024-05-17" becomes "17/05/2024" once the user moves on.
        if (parseLocalDate(text, lng) !== null) setText(formatLocalDate(own.current, lng));
        field.onBlur();
      }}
    />
  );
}

/** "For example 31/12/2024": how this language writes a date, for a hint under a date field. */
export function useDateExample(): string {
  const { t, i18n } = useTranslation();
  return t('form:date.example', { example: localDateExample(i18n.language) });
}
