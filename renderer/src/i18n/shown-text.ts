import { visibleControls } from '../../../core/text/sanitize';

/**
 * A one-line value from a file (a name, a path, an id) as the screen shows it: any bidi override,
 * isolate, control character or line break in it is shown as a visible `\uXXXX`, so
 * `invoice\u202Egpj.exe` reads as its data and not as `invoiceexe.jpg`. Every value put into a
 * translated message goes through it (create-i18n.ts); so does a value shown on its own, inside a
 * `<bdi>` that keeps it from reordering the line around it.
 */
export function shownText(value: unknown): string {
  return visibleControls(String(value), { keepMarks: true });
}
