/**
 * The view model the PDF report renders. It is deliberately independent of the draft document
 * format: an adapter (draft + checklist pack → ReportModel) builds it, with every caller-specific
 * label (item status, field labels, column titles) already localized in the response language.
 * Fixed report wording (cover words, "Contents", "page X of Y"…) comes from locales/<lng>/report.json.
 */
import { z } from 'zod';
import { LanguageSchema } from '../i18n/language-schema';
import { VERDICTS } from '../review/schema';
import { oneLine, withoutExplicitBidi } from './text/bidi-controls';

/**
 * Text as printed (docs/pdf.md, "Invisible characters"): bidi embeddings, overrides and isolates
 * of the data are dropped here, so neither the pages nor the outline and document properties can
 * read differently from the data. The answers, the questions, a skip reason and a contribution
 * keep their line breaks.
 */
const Text = z.string().transform(withoutExplicitBidi);
/**
 * A one-line field (a name, a label, a table cell, a file name): a line break in it is printed as
 * a visible sign, never as a new line, so the data cannot pass for lines of the report it is not.
 */
const printedLine = (s: string): string => oneLine(withoutExplicitBidi(s));
const Line = z.string().transform(printedLine);

export const PaperSchema = z.enum(['a4', 'letter']);
export type Paper = z.infer<typeof PaperSchema>;

export const ReportFieldSchema = z.object({
  label: Line,
  /** The answer as plain text; hard line breaks are kept. */
  value: Text,
});

export const ReportTableSchema = z.object({
  caption: Line.optional(),
  columns: z.array(Line).min(1),
  rows: z.array(z.array(Line)),
});

export const ReportAttachmentSchema = z.object({
  name: z.string().min(1).transform(printedLine),
  size: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

/** `invalid`: an answer is there but does not pass validation; it is printed with what to correct, never as "answered". */
export const ItemStateSchema = z.enum(['answered', 'invalid', 'unanswered', 'skipped']);

export const ReportItemSchema = z.object({
  id: z.string().min(1).transform(printedLine),
  question: Text,
  state: ItemStateSchema,
  /** The item's workflow status as the user sees it, e.g. "Validated by the ministry". */
  statusLabel: Line,
  /** Why an item was skipped, when the user said so. */
  skipReason: Text.optional(),
  fields: z.array(ReportFieldSchema).default([]),
  tables: z.array(ReportTableSchema).default([]),
  attachments: z.array(ReportAttachmentSchema).default([]),
  /** For an `invalid` item: what is wrong with the answer, one sentence each, in the response language. */
  problems: z.array(Text).optional(),
});

export const ReportSectionSchema = z.object({
  id: z.string().min(1),
  title: Line,
  items: z.array(ReportItemSchema),
});

export const FocalPointSchema = z.object({
  name: Line,
  role: Line.optional(),
  institution: Line.optional(),
  email: Line.optional(),
  phone: Line.optional(),
});

export const InstitutionSchema = z.object({
  name: Line,
  contribution: Text.optional(),
});

/** An institution consulted before submitting (internal review): dates and verdict are worded by the report. */
export const ReportConsultationSchema = z.object({
  institution: Line,
  /** The person who answered for the institution. */
  name: Line.optional(),
  sentAt: z.iso.datetime().optional(),
  returnedAt: z.iso.datetime(),
  verdict: z.enum(VERDICTS),
});

export const ReportModelSchema = z.object({
  /** Response language: direction, fixed labels, /Lang. */
  language: LanguageSchema,
  /** Title of the review in the response language. */
  title: Line,
  country: Line,
  checklist: z.object({ id: Line, version: Line, title: Line.optional() }),
  revision: z.number().int().nonnegative(),
  /** ISO 8601 date or date-time of this revision. */
  date: z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'not a date'),
  status: z.enum(['draft', 'submitted']),
  /** Ministry or authority that prepared the report: the PDF's Author. */
  author: Line,
  /** Further cover rows after the status (period covered, submission identifier, signer…), already localized. */
  coverDetails: z.array(z.object({ label: Line, value: Line })).default([]),
  keywords: z.array(Line).default([]),
  paper: PaperSchema.default('a4'),
  focalPoints: z.array(FocalPointSchema).default([]),
  institutions: z.array(InstitutionSchema).default([]),
  /** Who was consulted and their verdict, printed after the institutions; nothing when empty. */
  consultations: z.array(ReportConsultationSchema).default([]),
  sections: z.array(ReportSectionSchema),
});

export type ReportModel = z.infer<typeof ReportModelSchema>;
export type ReportModelInput = z.input<typeof ReportModelSchema>;
export type ReportSection = z.infer<typeof ReportSectionSchema>;
export type ReportItem = z.infer<typeof ReportItemSchema>;
export type ReportTable = z.infer<typeof ReportTableSchema>;
export type ReportAttachment = z.infer<typeof ReportAttachmentSchema>;
export type ReportConsultation = z.infer<typeof ReportConsultationSchema>;
