import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError, PdfOptions } from '../../../../core/api/contract';
import { useApi } from '../../api/api-context';
import { createLogger } from '../../log';
import { downloadPdf } from './pdf-download';

const log = createLogger('pdf-export');

/** How often a running export is asked for its progress. */
export const PDF_POLL_MS = 200;

export type PdfExportState =
  | { kind: 'idle' }
  | { kind: 'running'; progress: number }
  | { kind: 'done'; fileName: string; pages: number | null; warnings: string[] }
  | { kind: 'failed'; error: ApiError };

export interface PdfExport {
  state: PdfExportState;
  /** Start an export; ignored while one is running. */
  start(options: PdfOptions): Promise<void>;
  /** Put away the outcome of the last export (not a running one). */
  dismiss(): void;
}

/**
 * One assessment's PDF export: start the job, poll it until it ends, take the bytes and offer them
 * as a download. `beforeStart` lets the screen flush unsaved typing so the report shows it.
 */
export function usePdfExport(assessmentId: string, beforeStart?: () => Promise<unknown>): PdfExport {
  const api = useApi();
  const [state, setState] = useState<PdfExportState>({ kind: 'idle' });
  const running = useRef(false);
  const alive = useRef(true);

  useEffect(() => {
    alive.current = true;
    return () => {
      // Leaving the screen stops the polling; the core drops the unclaimed result on its own.
      alive.current = false;
    };
  }, []);

  const start = useCallback(
    async (options: PdfOptions) => {
      if (running.current) return;
      running.current = true;
      const update = (next: PdfExportState) => {
        if (alive.current) setState(next);
      };
      try {
        update({ kind: 'running', progress: 0 });
        await beforeStart?.();
        const started = await api.exportPdf(assessmentId, options);
        if (!started.ok) return update({ kind: 'failed', error: started.error });
        const { jobId } = started.value;
        for (;;) {
          await new Promise((resolve) => setTimeout(resolve, PDF_POLL_MS));
          if (!alive.current) return;
          const status = await api.getPdfJob(jobId);
          if (!status.ok) return update({ kind: 'failed', error: status.error });
          const job = status.value;
          if (job.state === 'failed') return update({ kind: 'failed', error: job.error ?? { code: 'report:errors.renderFailed' } });
          if (job.state === 'running') {
            update({ kind: 'running', progress: job.progress });
            continue;
          }
          const result = await api.takePdfResult(jobId);
          if (!result.ok) return update({ kind: 'failed', error: result.error });
          downloadPdf(result.value);
          return update({ kind: 'done', fileName: result.value.fileName, pages: job.pages ?? null, warnings: job.warnings ?? [] });
        }
      } catch (err) {
        // A transport that throws instead of answering with an envelope: say so, never show the error itself.
        log.error('pdf export failed', err);
        update({ kind: 'failed', error: { code: 'errors.unexpected' } });
      } finally {
        running.current = false;
      }
    },
    [api, assessmentId, beforeStart],
  );

  const dismiss = useCallback(() => {
    if (!running.current) setState({ kind: 'idle' });
  }, []);

  return { state, start, dismiss };
}
