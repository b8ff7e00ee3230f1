/**
 * The view model the PDF report renders. It is deliberately independent of the draft document
 * format: an adapter (draft + checklist pack → ReportModel) builds it, with every caller-specific
 * label (item status, field labels, column titles) already localized in the response language.
 * Fixed report wording (cover words, "Contents", "page X of Y"…) comes from locales/<lng>/report.json.
 */
import { z } from 'zod';
import { LanguageSchema } from '../i18n/language-schema';

export const PaperSchema = z.enum(['a4', 'letter']);
export type Paper = z.infer<typeof PaperSchema>;

export const ReportFieldSchema = z.object({
  label: z.string(),
  /** The answer as plain text; hard line breaks are kept. */
  value: z.string(),
});

export const ReportTableSchema = z.object({
  caption: z.string().optional(),
  columns: z.array(z.string()).min(1),
  rows: z.array(z.array(z.string())),
});

export const ReportAttachmentSchema = z.object({
  name: z.string().min(1),
  size: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

export const ItemStateSchema = z.enum(['answered', 'unanswered', 'skipped']);

export const ReportItemSchema = z.object({
  id: z.string().min(1),
  question: z.string(),
  state: ItemStateSchema,
  /** The item's workflow status as the user sees it, e.g. "Validated by the ministry". */
  statusLabel: z.string(),
  /** Why an item was skipped, when the user said so. */
  skipReason: z.string().optional(),
  fields: z.array(ReportFieldSchema).default([]),
  tables: z.array(ReportTableSchema).default([]),
  attachments: z.array(ReportAttachmentSchema).default([]),
});

export const ReportSectionSchema = z.object({
  id: z.string().min(1),
  title: z.string(),
  items: z.array(ReportItemSchema),
});

export const FocalPointSchema = z.object({
  name: z.string(),
  role: z.string().optional(),
  institution: z.string().optional(),
  email: z.string().optional(),
  phone: z.string().optional(),
});

export const InstitutionSchema = z.object({
  name: z.string(),
  contribution: z.string().optional(),
});

export const ReportModelSchema = z.object({
  /** Response language: direction, fixed labels, /Lang. */
  language: LanguageSchema,
  /** Title of the review in the response language. */
  title: z.string(),
  country: z.string(),
  checklist: z.object({ id: z.string(), version: z.string(), title: z.string().optional() }),
  revision: z.number().int().nonnegative(),
  /** ISO 8601 date or date-time of this revision. */
  date: z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'not a date'),
  status: z.enum(['draft', 'submitted']),
  /** Ministry or authority that prepared the report: the PDF's Author. */
  author: z.string(),
  /** Further cover rows after the status (period covered, submission identifier, signer…), already localized. */
  coverDetails: z.array(ReportFieldSchema).default([]),
  keywords: z.array(z.string()).default([]),
  paper: PaperSchema.default('a4'),
  focalPoints: z.array(FocalPointSchema).default([]),
  institutions: z.array(InstitutionSchema).default([]),
  sections: z.array(ReportSectionSchema),
});

export type ReportModel = z.infer<typeof ReportModelSchema>;
export type ReportModelInput = z.input<typeof ReportModelSchema>;
export type ReportSection = z.infer<typeof ReportSectionSchema>;
export type ReportItem = z.infer<typeof ReportItemSchema>;
export type ReportTable = z.infer<typeof ReportTableSchema>;
export type ReportAttachment = z.infer<typeof ReportAttachmentSchema>;
