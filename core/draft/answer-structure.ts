/**
 * The structure an answer to each item type has, checked where answers enter the app (a save, an
 * import). Structure only: a text is a string, a table is rows of cells, an evidence block has
 * `files` and `links` and nothing else. What the value says (an option id the item offers, a length,
 * a bound, a well-formed date or URL) is left to `validateDraft`, which reports it item by item,
 * because the form saves while the user is still typing ("1e" in a number field is kept as text so
 * validation can say what is wrong). An answer of the wrong structure is refused whole: the form
 * could not show it, and it is the way a file would smuggle deep or bulky data under a known id.
 */
import { z } from 'zod';
import { AppError } from '../errors';
import { UNCAC_FIELDS, type ItemType } from '../checklist/vocabulary';
import type { ChecklistItem } from '../checklist/schema';
import { checkAnswerBounds } from './limits';

const cell = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const strings = z.array(z.string());

const UNCAC_STRUCTURE = z
  .object(
    Object.fromEntries(
      UNCAC_FIELDS.map((f) => [
        f,
        (f === 'assistanceNeeded' || f === 'assistanceReceived' ? z.boolean() : f === 'assistanceTypes' ? strings : z.string()).optional(),
      ]),
    ),
  )
  .strict();

/** One structure per item type. */
export const ANSWER_STRUCTURES: Readonly<Record<ItemType, z.ZodType>> = {
  status: z.string(),
  single: z.string(),
  multi: strings,
  text: z.string(),
  longtext: z.string(),
  // A number still being typed is kept as the text typed (see renderer form-values.ts).
  number: z.union([z.number(), z.string()]),
  date: z.string(),
  yesno: z.boolean(),
  table: z.array(z.record(z.string(), cell)),
  evidence: z
    .object({ files: strings.optional(), links: z.array(z.object({ url: z.string().optional(), title: z.string().optional() }).strict()).optional() })
    .strict(),
  uncac: UNCAC_STRUCTURE,
};

/**
 * Check answers entering the app: each within the bounds every answer has (any id), and each answer
 * to an item of `items` in that item's structure. `items` is null when the draft's checklist is not
 * one the app carries: the bounds are checked all the same. Throws the first problem as AppError
 * (`drafts:errors.answerTooDeep`, `answerTooLarge`, `answerNotJson`, or `drafts:errors.answerShape`
 * with `itemId`). `null` values (a cleared answer) pass.
 */
export function checkEnteringAnswers(answers: Readonly<Record<string, unknown>>, items: ReadonlyMap<string, ChecklistItem> | null): void {
  for (const [itemId, value] of Object.entries(answers)) {
    if (value === null) continue;
    checkAnswerBounds(itemId, value);
    const item = items?.get(itemId);
    if (item && !ANSWER_STRUCTURES[item.type].safeParse(value).success) throw new AppError('drafts:errors.answerShape', { itemId });
  }
}
