/**
 * Moving an assessment to a newer version of its checklist: is there one, the preview item by item,
 * and the move itself (saved as a new revision, so history undoes it).
 */
import { z } from 'zod';
import type { MethodSpec } from '../../api/common';
import { LANGUAGES } from '../../i18n/languages';
import { LenientLocalizedTextSchema } from '../../checklist/localized';
import { RETIRED_REASONS } from '../../draft/retired';
import { AssessmentIdSchema } from '../../draft/schema';
import { OpenedAssessmentSchema } from '../assessments/contract';
import { PackOriginSchema, PackRefSchema } from '../packs/contract';

const Count = z.number().int().nonnegative();
const PartialTextSchema = z.partialRecord(z.enum(LANGUAGES), z.string());

export const PREVIEW_KINDS = ['kept', 'moved', 'textChanged', 'typeChanged', 'removed', 'new', 'unknown'] as const;
export const ANSWER_OUTCOMES = ['none', 'kept', 'converted', 'retained'] as const;

/** The newest version of the assessment's checklist the app carries or has installed, if it is newer than the draft's. */
export const NewerVersionSchema = z.object({
  current: PackRefSchema,
  newer: z
    .object({ id: z.string(), version: z.string(), title: LenientLocalizedTextSchema, origin: PackOriginSchema, signer: z.string().optional() })
    .nullable(),
});
export type NewerVersion = z.infer<typeof NewerVersionSchema>;

/** One question in the preview (core/revisions/plan.ts PreviewEntry). */
export const PreviewEntrySchema = z.object({
  kind: z.enum(PREVIEW_KINDS),
  oldId: z.string().nullable(),
  newId: z.string().nullable(),
  textChanged: z.boolean(),
  typeChanged: z.boolean(),
  optionsChanged: z.boolean(),
  answer: z.enum(ANSWER_OUTCOMES),
  reason: z.enum(RETIRED_REASONS).optional(),
  title: PartialTextSchema.nullable(),
  note: PartialTextSchema.optional(),
  pleaseCheck: z.boolean(),
});
export type PreviewEntryInfo = z.infer<typeof PreviewEntrySchema>;

/** The preview of a move: nothing is saved. */
export const MovePreviewSchema = z.object({
  from: PackRefSchema,
  to: PackRefSchema,
  entries: z.array(PreviewEntrySchema),
  counts: z.record(z.enum(PREVIEW_KINDS), Count),
  answers: z.object({ kept: Count, converted: Count, retained: Count }),
  pleaseCheck: Count,
});
export type MovePreview = z.infer<typeof MovePreviewSchema>;

export const revisionsContract = {
  findNewerVersion: { channel: 'revisions:newer', input: z.tuple([AssessmentIdSchema]), output: NewerVersionSchema },
  previewMove: { channel: 'revisions:preview', input: z.tuple([AssessmentIdSchema, PackRefSchema]), output: MovePreviewSchema },
  /** Move the open assessment to `to` and save it as a new revision; answers the draft with a notice of what the move did. */
  moveAssessment: { channel: 'revisions:move', input: z.tuple([AssessmentIdSchema, PackRefSchema]), output: OpenedAssessmentSchema },
} as const satisfies Record<string, MethodSpec>;
