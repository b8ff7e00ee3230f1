import { z } from 'zod';
import { LANGUAGES } from '../i18n/languages';
import { COLUMN_TYPES, ITEM_ID_PATTERN, ITEM_TYPES, KEY_PATTERN } from '../checklist/vocabulary';

/** Most kept answers a draft may carry: a pack has fewer than 10,000 items, and a few revisions pass. */
export const MAX_RETIRED_ANSWERS = 50_000;

/** Why an answer has no place in the checklist version the draft is on now. */
export const RETIRED_REASONS = ['removed', 'notInNewVersion', 'typeChanged', 'unknownItem', 'conflict'] as const;
export type RetiredReason = (typeof RETIRED_REASONS)[number];

const PartialTextSchema = z.partialRecord(z.enum(LANGUAGES), z.string().max(20_000));

/** Most options or columns a kept answer names: far more than any checklist item offers. */
export const MAX_KEPT_WORDS = 2000;

/** A choice with its words as the version it was made in gave them (every language that version had). */
export const KeptOptionSchema = z
  .object({ id: z.string().regex(KEY_PATTERN), label: PartialTextSchema })
  .strict()
  .meta({ id: 'KeptOption' });
export type KeptOption = z.infer<typeof KeptOptionSchema>;

/** A table column as the version the answer was given for named it, with the choices made in it. */
export const KeptColumnSchema = z
  .object({
    id: z.string().regex(KEY_PATTERN),
    type: z.enum(COLUMN_TYPES),
    label: PartialTextSchema,
    options: z.array(KeptOptionSchema).max(MAX_KEPT_WORDS).optional().describe('Single-choice columns: the options chosen in any row.'),
  })
  .strict()
  .meta({ id: 'KeptColumn' });
export type KeptColumn = z.infer<typeof KeptColumnSchema>;

/**
 * An answer kept when the draft moved to a checklist version with no place for it: the question was
 * removed, changed type without a conversion, or was never in the checklist. Never dropped; shown
 * read-only under "answers to questions no longer in the checklist" and printed in the PDF annex.
 */
export const RetiredAnswerSchema = z
  .object({
    itemId: z.string().regex(ITEM_ID_PATTERN).describe('The item id in the version the answer was given for.'),
    checklist: z.object({ id: z.string().min(1), version: z.string().min(1) }).strict().describe('The checklist version the answer was given for.'),
    type: z.enum(ITEM_TYPES).optional().describe('The item type in that version; absent for an item that version did not have.'),
    title: PartialTextSchema.describe('The question in that version, in the pack languages; empty when unknown.'),
    answer: z.json(),
    reason: z.enum(RETIRED_REASONS),
    note: PartialTextSchema.optional().describe('The pack\'s note on the removal, if it gave one.'),
    newItemId: z.string().regex(ITEM_ID_PATTERN).optional().describe('The item that took the question\'s place, when its answer could not be converted.'),
    retiredAt: z.iso.datetime(),
    options: z
      .array(KeptOptionSchema)
      .max(MAX_KEPT_WORDS)
      .optional()
      .describe('Single and multiple choice, status: the options chosen, with their words in that version (format 3). Absent when kept by an older app: shown through that version\'s pack if installed, else by id.'),
    columns: z
      .array(KeptColumnSchema)
      .max(MAX_KEPT_WORDS)
      .optional()
      .describe('A table: its columns and the choices made in them, as that version named them (format 3).'),
  })
  .strict();
export type RetiredAnswer = z.infer<typeof RetiredAnswerSchema>;
