/** The PDF report of an assessment, rendered as a job (core/jobs) and taken once as a download. */
import { z } from 'zod';
import type { MethodSpec } from '../../api/common';
import { AssessmentIdSchema } from '../../draft/schema';
import { JobStartedSchema } from '../jobs/contract';

/** Paper size of an exported PDF report. */
export const PdfOptionsSchema = z.object({ paper: z.enum(['a4', 'letter']) }).strict();
export type PdfOptions = z.infer<typeof PdfOptionsSchema>;

/** The finished PDF, once: `<ISO3>_<checklist-id>_r<revision>_<YYYY-MM-DD>.pdf`, its bytes in base64, pages and warnings (sentences in the UI language). */
export const PdfJobResultSchema = z.object({
  kind: z.literal('pdf'),
  fileName: z.string().min(1).max(255),
  base64: z.string(),
  pages: z.number().int().positive(),
  warnings: z.array(z.string()),
});
export type PdfJobResult = z.infer<typeof PdfJobResultSchema>;

export const pdfContract = {
  /** Start rendering the assessment's PDF report (marked as a draft) as a job; poll getJob, then takeJobResult. */
  exportPdf: { channel: 'pdf:export', input: z.tuple([AssessmentIdSchema, PdfOptionsSchema]), output: JobStartedSchema },
} as const satisfies Record<string, MethodSpec>;
