/**
 * The one job system for long work with progress (PDF reports, bundle exports and checks, and the
 * review copies, imports and reports to come). Starting answers at once with a job id; the renderer
 * polls `getJob` for progress, takes the result once with `takeJobResult`, and may `cancelJob`.
 * Jobs of one lane run one after another (two exports never take the same submission revision);
 * at most `maxRunning` run at once; a finished job is kept `ttlMs` for its result to be collected,
 * and at most `maxJobs` are kept at all.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../errors';
import { createLogger } from '../log';
import type { ErrorInfo as ApiError } from '../errors';

const log = createLogger('jobs');

export const MAX_JOBS = 16;
export const MAX_RUNNING_JOBS = 2;
export const JOB_RESULT_TTL_MS = 10 * 60 * 1000;

export type JobState = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

/** What the work of a job is given: report progress 0..1 (throws once the job is cancelled), and a signal. */
export interface JobContext {
  progress(fraction: number): void;
  signal: AbortSignal;
}

export interface JobSpec<R> {
  /** What the job is (`pdf`, `export`, `check`…): the renderer tells results apart by it. */
  kind: string;
  /** Jobs of the same lane run one at a time, in order. */
  lane?: string;
  work(ctx: JobContext): Promise<R>;
  /** Runs once the job is over, however it ended (a temp copy can go). */
  onSettled?: () => void;
}

export interface JobStatus {
  kind: string;
  state: JobState;
  progress: number;
  error?: ApiError;
}

interface Job {
  kind: string;
  state: JobState | 'taken';
  progress: number;
  result?: unknown;
  error?: ApiError;
  controller: AbortController;
  timer?: NodeJS.Timeout;
  begin?: () => void;
}

export interface JobQueueOptions {
  maxJobs?: number;
  maxRunning?: number;
  ttlMs?: number;
}

const cancelled = () => new AppError('errors.jobCancelled');

export class JobQueue {
  private readonly jobs = new Map<string, Job>();
  private readonly lanes = new Map<string, Promise<void>>();
  private readonly waiting: Job[] = [];
  private running = 0;
  private readonly maxJobs: number;
  private readonly maxRunning: number;
  private readonly ttlMs: number;

  constructor(options: JobQueueOptions = {}) {
    this.maxJobs = options.maxJobs ?? MAX_JOBS;
    this.maxRunning = options.maxRunning ?? MAX_RUNNING_JOBS;
    this.ttlMs = options.ttlMs ?? JOB_RESULT_TTL_MS;
  }

  /** Queue `spec`; its id comes back at once. Refused (`errors.tooManyJobs`) when every slot holds a job not yet finished. */
  start<R>(spec: JobSpec<R>): { jobId: string } {
    try {
      this.makeRoom();
    } catch (err) {
      spec.onSettled?.();
      throw err;
    }
    const jobId = randomUUID();
    const job: Job = { kind: spec.kind, state: 'queued', progress: 0, controller: new AbortController() };
    this.jobs.set(jobId, job);
    const lane = spec.lane ?? jobId;
    const before = this.lanes.get(lane) ?? Promise.resolve();
    const done = before.then(() => this.run(jobId, job, spec));
    const tail = done.catch((err: unknown) => log.error('job chain', err));
    this.lanes.set(lane, tail);
    void tail.then(() => {
      if (this.lanes.get(lane) === tail) this.lanes.delete(lane);
    });
    return { jobId };
  }

  status(jobId: string): JobStatus {
    const job = this.find(jobId);
    return { kind: job.kind, state: job.state as JobState, progress: job.progress, ...(job.error ? { error: job.error } : {}) };
  }

  /** The finished job's result, once; a failed job throws its error, a cancelled one `errors.jobCancelled`. */
  take(jobId: string): { kind: string; result: unknown } {
    const job = this.find(jobId);
    if (job.state === 'queued' || job.state === 'running') throw new AppError('errors.jobNotDone');
    if (job.state === 'cancelled') throw cancelled();
    if (job.state === 'failed') throw new AppError(job.error?.code ?? 'errors.unexpected', job.error?.params);
    const { result } = job;
    // A marker stays until the job would have expired, so a second take says "already taken".
    job.state = 'taken';
    delete job.result;
    return { kind: job.kind, result };
  }

