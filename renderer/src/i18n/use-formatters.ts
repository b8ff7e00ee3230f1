import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Dates and numbers in the interface language, always through Intl (never hand-formatted). Each
 * formatter is made on first use: making a date formatter costs tens of milliseconds (locale data),
 * which a screen that shows no date (the form without notices) should not pay while opening.
 */
export function useFormatters() {
  const { i18n } = useTranslation();
  const lng = i18n.language;
  return useMemo(() => {
    let dateTime: Intl.DateTimeFormat | undefined;
    let number: Intl.NumberFormat | undefined;
    return {
      dateTime: (iso: string) => {
        const date = new Date(iso);
        if (Number.isNaN(date.getTime())) return iso;
        dateTime ??= new Intl.DateTimeFormat(lng, { dateStyle: 'medium', timeStyle: 'short' });
        return dateTime.format(date);
      },
      number: (value: number) => {
        number ??= new Intl.NumberFormat(lng);
        return number.format(value);
      },
    };
  }, [lng]);
}
