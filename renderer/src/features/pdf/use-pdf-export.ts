import { useCallback } from 'react';
import type { ApiError, PdfOptions } from '../../../../core/api/contract';
import { useJob } from '../../ui/use-job';
import { downloadPdf } from './pdf-download';

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
 * One assessment's PDF export: a `pdf` job of the core, its bytes offered as a download once taken.
 * `beforeStart` lets the screen flush unsaved typing so the report shows it.
 */
export function usePdfExport(assessmentId: string, beforeStart?: () => Promise<unknown>): PdfExport {
  const job = useJob('pdf', downloadPdf, { showRefusal: true });
  const { run } = job;
  const start = useCallback(
    async (options: PdfOptions) => {
      await run(async (api) => {
        await beforeStart?.();
        return api.exportPdf(assessmentId, options);
      });
    },
    [run, assessmentId, beforeStart],
  );
  const { state } = job;
  const view: PdfExportState =
    state.kind === 'done' ? { kind: 'done', fileName: state.result.fileName, pages: state.result.pages, warnings: state.result.warnings } : state;
  return {
    state: view,
    start,
    dismiss: job.dismiss,
  };
}