  /** Stop a job: a queued one never starts, a running one stops at its next progress report. Finished jobs are left as they are. */
  cancel(jobId: string): JobStatus {
    const job = this.find(jobId);
    if (job.state === 'queued' || job.state === 'running') {
      job.controller.abort();
      if (job.state === 'queued') this.finish(jobId, job, { state: 'cancelled' });
    }
    return this.status(jobId);
  }

  /** Forget every job (on quit); work under way stops at its next progress report. */
  dispose(): void {
    for (const job of this.jobs.values()) {
      clearTimeout(job.timer);
      job.controller.abort();
    }
    this.jobs.clear();
  }

  private find(jobId: string): Job {
    const job = this.jobs.get(jobId);
    if (!job) throw new AppError('errors.jobNotFound');
    if (job.state === 'taken') throw new AppError('errors.resultTaken');
    return job;
  }

  private async run(jobId: string, job: Job, spec: JobSpec<unknown>): Promise<void> {
    try {
      if (job.state !== 'queued' || this.jobs.get(jobId) !== job) return;
      const acquired = await this.slot(job);
      if (!acquired || job.controller.signal.aborted) {
        if (acquired) {
          this.running -= 1;
          this.next();
        }
        this.finish(jobId, job, { state: 'cancelled' });
        return;
      }
      job.state = 'running';
      const ctx: JobContext = {
        signal: job.controller.signal,
        progress: (fraction) => {
          if (job.controller.signal.aborted) throw cancelled();
          if (Number.isFinite(fraction)) job.progress = Math.min(1, Math.max(job.progress, fraction));
        },
      };
      try {
        const result = await spec.work(ctx);
        if (job.controller.signal.aborted) this.finish(jobId, job, { state: 'cancelled' });
        else this.finish(jobId, job, { state: 'done', progress: 1, result });
      } catch (err) {
        if (job.controller.signal.aborted) this.finish(jobId, job, { state: 'cancelled' });
        else {
          if (!(err instanceof AppError)) log.error(`${spec.kind} job failed`, err);
          this.finish(jobId, job, { state: 'failed', error: err instanceof AppError ? err.toApiError() : { code: 'errors.unexpected' } });
        }
      } finally {
        this.running -= 1;
        this.next();
      }
    } finally {
      try {
        spec.onSettled?.();
      } catch (err) {
        log.error('job clean-up failed', err);
      }
    }
  }

  /** Wait for a free running slot (a cancelled waiter leaves the line). */
  private slot(job: Job): Promise<boolean> {
    if (this.running < this.maxRunning) {
      this.running += 1;
      return Promise.resolve(true);
    }
    return new Promise<boolean>((resolve) => {
      job.begin = () => {
        this.running += 1;
        resolve(true);
      };
      this.waiting.push(job);
      job.controller.signal.addEventListener('abort', () => {
        const at = this.waiting.indexOf(job);
        if (at >= 0) {
          this.waiting.splice(at, 1);
          resolve(false);
        }
      });
    });
  }

  private next(): void {
    while (this.running < this.maxRunning) {
      const job = this.waiting.shift();
      if (!job) return;
      job.begin?.();
    }
  }

  private finish(jobId: string, job: Job, outcome: Partial<Job> & { state: JobState }): void {
    if (job.state !== 'queued' && job.state !== 'running') return;
    Object.assign(job, outcome);
    job.timer = setTimeout(() => {
      if (this.jobs.get(jobId) === job) this.jobs.delete(jobId);
    }, this.ttlMs);
    job.timer.unref?.();
  }

  /** Drop the oldest finished job when full; refuse when every slot holds a job still to finish. */
  private makeRoom(): void {
    if (this.jobs.size < this.maxJobs) return;
    for (const [id, job] of this.jobs) {
      if (job.state !== 'queued' && job.state !== 'running') {
        clearTimeout(job.timer);
        this.jobs.delete(id);
        return;
      }
    }
    throw new AppError('errors.tooManyJobs', { max: this.maxJobs });
  }
}
