/**
 * The `migrations` of a checklist pack: how answers written against an earlier version find their
 * place in this one. Steps are append-only, like the draft format's own migrations: a new version
 * adds the step from the previous version and never rewrites older steps, so a draft on any
 * earlier version is moved step by step. Semantics: docs/formats/checklist-pack.md, "Migrations".
 */
import { z } from 'zod';
import type { LocalizedTextSchema } from './localized';
import { ITEM_ID_PATTERN, KEY_PATTERN, UNCAC_FIELDS, VERSION_PATTERN } from './vocabulary';

/** Most steps a pack may carry; a pack revised every month for eight years stays far below. */
export const MAX_MIGRATION_STEPS = 100;
/** Most item entries in one step, as many as a pack may have items. */
export const MAX_STEP_ENTRIES = 10_000;

const version = z.string().regex(VERSION_PATTERN);
const renames = z
  .record(z.string().regex(KEY_PATTERN), z.string().regex(KEY_PATTERN))
  .refine((r) => Object.keys(r).length <= 1000, 'at most 1000 renames')
  .describe('Old id → new id.');

/** How an answer changes shape when its item changes type. Closed on purpose: a pack carries data, never code. */
export const ConversionSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('wrap') }).strict().describe('One choice becomes a list of one (single → multi).'),
    z.object({ kind: z.literal('unwrap') }).strict().describe('A list of exactly one choice becomes that choice (multi → single); other lists stay as a note.'),
    z
      .object({
        kind: z.literal('map'),
        values: z
          .array(z.object({ from: z.json(), to: z.json() }).strict())
          .min(1)
          .max(500),
      })
      .strict()
      .describe('The whole answer is replaced by the `to` of the entry whose `from` equals it (e.g. yes/no → a choice); no match stays as a note.'),
    z.object({ kind: z.literal('toText') }).strict().describe('A number, date, choice or list of choices becomes text.'),
    z.object({ kind: z.literal('toNumber') }).strict().describe('A text that is exactly a number becomes that number.'),
    z.object({ kind: z.literal('intoField'), field: z.enum(UNCAC_FIELDS) }).strict().describe('The answer becomes one field of a UNCAC-style block (status → block).'),
    z
      .object({ kind: z.literal('fromField'), field: z.enum(UNCAC_FIELDS) })
      .strict()
      .describe('A UNCAC-style block becomes the value of one of its fields, if no other field holds anything.'),
  ])
  .meta({ id: 'AnswerConversion' });
export type Conversion = z.infer<typeof ConversionSchema>;

/** Build the migrations schema around the pack's text schema (removal notes are translated). */
export function makeMigrationsSchema(text: LocalizedTextSchema) {
  const moved = z
    .object({
      to: z.string().regex(ITEM_ID_PATTERN).optional().describe('The item id in the step\'s `to` version; the same id when absent.'),
      options: renames.optional().describe('Renamed option ids of a single or multiple choice.'),
      columns: renames.optional().describe('Renamed column ids of a table.'),
      convert: ConversionSchema.optional(),
    })
    .strict();
  const removed = z
    .object({
      removed: z.literal(true),
      note: text.optional().describe('Why, shown beside the kept answer.'),
    })
    .strict();
  const step = z
    .object({
      from: version.describe('The earlier version this step starts from.'),
      to: version.describe('The version it leads to: a later step\'s `from`, or this pack\'s `version`.'),
      items: z
        .record(z.string().regex(ITEM_ID_PATTERN), z.union([removed, moved]))
        .refine((r) => Object.keys(r).length <= MAX_STEP_ENTRIES, `at most ${MAX_STEP_ENTRIES} entries`)
        .describe('Per item id of the `from` version. Items not listed keep their id.'),
    })
    .strict();
  return z.array(step).max(MAX_MIGRATION_STEPS);
}

export type MigrationSteps = z.output<ReturnType<typeof makeMigrationsSchema>>;
export type MigrationStep = MigrationSteps[number];
export type MigrationEntry = MigrationStep['items'][string];
export type MovedEntry = Exclude<MigrationEntry, { removed: true }>;
export type RemovedEntry = Extract<MigrationEntry, { removed: true }>;

/** Whether a step entry removes its item. */
export function isRemoval(entry: MigrationEntry): entry is RemovedEntry {
  return 'removed' in entry;
}
