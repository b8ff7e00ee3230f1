// Intl formatters are costly to make (locale data is looked up each time) and the form makes the same
// few on every render of its progress bars and section list: one of each per language and options.
const numbers = new Map<string, Intl.NumberFormat>();
const lists = new Map<string, Intl.ListFormat>();
const dates = new Map<string, Intl.DateTimeFormat>();

/** A number formatter for `lng` (plain, or as a percentage), made once; 'min2' leaves 2024 without a separator. */
export function numberFormat(lng: string, style: 'decimal' | 'percent' = 'decimal', grouping: 'auto' | 'min2' = 'auto'): Intl.NumberFormat {
  const key = `${lng}|${style}|${grouping}`;
  let format = numbers.get(key);
  if (!format) numbers.set(key, (format = new Intl.NumberFormat(lng, { style, useGrouping: grouping })));
  return format;
}

/** An "a, b and c" list formatter for `lng`, made once. */
export function listFormat(lng: string): Intl.ListFormat {
  let format = lists.get(lng);
  if (!format) lists.set(lng, (format = new Intl.ListFormat(lng, { type: 'conjunction' })));
  return format;
}

/** The date formats the interface uses. */
const DATE_STYLES = {
  /** A calendar day as written (a bundle's Bagging-Date): the day itself, whatever the time zone. */
  day: { dateStyle: 'long', timeZone: 'UTC' },
  /** The day on which an instant fell, in this computer's time zone. */
  localDay: { dateStyle: 'long' },
  dateTime: { dateStyle: 'medium', timeStyle: 'short' },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

/** A date formatter for `lng` in one of the interface's styles, made once. */
export function dateFormat(lng: string, style: keyof typeof DATE_STYLES): Intl.DateTimeFormat {
  const key = `${lng}|${style}`;
  let format = dates.get(key);
  if (!format) dates.set(key, (format = new Intl.DateTimeFormat(lng, DATE_STYLES[style])));
  return format;
}
