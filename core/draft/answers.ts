import { z } from 'zod';
import { ASSISTANCE_TYPES, STATUS_VALUES, type ItemType } from '../checklist/vocabulary';
import type { ChecklistItem, TableColumn } from '../checklist/schema';
import { measureJson } from '../json/bounds';
import { MAX_ANSWER_BYTES, MAX_ANSWER_DEPTH } from './limits';

export const IsoDateSchema = z.iso.date().describe('Calendar date, YYYY-MM-DD.');
export const Sha256Schema = z.string().regex(/^[0-9a-f]{64}$/).describe('Lowercase hex SHA-256 of the file content.');

const BOUND_PROBLEMS = {
  depth: `nested more than ${MAX_ANSWER_DEPTH} levels deep`,
  bytes: `larger than ${MAX_ANSWER_BYTES} bytes`,
  notJson: 'not a JSON value',
} as const;

/**
 * One answer in a draft, to any item id: a JSON value within the bounds of limits.ts. The bounds are
 * measured without recursion first; only a value within them reaches zod's recursive `z.json()`, so
 * no file can overflow the stack here. Its structure per item type: answer-structure.ts.
 */
export const AnswerValueSchema = z
  .unknown()
  .superRefine((value, ctx) => {
    const m = measureJson(value, { maxDepth: MAX_ANSWER_DEPTH, maxBytes: MAX_ANSWER_BYTES, level: 2 });
    if (!m.ok) ctx.addIssue({ code: 'custom', message: BOUND_PROBLEMS[m.problem] });
  })
  .pipe(z.json())
  .describe(`An answer: a JSON value nested at most ${MAX_ANSWER_DEPTH} levels deep and at most ${MAX_ANSWER_BYTES} bytes as the file writes it; its shape per item type is in docs/formats/draft.md.`);

/** The UNCAC-style compound answer: one shape for every `uncac` item. */
export const UncacAnswerSchema = z
  .object({
    status: z.enum(STATUS_VALUES).optional(),
    measures: z.string().optional(),
    examples: z.string().optional(),
    challenges: z.string().optional(),
    assistanceNeeded: z.boolean().optional(),
    assistanceTypes: z.array(z.enum(ASSISTANCE_TYPES)).optional(),
    assistanceOther: z.string().optional(),
    assistanceDetails: z.string().optional(),
    assistanceReceived: z.boolean().optional(),
    assistanceReceivedFrom: z.string().optional(),
  })
  .strict();
export type UncacAnswer = z.infer<typeof UncacAnswerSchema>;

export const EvidenceAnswerSchema = z
  .object({
    files: z.array(Sha256Schema).default([]).describe('Attachments by content hash; each listed in the draft `attachments`.'),
    links: z
      .array(z.object({ url: z.url({ protocol: /^https?$/ }), title: z.string().optional() }).strict())
      .default([]),
  })
  .strict();
export type EvidenceAnswer = z.infer<typeof EvidenceAnswerSchema>;

const TableCellSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export const TableRowSchema = z.record(z.string(), TableCellSchema);

/** The shape of an answer for each item type, independent of any one item (documentation, JSON Schema). */
export const ANSWER_SHAPES = {
  status: z.enum(STATUS_VALUES),
  single: z.string().describe('The chosen option id.'),
  multi: z.array(z.string()).describe('The chosen option ids.'),
  text: z.string(),
  longtext: z.string(),
  number: z.number(),
  date: IsoDateSchema,
  yesno: z.boolean(),
  table: z.array(TableRowSchema).describe('Rows; each row maps column ids to cell values.'),
  evidence: EvidenceAnswerSchema,
  uncac: UncacAnswerSchema,
} as const satisfies Record<ItemType, z.ZodType>;

function optionIds(options: readonly { id: string }[]): [string, ...string[]] {
  return options.map((o) => o.id) as [string, ...string[]];
}

function cellSchema(column: TableColumn): z.ZodType {
  switch (column.type) {
    case 'text':
      return z.string();
    case 'number': {
      let n = column.integer ? z.number().int() : z.number();
      if (column.min !== undefined) n = n.min(column.min);
      if (column.max !== undefined) n = n.max(column.max);
      return n;
    }
    case 'date':
      return IsoDateSchema;
    case 'yesno':
      return z.boolean();
    case 'single':
      return z.enum(optionIds(column.options ?? []));
  }
}

/** In a row, the cells that come before the cell they may not precede (`notBefore`): both given, in the wrong order. */
export function cellsOutOfOrder(columns: readonly TableColumn[], row: Record<string, unknown>): { column: TableColumn; other: TableColumn }[] {
  const found: { column: TableColumn; other: TableColumn }[] = [];
  for (const column of columns) {
    const other = column.notBefore === undefined ? undefined : columns.find((c) => c.id === column.notBefore);
    if (!other) continue;
    const a = row[column.id];
    const b = row[other.id];
    const comparable = (typeof a === 'number' && typeof b === 'number') || (typeof a === 'string' && typeof b === 'string' && a !== '' && b !== '');
    if (comparable && (a as number | string) < (b as number | string)) found.push({ column, other });
  }
  return found;
}

function tableSchema(columns: readonly TableColumn[], minRows?: number, maxRows?: number) {
  const shape = Object.fromEntries(
    columns.map((c) => {
      const cell = cellSchema(c);
      return [c.id, c.required ? cell : cell.nullable().optional()];
    }),
  );
  const row = z
    .object(shape)
    .strict()
    .superRefine((r, ctx) => {
      for (const { column, other } of cellsOutOfOrder(columns, r)) ctx.addIssue({ code: 'custom', path: [column.id], message: `before ${other.id}` });
    });
  let rows = z.array(row);
  if (minRows !== undefined) rows = rows.min(minRows);
  if (maxRows !== undefined) rows = rows.max(maxRows);
  return rows;
}

/** The exact schema an answer to `item` must satisfy: option ids, lengths, bounds and columns included. */
export function answerSchemaFor(item: ChecklistItem): z.ZodType {
  switch (item.type) {
    case 'status':
      return ANSWER_SHAPES.status;
    case 'single':
      return z.enum(optionIds(item.options));
    case 'multi': {
      let s = z.array(z.enum(optionIds(item.options))).refine((a) => new Set(a).size === a.length, 'duplicate choice');
      if (item.minSelected !== undefined) s = s.refine((a) => a.length === 0 || a.length >= (item.minSelected ?? 0), 'too few choices');
      if (item.maxSelected !== undefined) s = s.refine((a) => a.length <= (item.maxSelected ?? Infinity), 'too many choices');
      return s;
    }
    case 'text':
    case 'longtext':
      return z.string().max(item.maxLength);
    case 'number': {
      let n = item.integer ? z.number().int() : z.number();
      if (item.min !== undefined) n = n.min(item.min);
      if (item.max !== undefined) n = n.max(item.max);
      return n;
    }
    case 'date':
      return IsoDateSchema;
    case 'yesno':
      return ANSWER_SHAPES.yesno;
    case 'table':
      return tableSchema(item.columns, item.minRows, item.maxRows);
    case 'evidence':
      return EvidenceAnswerSchema;
    case 'uncac':
      return UncacAnswerSchema;
  }
}
