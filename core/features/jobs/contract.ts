/**
 * The one contract pair of the job system (core/jobs): how a job stands, its result taken once, and
 * cancel. Each feature starts its own jobs (`exportPdf`, `exportSubmission`, `checkBundleFile`…)
 * and declares the shape of its result with a `kind`; the merged contract unites those shapes.
 */
import { z } from 'zod';
import { ApiErrorSchema, type MethodSpec } from '../../api/common';

export const JobIdSchema = z.uuid();
export const JobStartedSchema = z.object({ jobId: JobIdSchema });
export type JobStarted = z.infer<typeof JobStartedSchema>;

/** A job under way or over: progress 0..1; on failure the reason. */
export const JobStatusSchema = z.object({
  kind: z.string(),
  state: z.enum(['queued', 'running', 'done', 'failed', 'cancelled']),
  progress: z.number().min(0).max(1),
  error: ApiErrorSchema.optional(),
});
export type JobStatus = z.infer<typeof JobStatusSchema>;

/** The jobs slice, over the union of every feature's result shape. */
export function jobsContract<R extends z.ZodType>(results: R) {
  return {
    getJob: { channel: 'jobs:status', input: z.tuple([JobIdSchema]), output: JobStatusSchema },
    /** The finished job's result; the job is forgotten once taken (a second take fails with `errors.resultTaken`). */
    takeJobResult: { channel: 'jobs:result', input: z.tuple([JobIdSchema]), output: results },
    /** Stop a queued or running job; a finished one is left as it is. */
    cancelJob: { channel: 'jobs:cancel', input: z.tuple([JobIdSchema]), output: JobStatusSchema },
  } as const satisfies Record<string, MethodSpec>;
}
