import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** Dates and numbers in the interface language, always through Intl (never hand-formatted). */
export function useFormatters() {
  const { i18n } = useTranslation();
  const lng = i18n.language;
  return useMemo(() => {
    const dateTime = new Intl.DateTimeFormat(lng, { dateStyle: 'medium', timeStyle: 'short' });
    const number = new Intl.NumberFormat(lng);
    return {
      dateTime: (iso: string) => {
        const date = new Date(iso);
        return Number.isNaN(date.getTime()) ? iso : dateTime.format(date);
      },
      number: (value: number) => number.format(value),
    };
  }, [lng]);
}
