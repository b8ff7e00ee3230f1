import { z } from 'zod';
import { LANGUAGES } from '../i18n/languages';
import { StrictLocalizedTextSchema, LenientLocalizedTextSchema, type LocalizedTextSchema } from './localized';
import { makeMigrationsSchema } from './migrations-schema';
import { ASSISTANCE_TYPES, COLUMN_TYPES, ITEM_ID_PATTERN, KEY_PATTERN, STATUS_VALUES, UNCAC_FIELDS, VERSION_PATTERN } from './vocabulary';

/** The pack format version this code reads and writes. */
export const PACK_SCHEMA_VERSION = 1;

function labelsFor<K extends string>(keys: readonly K[], text: LocalizedTextSchema) {
  return z.object(Object.fromEntries(keys.map((k) => [k, text])) as Record<K, LocalizedTextSchema>).strict();
}

/** Build the pack schema around a text schema: strict (all six languages) or lenient (English required). */
export function makePackSchema(text: LocalizedTextSchema) {
  const rule = z.string().min(1).max(2000).describe('An expression in the rule language (docs/formats/checklist-pack.md).');
  const option = z.object({ id: z.string().regex(KEY_PATTERN), label: text }).strict();
  const options = z.array(option).min(1);
  const constraint = z.object({ rule, message: text }).strict();

  const base = {
    id: z.string().regex(ITEM_ID_PATTERN).describe('Stable item id, e.g. "B.1"; answers are keyed by it.'),
    text,
    guidance: text.optional(),
    reference: z.string().max(500).optional().describe('Reference to the Guidelines (free text, e.g. "para. 42").'),
    required: z.union([z.boolean(), rule]).default(false).describe('true, false, or a rule that makes the item required.'),
    relevance: rule.optional().describe('Rule; when false the item is skipped (hidden and not required).'),
    constraints: z.array(constraint).default([]),
  };

  const column = z
    .object({
      id: z.string().regex(KEY_PATTERN),
      type: z.enum(COLUMN_TYPES),
      label: text,
      required: z.boolean().default(false),
      options: options.optional(),
      integer: z.boolean().optional().describe('Number columns: whole numbers only (a year, a count).'),
      min: z.number().optional().describe('Number columns: the smallest value accepted.'),
      max: z.number().optional().describe('Number columns: the largest value accepted.'),
      notBefore: z
        .string()
        .regex(KEY_PATTERN)
        .optional()
        .describe('Number or date columns: the id of another column of the same type in the same table; in a row, this cell may not be smaller (earlier) than that one (an end year and its start year).'),
    })
    .strict()
    .superRefine((c, ctx) => {
      if (c.type === 'single' && !c.options) ctx.addIssue({ code: 'custom', path: ['options'], message: 'a single-choice column needs options' });
      for (const key of ['integer', 'min', 'max'] as const) {
        if (c[key] !== undefined && c.type !== 'number') ctx.addIssue({ code: 'custom', path: [key], message: `${key} is for number columns` });
      }
      if (c.notBefore !== undefined && c.type !== 'number' && c.type !== 'date') ctx.addIssue({ code: 'custom', path: ['notBefore'], message: 'notBefore is for number and date columns' });
    });

  const item = z.discriminatedUnion('type', [
    z.object({ ...base, type: z.literal('status') }).strict(),
    z.object({ ...base, type: z.literal('single'), options }).strict(),
    z
      .object({
        ...base,
        type: z.literal('multi'),
        options,
        minSelected: z.number().int().nonnegative().optional(),
        maxSelected: z.number().int().positive().optional(),
      })
      .strict(),
    z.object({ ...base, type: z.literal('text'), maxLength: z.number().int().positive().default(500) }).strict(),
    z.object({ ...base, type: z.literal('longtext'), maxLength: z.number().int().positive().default(20000) }).strict(),
    z
      .object({
        ...base,
        type: z.literal('number'),
        min: z.number().optional(),
        max: z.number().optional(),
        integer: z.boolean().default(false),
        unit: text.optional(),
      })
      .strict(),
    z.object({ ...base, type: z.literal('date') }).strict(),
    z.object({ ...base, type: z.literal('yesno') }).strict(),
    z
      .object({
        ...base,
        type: z.literal('table'),
        columns: z.array(column).min(1),
        minRows: z.number().int().nonnegative().optional(),
        maxRows: z.number().int().positive().optional(),
      })
      .strict(),
    z.object({ ...base, type: z.literal('evidence') }).strict(),
    z.object({ ...base, type: z.literal('uncac') }).strict(),
  ]);

  const section = z
    .object({
      id: z.string().regex(KEY_PATTERN),
      title: text,
      description: text.optional(),
      items: z.array(item).min(1),
    })
    .strict();

  return z
    .object({
      schemaVersion: z.literal(PACK_SCHEMA_VERSION),
      id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/),
      version: z.string().regex(VERSION_PATTERN).describe('Semantic version of the pack content.'),
      languages: z.array(z.enum(LANGUAGES)).min(1),
      title: text,
      labels: z
        .object({
          status: labelsFor(STATUS_VALUES, text),
          uncac: labelsFor(UNCAC_FIELDS, text),
          assistanceTypes: labelsFor(ASSISTANCE_TYPES, text),
        })
        .strict()
        .describe('Translated labels of the shared vocabularies: the status scale and the UNCAC-style block.'),
      sections: z.array(section).min(1),
      migrations: makeMigrationsSchema(text)
        .optional()
        .describe('How answers to earlier versions move to this one, step by step (docs/formats/checklist-pack.md, "Migrations").'),
    })
    .strict()
    .superRefine((pack, ctx) => {
      const seenItems = new Set<string>();
      const seenSections = new Set<string>();
      pack.sections.forEach((s, si) => {
        if (seenSections.has(s.id)) ctx.addIssue({ code: 'custom', path: ['sections', si, 'id'], message: `duplicate section id ${s.id}` });
        seenSections.add(s.id);
        s.items.forEach((it, ii) => {
          const at = ['sections', si, 'items', ii];
          if (seenItems.has(it.id)) ctx.addIssue({ code: 'custom', path: [...at, 'id'], message: `duplicate item id ${it.id}` });
          seenItems.add(it.id);
          if ('columns' in it) {
            it.columns.forEach((c, ci) => {
              if (c.notBefore === undefined) return;
              const other = it.columns.find((o) => o.id === c.notBefore);
              if (!other || other === c || other.type !== c.type) {
                ctx.addIssue({ code: 'custom', path: [...at, 'columns', ci, 'notBefore'], message: `notBefore names no other ${c.type} column of this table: ${c.notBefore}` });
              }
            });
          }
          const opts = 'options' in it ? it.options : 'columns' in it ? it.columns : undefined;
          const ids = new Set<string>();
          opts?.forEach((o, oi) => {
            if (ids.has(o.id)) ctx.addIssue({ code: 'custom', path: [...at, 'options' in it ? 'options' : 'columns', oi, 'id'], message: `duplicate id ${o.id}` });
            ids.add(o.id);
          });
        });
      });
    });
}

/** Published packs: every text in all six languages. The committed JSON Schema is generated from this. */
export const PackSchema = makePackSchema(StrictLocalizedTextSchema);
/** Packs under translation: English required; missing languages become '' and are reported as gaps. */
export const LenientPackSchema = makePackSchema(LenientLocalizedTextSchema);

export type ChecklistPack = z.output<typeof PackSchema>;
export type ChecklistSection = ChecklistPack['sections'][number];
export type ChecklistItem = ChecklistSection['items'][number];
export type TableColumn = Extract<ChecklistItem, { type: 'table' }>['columns'][number];
export type PackConstraint = ChecklistItem['constraints'][number];
