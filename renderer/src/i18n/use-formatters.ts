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
  return useMemo(() => formattersFor(lng), [lng]);
}

/**
 * One set per language, shared by every component: a screen that lists a hundred dated cards
 * (the merge screen) would otherwise make a hundred date formatters while opening.
 */
const made = new Map<string, ReturnType<typeof makeFormatters>>();
function formattersFor(lng: string) {
  let f = made.get(lng);
  if (!f) made.set(lng, (f = makeFormatters(lng)));
  return f;
}

function makeFormatters(lng: string) {
  let dateTime: Intl.DateTimeFormat | undefined;
  let day: Intl.DateTimeFormat | undefined;
  let localDay: Intl.DateTimeFormat | undefined;
  let number: Intl.NumberFormat | undefined;
  return {
    /** A calendar date (YYYY-MM-DD, e.g. a bundle's Bagging-Date): the day itself, whatever the time zone. */
    date: (isoDate: string) => {
      const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
      if (!match) return isoDate;
      day ??= new Intl.DateTimeFormat(lng, { dateStyle: 'long', timeZone: 'UTC' });
      return day.format(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
    },
    /** The day on which an instant fell here (an export's time): the date only, in this computer's time zone. */
    dayOf: (iso: string) => {
      const date = new Date(iso);
      if (Number.isNaN(date.getTime())) return iso;
      localDay ??= new Intl.DateTimeFormat(lng, { dateStyle: 'long' });
      return localDay.format(date);
    },
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
}
