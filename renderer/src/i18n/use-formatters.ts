import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { dateFormat, numberFormat } from './intl-cache';

/**
 * Dates and numbers in the interface language, always through Intl (never hand-formatted). Each
 * formatter is made on first use and once per language (intl-cache.ts): making a date formatter
 * costs tens of milliseconds (locale data), which a screen that shows no date should not pay while
 * opening, and a screen of a hundred dated cards should pay once.
 */
export function useFormatters() {
  const { i18n } = useTranslation();
  const lng = i18n.language;
  return useMemo(
    () => ({
      /** A calendar date (YYYY-MM-DD, e.g. a bundle's Bagging-Date): the day itself, whatever the time zone. */
      date: (isoDate: string) => {
        const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
        if (!match) return isoDate;
        return dateFormat(lng, 'day').format(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
      },
      /** The day on which an instant fell here (an export's time): the date only, in this computer's time zone. */
      dayOf: (iso: string) => {
        const date = new Date(iso);
        return Number.isNaN(date.getTime()) ? iso : dateFormat(lng, 'localDay').format(date);
      },
      dateTime: (iso: string) => {
        const date = new Date(iso);
        return Number.isNaN(date.getTime()) ? iso : dateFormat(lng, 'dateTime').format(date);
      },
      number: (value: number) => numberFormat(lng).format(value),
    }),
    [lng],
  );
}
