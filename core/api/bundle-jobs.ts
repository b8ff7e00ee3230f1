/**
 * Bundle exports and checks as background jobs, like the PDF jobs: the starting call answers with a
 * job id at once, the renderer polls `getBundleJob` for progress (0..1) and the outcome. A bundle
 * with gigabytes of attachments takes a while; the bytes themselves never cross the API. A finished
 * job is kept ten minutes for the renderer to collect, then dropped.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../errors';
import { createLogger } from '../log';
import type { ApiError, BundleCheck, BundleJobStatus, SubmissionFile } from './contract';

const log = createLogger('bundle-jobs');

export const MAX_BUNDLE_JOBS = 16;
export const BUNDLE_RESULT_TTL_MS = 10 * 60 * 1000;

export type BundleJobKind = BundleJobStatus['kind'];
type Outcome = { submission: SubmissionFile } | { check: BundleCheck };
/** The work of a job: told to report progress 0..1, answers with the job's outcome. */
export type BundleWork = (progress: (fraction: number) => void) => Promise<Outcome>;

interface Job {
  status: BundleJobStatus;
  timer?: NodeJS.Timeout;
}

export class BundleJobs {
  private readonly jobs = new Map<string, Job>();

  constructor(private readonly options: { maxJobs?: number; ttlMs?: number } = {}) {}

  /** Start `work` now (the caller orders exports among themselves); the job id comes back at once. */
  start(kind: BundleJobKind, work: BundleWork, onSettled?: () => void): { jobId: string } {
    this.makeRoom();
    const jobId = randomUUID();
    const job: Job = { status: { kind, state: 'running', progress: 0 } };
    this.jobs.set(jobId, job);
    const progress = (fraction: number) => {
      if (job.status.state === 'running' && Number.isFinite(fraction)) job.status.progress = Math.min(1, Math.max(job.status.progress, fraction));
    };
    void work(progress)
      .then((outcome) => {
        job.status = { kind, state: 'done', progress: 1, ...outcome };
      })
      .catch((err: unknown) => {
        const error: ApiError = err instanceof AppError ? err.toApiError() : { code: 'errors.unexpected' };
        if (!(err instanceof AppError)) log.error(`${kind} job failed`, err);
        job.status = { kind, state: 'failed', progress: job.status.progress, error };
      })
      .finally(() => {
        try {
          onSettled?.();
        } catch (err) {
          log.error('job clean-up failed', err);
        }
        job.timer = setTimeout(() => {
          if (this.jobs.get(jobId) === job) this.jobs.delete(jobId);
        }, this.options.ttlMs ?? BUNDLE_RESULT_TTL_MS);
        job.timer.unref?.();
      });
    return { jobId };
  }

  status(jobId: string): BundleJobStatus {
    const job = this.jobs.get(jobId);
    if (!job) throw new AppError('bundle:errors.jobNotFound');
    return { ...job.status };
  }

  /** Forget every job (on quit); work under way finishes into nothing. */
  dispose(): void {
    for (const job of this.jobs.values()) clearTimeout(job.timer);
    this.jobs.clear();
  }

  /** Drop the oldest finished job when full; refuse when every slot holds a job still running. */
  private makeRoom(): void {
    const max = this.options.maxJobs ?? MAX_BUNDLE_JOBS;
    if (this.jobs.size < max) return;
    for (const [id, job] of this.jobs) {
      if (job.status.state !== 'running') {
        clearTimeout(job.timer);
        this.jobs.delete(id);
        return;
      }
    }
    throw new AppError('bundle:errors.tooManyJobs', { max });
  }
}
