import { z } from 'zod';
import { LANGUAGES } from '../i18n/languages';
import { ITEM_ID_PATTERN } from '../checklist/vocabulary';
import { AnswerValueSchema, IsoDateSchema, Sha256Schema } from './answers';
import { MAX_ANSWERS } from './limits';
import { MAX_RETIRED_ANSWERS, RetiredAnswerSchema } from './retired';

/** The draft format version this code writes; older versions are migrated on read (see migrations/). */
export const DRAFT_SCHEMA_VERSION = 3;

/** Assessment ids name folders on disk, so they are restricted to a safe alphabet. */
export const AssessmentIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{2,63}$/);

export const FocalPointSchema = z
  .object({
    name: z.string().min(1).max(200),
    title: z.string().max(200).default(''),
    institution: z.string().max(300).default(''),
    email: z.union([z.email(), z.literal('')]).default(''),
    phone: z.string().max(60).default(''),
  })
  .strict();
export type FocalPoint = z.infer<typeof FocalPointSchema>;

export const PeriodSchema = z
  .object({ from: IsoDateSchema, to: IsoDateSchema })
  .strict()
  .refine((p) => p.from <= p.to, { message: 'period ends before it starts', path: ['to'] });

export const AssessmentMetaSchema = z
  .object({
    countryCode: z.string().regex(/^[A-Z]{3}$/).describe('ISO 3166-1 alpha-3.'),
    responseLanguage: z.enum(LANGUAGES).describe('Language the answers are written in (independent of the UI language).'),
    focalPoints: z.array(FocalPointSchema).default([]),
    contributingInstitutions: z.array(z.string().min(1).max(300)).default([]),
    periodCovered: PeriodSchema.nullable().default(null),
  })
  .strict();
export type AssessmentMeta = z.infer<typeof AssessmentMetaSchema>;

export const AttachmentRefSchema = z
  .object({
    sha256: Sha256Schema,
    name: z.string().min(1).max(255),
    size: z.number().int().nonnegative(),
    mediaType: z.string().min(1).max(200),
  })
  .strict();
export type AttachmentRef = z.infer<typeof AttachmentRefSchema>;

/** A reviewer's suggestion the focal point accepted: the change log names the review and institution. */
export const AcceptedSuggestionSchema = z
  .object({
    itemId: z.string().regex(ITEM_ID_PATTERN),
    reviewId: z.uuid(),
    institution: z.string().min(1).max(300),
    suggestionId: z.string().min(1).max(64),
  })
  .strict();
export type AcceptedSuggestion = z.infer<typeof AcceptedSuggestionSchema>;

export const ChangeEntrySchema = z
  .object({
    fromRevision: z.number().int().nonnegative(),
    toRevision: z.number().int().positive(),
    startedAt: z.iso.datetime(),
    at: z.iso.datetime(),
    items: z.array(z.string()).describe('Ids of answers changed in this span of saves.'),
    metadata: z.boolean().describe('Whether assessment metadata or attachments changed.'),
    restoredFrom: z.number().int().nonnegative().optional().describe('Set when the span is a restore of that revision.'),
    accepted: z.array(AcceptedSuggestionSchema).max(5000).optional().describe('Set when the save took suggestions from review replies: one entry per suggestion.'),
  })
  .strict();
export type ChangeEntry = z.infer<typeof ChangeEntrySchema>;

/**
 * The draft document (`*.scsa.json`). Answers are plain JSON keyed by item id; their shape per item
 * type is checked against the pack by `validateDraft`, not here, so that an answer to an item the
 * pack no longer has is kept rather than rejected. Moving to a new checklist version puts an answer
 * that has no place there in `retiredAnswers` (core/revisions), never away.
 */
export const DraftSchema = z
  .object({
    schemaVersion: z.literal(DRAFT_SCHEMA_VERSION),
    id: AssessmentIdSchema,
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    revision: z.number().int().nonnegative().describe('Incremented by the store on every save that changes content.'),
    assessment: AssessmentMetaSchema,
    checklist: z.object({ id: z.string().min(1), version: z.string().min(1) }).strict(),
    answers: z
      .record(z.string().regex(ITEM_ID_PATTERN), AnswerValueSchema)
      .refine((a) => Object.keys(a).length <= MAX_ANSWERS, `more than ${MAX_ANSWERS} answers`)
      .meta({ maxProperties: MAX_ANSWERS }),
    attachments: z.array(AttachmentRefSchema).default([]),
    changeLog: z.array(ChangeEntrySchema).default([]),
    retiredAnswers: z
      .array(RetiredAnswerSchema)
      .max(MAX_RETIRED_ANSWERS)
      .default([])
      .describe('Answers to questions no longer in the checklist, kept when the draft moved to a new checklist version.'),
  })
  .strict();
export type Draft = z.infer<typeof DraftSchema>;
