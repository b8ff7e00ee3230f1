import { z } from 'zod';
import { LANGUAGES } from '../i18n/languages';
import { ITEM_ID_PATTERN, ITEM_TYPES } from '../checklist/vocabulary';

/** Most kept answers a draft may carry: a pack has fewer than 10,000 items, and a few revisions pass. */
export const MAX_RETIRED_ANSWERS = 50_000;

/** Why an answer has no place in the checklist version the draft is on now. */
export const RETIRED_REASONS = ['removed', 'notInNewVersion', 'typeChanged', 'unknownItem', 'conflict'] as const;
export type RetiredReason = (typeof RETIRED_REASONS)[number];

const PartialTextSchema = z.partialRecord(z.enum(LANGUAGES), z.string().max(20_000));

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
  })
  .strict();
export type RetiredAnswer = z.infer<typeof RetiredAnswerSchema>;
