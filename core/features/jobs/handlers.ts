import type { JobQueue } from '../../jobs/job-queue';

/** `getJob`, `takeJobResult` and `cancelJob` over the one job queue; a result is `{kind, ...what the work answered}`. */
export function createJobHandlers(jobs: JobQueue) {
  return {
    async getJob(jobId: string) {
      return jobs.status(jobId);
    },
    async takeJobResult(jobId: string) {
      const { kind, result } = jobs.take(jobId);
      return { kind, ...(result as object) };
    },
    async cancelJob(jobId: string) {
      return jobs.cancel(jobId);
    },
  };
}
