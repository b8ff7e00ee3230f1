import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError, ApiResult, JobResult, JobStarted, RendererApi } from '../../../core/api/contract';
import { useApi } from '../api/api-context';
import { createLogger } from '../log';

const log = createLogger('job');

/** How often a running job is asked for its progress. */
export const JOB_POLL_MS = 200;

export type JobKind = JobResult['kind'];
export type ResultOf<K extends JobKind> = Extract<JobResult, { kind: K }>;

export type JobView<K extends JobKind> =
  | { kind: 'idle' }
  | { kind: 'running'; progress: number }
  | { kind: 'done'; result: ResultOf<K> }
  | { kind: 'failed'; error: ApiError };

/**
 * The one way the renderer follows a job of the core's job system: `run` takes the call that starts
 * it, polls `getJob` until it ends, takes the result once with `takeJobResult` and hands it to
 * `onDone` (which may start a download). A refusal to start is shown as the job's failure
 * (`showRefusal`) or returned to the caller, who decides how to show it. Leaving the screen stops the polling; the core drops an unclaimed result on its own.
 */
export function useJob<K extends JobKind>(kind: K, onDone?: (result: ResultOf<K>) => void, options: { showRefusal?: boolean } = {}) {
  const showRefusal = options.showRefusal ?? false;
  const api = useApi();
  const [state, setState] = useState<JobView<K>>({ kind: 'idle' });
  const alive = useRef(true);
  const current = useRef<string | null>(null);
  const running = useRef(false);

  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  const run = useCallback(
    async (start: (api: RendererApi) => Promise<ApiResult<JobStarted>>): Promise<ApiError | null> => {
      if (running.current) return null;
      running.current = true;
      const update = (next: JobView<K>) => {
        if (alive.current) setState(next);
      };
      try {
        update({ kind: 'running', progress: 0 });
        const started = await start(api);
        if (!started.ok) {
          // Shown as the job's failure, or handed back for the caller to show (e.g. the completeness list).
          update(showRefusal ? { kind: 'failed', error: started.error } : { kind: 'idle' });
          return showRefusal ? null : started.error;
        }
        const { jobId } = started.value;
        current.current = jobId;
        for (;;) {
          await new Promise((resolve) => setTimeout(resolve, JOB_POLL_MS));
          if (!alive.current) return null;
          const status = await api.getJob(jobId);
          if (!status.ok) {
            update({ kind: 'failed', error: status.error });
            return null;
          }
          const job = status.value;
          if (job.state === 'queued' || job.state === 'running') {
            update({ kind: 'running', progress: job.progress });
            continue;
          }
          if (job.state === 'cancelled') {
            update({ kind: 'idle' });
            return null;
          }
          if (job.state === 'failed') {
            update({ kind: 'failed', error: job.error ?? { code: 'errors.unexpected' } });
            return null;
          }
          const taken = await api.takeJobResult(jobId);
          if (!taken.ok) {
            update({ kind: 'failed', error: taken.error });
            return null;
          }
          if (taken.value.kind !== kind) {
            log.error(`job ${jobId} answered a ${taken.value.kind} result, not ${kind}`);
            update({ kind: 'failed', error: { code: 'errors.unexpected' } });
            return null;
          }
          const result = taken.value as ResultOf<K>;
          update({ kind: 'done', result });
          onDone?.(result);
          return null;
        }
      } catch (err) {
        // A transport that throws instead of answering with an envelope: say so, never show the error itself.
        log.error(`${kind} job failed`, err);
        update({ kind: 'failed', error: { code: 'errors.unexpected' } });
        return null;
      } finally {
        current.current = null;
        running.current = false;
      }
    },
    [api, kind, onDone, showRefusal],
  );

  /** Stop the job under way, if any (the polling then sees it cancelled). */
  const cancel = useCallback(async () => {
    const jobId = current.current;
    if (jobId) await api.cancelJob(jobId);
  }, [api]);

  /** Put away the outcome of the last job (not a running one). */
  const dismiss = useCallback(() => {
    if (!running.current) setState({ kind: 'idle' });
  }, []);

  return { state, run, cancel, dismiss };
}
