/**
 * One stored answer as the report prints it: option ids become their labels, booleans "Yes"/"No",
 * numbers and dates are formatted for the response language (Western digits), tables keep their
 * columns, evidence becomes attachments and links. Forgiving on purpose: an answer whose shape does
 * not match its item (an older pack, a hand-edited file) is printed as plain text, never dropped.
 */
import { localize, type LocalizedText } from '../checklist/localized';
import type { ChecklistItem, ChecklistPack, TableColumn } from '../checklist/schema';
import { UNCAC_FIELDS, type UncacField } from '../checklist/vocabulary';
import { isAnswered } from '../checklist/answer-presence';
import type { Language } from '../i18n/languages';
import type { AttachmentRef } from '../draft/schema';
import { ANSWER_SHAPES } from '../draft/answers';
import type { Labels } from './labels';
import type { ReportAttachment, ReportTable } from './report-model';
import { oneLine } from './text/bidi-controls';

export interface AdaptedAnswer {
  fields: { label: string; value: string }[];
  tables: ReportTable[];
  attachments: ReportAttachment[];
  /**
   * The implementation status chosen in the answer (status items, UNCAC blocks), localized. The
   * report prints it once, on the item's status line, so it is not among the fields.
   */
  statusLabel?: string;
}

export interface AnswerContext {
  pack: ChecklistPack;
  language: Language;
  labels: Labels;
  /** The draft's attachments by SHA-256. */
  attachments: ReadonlyMap<string, AttachmentRef>;
}

const text = (ctx: AnswerContext, t: LocalizedText): string => localize(t, ctx.language).text;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A value of unexpected shape, still readable. */
function plain(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** Western digits; no separator in four-digit numbers ('min2'), so a year reads 2024, not 2,024. */
export function formatNumber(ctx: AnswerContext, value: number): string {
  return new Intl.NumberFormat(`${ctx.language}-u-nu-latn`, { maximumFractionDigits: 10, useGrouping: 'min2' }).format(value);
}

function formatDate(ctx: AnswerContext, value: unknown): string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return plain(value);
  return ctx.labels.date(`${value}T00:00:00Z`);
}

function yesNo(ctx: AnswerContext, value: unknown): string {
  if (typeof value !== 'boolean') return plain(value);
  return ctx.labels.t(value ? 'answer.yes' : 'answer.no');
}

function optionLabel(ctx: AnswerContext, options: readonly { id: string; label: LocalizedText }[] | undefined, id: unknown): string {
  const option = options?.find((o) => o.id === id);
  return option ? text(ctx, option.label) : plain(id);
}

function statusLabel(ctx: AnswerContext, value: unknown): string {
  const labels = ctx.pack.labels.status as Record<string, LocalizedText>;
  const label = typeof value === 'string' ? labels[value] : undefined;
  return label ? text(ctx, label) : plain(value);
}

function cell(ctx: AnswerContext, column: TableColumn, value: unknown): string {
  if (value === null || value === undefined) return '';
  switch (column.type) {
    case 'number':
      return typeof value === 'number' ? formatNumber(ctx, value) : plain(value);
    case 'date':
      return formatDate(ctx, value);
    case 'yesno':
      return yesNo(ctx, value);
    case 'single':
      return optionLabel(ctx, column.options, value);
    case 'text':
      return plain(value);
  }
}

function uncacValue(ctx: AnswerContext, field: UncacField, value: unknown): string {
  switch (field) {
    case 'status':
      return statusLabel(ctx, value);
    case 'assistanceNeeded':
    case 'assistanceReceived':
      return yesNo(ctx, value);
    case 'assistanceOther':
    case 'assistanceReceivedFrom':
      // one-line inputs: composed into no other field, but a line break in them is still not a new line
      return oneLine(plain(value));
    case 'assistanceTypes': {
      const labels = ctx.pack.labels.assistanceTypes as Record<string, LocalizedText>;
      const list = Array.isArray(value) ? value : [value];
      return list.map((id) => (typeof id === 'string' && labels[id] ? text(ctx, labels[id]) : plain(id))).join('\n');
    }
    default:
      return plain(value);
  }
}

function evidence(ctx: AnswerContext, value: unknown): AdaptedAnswer {
  const out: AdaptedAnswer = { fields: [], tables: [], attachments: [] };
  if (!isRecord(value)) return { ...out, fields: [{ label: '', value: plain(value) }] };
  const files = Array.isArray(value.files) ? value.files : [];
  for (const sha of files) {
    const ref = typeof sha === 'string' ? ctx.attachments.get(sha) : undefined;
    if (ref) out.attachments.push({ name: ref.name, size: ref.size, sha256: ref.sha256 });
    // A hash the draft does not list: say so rather than pretend there is no file.
    else if (isAnswered(sha)) out.fields.push({ label: '', value: plain(sha) });
  }
  const links = (Array.isArray(value.links) ? value.links : []).filter(isRecord);
  if (links.length > 0) {
    const lines = links.map((l) => {
      // title and address are one-line inputs: only the line between them is a real line break
      const url = oneLine(plain(l.url));
      const title = typeof l.title === 'string' ? oneLine(l.title.trim()) : '';
      return title ? `${title}\n${url}` : url;
    });
    out.fields.push({ label: ctx.labels.t('answer.links'), value: lines.join('\n') });
  }
  return out;
}

/** The answer `value` (known to be answered) to `item`, ready for the report. */
export function adaptAnswer(ctx: AnswerContext, item: ChecklistItem, value: unknown): AdaptedAnswer {
  const one = (v: string): AdaptedAnswer => ({ fields: [{ label: '', value: v }], tables: [], attachments: [] });
  // A block, table or evidence of another shape would lose the parts its item does not name: print it whole.
  if (!ANSWER_SHAPES[item.type].safeParse(value).success) return one(plain(value));
  switch (item.type) {
    case 'status':
      return { fields: [], tables: [], attachments: [], statusLabel: statusLabel(ctx, value) };
    case 'single':
      return one(optionLabel(ctx, item.options, value));
    case 'multi':
      return one((Array.isArray(value) ? value : [value]).map((id) => optionLabel(ctx, item.options, id)).join('\n'));
    case 'text':
      return one(oneLine(plain(value)));
    case 'longtext':
      return one(plain(value));
    case 'number': {
      if (typeof value !== 'number') return one(plain(value));
      const unit = item.unit ? text(ctx, item.unit) : '';
      return one(unit ? `${formatNumber(ctx, value)} ${unit}` : formatNumber(ctx, value));
    }
    case 'date':
      return one(formatDate(ctx, value));
    case 'yesno':
      return one(yesNo(ctx, value));
    case 'table': {
      if (!Array.isArray(value)) return one(plain(value));
      const rows = value.filter(isAnswered).map((row) => item.columns.map((c) => (isRecord(row) ? cell(ctx, c, row[c.id]) : '')));
      return { fields: [], tables: [{ columns: item.columns.map((c) => text(ctx, c.label)), rows }], attachments: [] };
    }
    case 'evidence':
      return evidence(ctx, value);
    case 'uncac': {
      if (!isRecord(value)) return one(plain(value));
      const fields = UNCAC_FIELDS.filter((f) => f !== 'status' && isAnswered(value[f])).map((f) => ({
        label: text(ctx, ctx.pack.labels.uncac[f]),
        value: uncacValue(ctx, f, value[f]),
      }));
      return { fields, tables: [], attachments: [], ...(isAnswered(value.status) ? { statusLabel: statusLabel(ctx, value.status) } : {}) };
    }
  }
}
