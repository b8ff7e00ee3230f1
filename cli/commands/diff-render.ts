/**
 * One changed item as terminal lines, like `git diff --word-diff=plain`: `[-deleted-]{+inserted+}`
 * inside texts (long unchanged stretches shortened), `+`/`−`/`~` for rows, choices, files and links.
 */
import type { TFunction } from 'i18next';
import type { ChecklistItem } from '../../core/checklist/schema';
import type { AnswerChange, FieldChange, ItemDiff, RowChange, TextPart } from '../../core/diff';
import type { AnswerLabels } from './answer-labels';

/** Characters of unchanged text shown on each side of a change. */
const CONTEXT = 40;

function shorten(text: string, first: boolean, last: boolean): string {
  if (text.length <= 2 * CONTEXT + 1) return text;
  if (first && last) return text;
  if (first) return `…${text.slice(-CONTEXT)}`;
  if (last) return `${text.slice(0, CONTEXT)}…`;
  return `${text.slice(0, CONTEXT)} … ${text.slice(-CONTEXT)}`;
}

/** Word-level differences on one line (line breaks in answers shown as ⏎). */
export function inlineText(parts: readonly TextPart[]): string {
  return parts
    .map((p, i) => {
      const s = p.text.replace(/\r?\n/g, '⏎');
      if (p.op === 'delete') return `[-${s}-]`;
      if (p.op === 'insert') return `{+${s}+}`;
      return shorten(s, i === 0, i === parts.length - 1);
    })
    .join('');
}

function rowText(item: ChecklistItem | undefined, row: Readonly<Record<string, unknown>>, labels: AnswerLabels): string {
  return Object.entries(row)
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${labels.column(item, k)}: ${labels.value(item, v, k)}`)
    .join('; ');
}

function rowLines(item: ChecklistItem | undefined, r: RowChange, labels: AnswerLabels, t: TFunction): string[] {
  const n = (i: number) => t('diff.row', { n: i + 1 });
  switch (r.change) {
    case 'added':
      return [`+ ${n(r.index)}: ${rowText(item, r.row, labels)}`];
    case 'removed':
      return [`− ${n(r.index)}: ${rowText(item, r.row, labels)}`];
    case 'moved':
      return [`↕ ${t('diff.moved', { from: r.from + 1, to: r.index + 1 })}`];
    case 'edited':
      return [
        `~ ${n(r.index)}:`,
        ...r.cells.map(
          (c) => `    ${labels.column(item, c.column)}: ${c.parts ? inlineText(c.parts) : `${labels.value(item, c.before, c.column)} → ${labels.value(item, c.after, c.column)}`}`,
        ),
      ];
  }
}

function changeLines(item: ChecklistItem | undefined, change: AnswerChange | FieldChange, labels: AnswerLabels, t: TFunction, column?: string): string[] {
  switch (change.kind) {
    case 'text':
      return [inlineText(change.parts)];
    case 'set': {
      const list = (ids: string[]) => ids.map((id) => labels.choice(item, id, column)).join(', ');
      return [...(change.added.length ? [`+ ${list(change.added)}`] : []), ...(change.removed.length ? [`− ${list(change.removed)}`] : [])];
    }
    case 'value':
      return [`${labels.value(item, change.before, column)} → ${labels.value(item, change.after, column)}`];
    case 'fields':
      return change.fields.flatMap((f) => {
        const inner = changeLines(item, f.change, labels, t, f.field);
        return inner.length === 1 ? [`${labels.field(f.field)}: ${inner[0]}`] : [`${labels.field(f.field)}:`, ...inner.map((l) => `  ${l}`)];
      });
    case 'rows':
      return change.rows.flatMap((r) => rowLines(item, r, labels, t));
    case 'evidence':
      return [
        ...change.files.added.map((f) => `+ ${t('diff.file', { sha256: f.slice(0, 12) })}`),
        ...change.files.removed.map((f) => `− ${t('diff.file', { sha256: f.slice(0, 12) })}`),
        ...change.links.added.map((l) => `+ ${l.url}${l.title ? ` (${l.title})` : ''}`),
        ...change.links.removed.map((l) => `− ${l.url}${l.title ? ` (${l.title})` : ''}`),
        ...change.links.retitled.map((l) => `~ ${l.url}: ${l.before ?? ''} → ${l.after ?? ''}`),
      ];
  }
}

/** The heading line and indented detail lines of one changed item. */
export function renderItemDiff(d: ItemDiff, item: ChecklistItem | undefined, labels: AnswerLabels, t: TFunction): string[] {
  const kind = d.type === 'unknown' ? t('diff.unknownItem') : t(`checklist.types.${d.type}`);
  return [`${d.itemId}  (${kind}) — ${t(`diff.change.${d.change}`)}`, ...changeLines(item, d.detail, labels, t).map((l) => `    ${l}`)];
}
