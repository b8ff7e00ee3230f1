import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError, ApiResult, BundleJobStarted, BundleJobStatus, RendererApi } from '../../../../core/api/contract';
import { useApi } from '../../api/api-context';
import { createLogger } from '../../log';

const log = createLogger('bundle-job');

/** How often a running export or check is asked for its progress. */
export const BUNDLE_POLL_MS = 250;

export type BundleJobState =
  | { kind: 'idle' }
  | { kind: 'running'; progress: number }
  | { kind: 'done'; status: BundleJobStatus }
  | { kind: 'failed'; error: ApiError };

/**
 * One export or check at a time: `run` takes the call that starts the job, polls `getBundleJob` until
 * it ends and hands the finished status to `onDone` (which may start a download). Leaving the screen
 * stops the polling; the core drops the finished job on its own.
 */
export function useBundleJob(onDone?: (status: BundleJobStatus) => void) {
  const api = useApi();
  const [state, setState] = useState<BundleJobState>({ kind: 'idle' });
  const alive = useRef(true);
  const running = useRef(false);

  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  const run = useCallback(
    async (start: (api: RendererApi) => Promise<ApiResult<BundleJobStarted>>): Promise<ApiError | null> => {
      if (running.current) return null;
      running.current = true;
      const update = (next: BundleJobState) => {
        if (alive.current) setState(next);
      };
      try {
        update({ kind: 'running', progress: 0 });
        const started = await start(api);
        if (!started.ok) {
          // The caller decides how to show a refusal (e.g. the completeness list).
          update({ kind: 'idle' });
          return started.error;
        }
        for (;;) {
          await new Promise((resolve) => setTimeout(resolve, BUNDLE_POLL_MS));
          if (!alive.current) return null;
          const status = await api.getBundleJob(started.value.jobId);
          if (status.ok && status.value.state === 'running') {
            update({ kind: 'running', progress: status.value.progress });
            continue;
          }
          if (!status.ok || status.value.state === 'failed') {
            update({ kind: 'failed', error: status.ok ? (status.value.error ?? { code: 'errors.unexpected' }) : status.error });
          } else {
            update({ kind: 'done', status: status.value });
            onDone?.(status.value);
          }
          return null;
        }
      } catch (err) {
        // A transport that throws instead of answering with an envelope: say so, never show the error itself.
        log.error('bundle job failed', err);
        update({ kind: 'failed', error: { code: 'errors.unexpected' } });
        return null;
      } finally {
        running.current = false;
      }
    },
    [api, onDone],
  );

  return { state, run };
}
