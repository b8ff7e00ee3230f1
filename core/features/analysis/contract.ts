/**
 * The secretariat's analysis of the open workspace for the thematic implementation report (issue 12
 * items 5 and 6): the analysis as a job, the answers of one item on demand, and exports (XLSX, CSV,
 * statistical annex PDF) as jobs whose file is then downloaded once. No ranking: nothing here is a
 * score per country, and countries come in alphabetical order of the UI language (docs/analysis.md).
 */
import { z } from 'zod';
import { DownloadTicketSchema, LanguageSchema, type MethodSpec } from '../../api/common';
import { REGIONAL_GROUPS } from '../../analysis/regional-groups';
import { JobStartedSchema } from '../jobs/contract';

const Id = z.string().min(1).max(200);
const Text = z.string().max(40_000);
const Count = z.number().int().nonnegative();

/**
 * Which checklist to analyse: one version, or every version of that checklist counted under the
 * newest through the pack's migrations (`version: null`). Absent: the only version the submissions use.
 */
export const ChecklistChoiceSchema = z.object({ id: Id, version: z.string().min(1).max(64).nullable() }).strict();
export const AnalysisFiltersSchema = z
  .object({
    groups: z.array(z.enum(REGIONAL_GROUPS)).max(REGIONAL_GROUPS.length),
    responseLanguages: z.array(LanguageSchema).max(6),
    checklist: ChecklistChoiceSchema.optional(),
  })
  .strict();
export type AnalysisFilters = z.infer<typeof AnalysisFiltersSchema>;

export const DenominatorSchema = z.object({ answered: Count, skipped: Count, notAnswered: Count, otherVersion: Count.optional() });
export type Denominator = z.infer<typeof DenominatorSchema>;
const LabelledCount = z.object({ id: z.string(), label: z.string(), count: Count });

/** One item as the screen shows it: its counts with the denominator, labels in the UI language. */
export const AnalysisItemSchema = z.object({
  id: z.string(),
  question: Text,
  type: z.string(),
  denominator: DenominatorSchema,
  /** Count of each implementation status (status and UNCAC-style items), with its own denominator. */
  status: z.object({ counts: z.array(LabelledCount), denominator: DenominatorSchema }).optional(),
  /** Countries choosing each option (single, multiple choice, yes/no), in the pack's order. */
  options: z.array(LabelledCount).optional(),
  numbers: z.object({ min: z.number().nullable(), median: z.number().nullable(), max: z.number().nullable() }).optional(),
  assistance: z.object({ needed: Count, notNeeded: Count, types: z.array(LabelledCount), denominator: DenominatorSchema }).optional(),
  /** Text answers to read with `analysisAnswers` (free text, or rows of a table item). */
  answers: Count,
});
export type AnalysisItem = z.infer<typeof AnalysisItemSchema>;

export const AnalysisParticipantSchema = z.object({
  code: z.string(),
  name: z.string(),
  group: z.enum(REGIONAL_GROUPS).nullable(),
  responseLanguage: LanguageSchema,
  checklistVersion: z.string(),
  submissionRevision: z.number().int(),
  baggingDate: z.string(),
  consent: z.enum(['full', 'summary_only', 'not_public']).nullable(),
});

export const AnalysisViewSchema = z.object({
  /** Names this analysis for `analysisAnswers` (the last one computed is kept). */
  viewId: z.uuid(),
  language: LanguageSchema,
  checklist: z.object({ id: z.string(), version: z.string(), title: z.string() }),
  /** Across versions: the versions counted (items of older ones counted only in their own analysis) and those left out. */
  versions: z
    .object({
      target: z.string(),
      counted: z.array(z.object({ version: z.string(), countries: Count, notCounted: z.array(z.object({ itemId: z.string(), question: Text, reason: z.string() })) })),
      leftOut: z.array(z.object({ version: z.string(), countries: Count })),
    })
    .optional(),
  /** What the filters can offer, from every current submission of the workspace. */
  available: z.object({
    checklists: z.array(z.object({ id: z.string(), version: z.string(), countries: Count, known: z.boolean() })),
    groups: z.array(z.enum(REGIONAL_GROUPS)),
    languages: z.array(LanguageSchema),
  }),
  filters: AnalysisFiltersSchema,
  /** Alphabetical in the UI language; never in the order of any result. */
  participants: z.array(AnalysisParticipantSchema),
  statisticsCount: Count,
  /** Current submissions outside the filters or on another checklist version. */
  leftOut: Count,
  conflicts: Count,
  unreadable: Count,
  items: z.array(AnalysisItemSchema),
  assistanceTypes: z.array(z.object({ id: z.string(), label: z.string(), countries: Count, itemMentions: Count, tableRows: Count })),
});
export type AnalysisView = z.infer<typeof AnalysisViewSchema>;

/** The answers of one item as written: free text with its country and language, or the rows of a table item. */
export const ItemAnswersSchema = z.object({
  itemId: z.string(),
  freeText: z.array(z.object({ field: z.string().nullable(), country: z.string(), language: LanguageSchema, text: Text })),
  table: z
    .object({
      columns: z.array(z.object({ id: z.string(), label: z.string() })),
      rows: z.array(z.object({ country: z.string(), language: LanguageSchema, cells: z.array(z.string().max(40_000)) })),
    })
    .optional(),
  /** Only the first answers are sent; `total` says how many there are (the exports hold them all). */
  total: Count,
});
export type ItemAnswers = z.infer<typeof ItemAnswersSchema>;

export const ANALYSIS_EXPORT_FORMATS = ['xlsx', 'csv', 'pdf'] as const;
export const AnalysisExportRequestSchema = z
  .object({
    format: z.enum(ANALYSIS_EXPORT_FORMATS),
    /** Language of the file: headers, item texts, country names and their order. */
    language: LanguageSchema,
    /** Honour each country's consent to publish (item A.6). */
    publishable: z.boolean(),
    filters: AnalysisFiltersSchema,
    paper: z.enum(['a4', 'letter']).optional(),
  })
  .strict();
export type AnalysisExportRequest = z.infer<typeof AnalysisExportRequestSchema>;

export const AnalysisJobResultSchema = z.object({ kind: z.literal('analysis'), view: AnalysisViewSchema });
/** A finished export, kept until downloaded once (or for a few minutes). CSV comes as a zip of one file per table. */
export const AnalysisExportJobResultSchema = z.object({
  kind: z.literal('analysis-export'),
  exportId: z.uuid(),
  fileName: z.string().min(1).max(255),
  tables: Count,
  pages: Count.optional(),
});
export type AnalysisExportJobResult = z.infer<typeof AnalysisExportJobResultSchema>;

export const analysisContract = {
  /** Start analysing the current submissions of the open workspace, with these filters, in the UI language. */
  startAnalysis: { channel: 'analysis:start', input: z.tuple([AnalysisFiltersSchema]), output: JobStartedSchema },
  /** The answers of one item of the analysis `viewId` (at most `limit`). Refused with `analysis:errors.stale` once another analysis replaced it. */
  analysisAnswers: {
    channel: 'analysis:answers',
    input: z.tuple([z.uuid(), z.string().min(1).max(64), z.number().int().min(1).max(5000)]),
    output: ItemAnswersSchema,
  },
  /** Start writing an export of the open workspace's analysis. */
  exportAnalysis: { channel: 'analysis:export', input: z.tuple([AnalysisExportRequestSchema]), output: JobStartedSchema },
  /** A one-use download of a finished export. */
  downloadAnalysisExport: { channel: 'analysis:download', input: z.tuple([z.uuid()]), output: DownloadTicketSchema },
} as const satisfies Record<string, MethodSpec>;
