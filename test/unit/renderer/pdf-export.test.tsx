// @vitest-environment happy-dom
// "Export PDF" in the assessment header: start a job, show its progress, download the report once done.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { ApiResult, JobStatus } from '../../../core/api/contract';
import esReport from '../../../locales/es/report.json';
import { createFakeWorkflow, type FakeWorkflow } from './fake-workflow';
import { openForm, resetWorkflowPage } from './workflow-helpers';
import { catchDownloads } from './catch-downloads';

const JOB = '0b7e4a52-9d1c-4f4e-8a57-3d2f1c6b9e10';
const PDF_TEXT = '%PDF-1.7\nfake report\n%%EOF\n';

afterEach(() => {
  resetWorkflowPage();
  vi.restoreAllMocks();
});

/** A PDF job the test moves along: running at `progress` until `finish` or `fail` is called. */
function controlledJob(wf: FakeWorkflow) {
  let status: JobStatus = { kind: 'pdf', state: 'running', progress: 0.4 };
  let warnings: string[] = [];
  wf.api.exportPdf.mockImplementation(async () => ({ ok: true, value: { jobId: JOB } }));
  wf.api.getJob.mockImplementation(async () => ({ ok: true, value: status }));
  wf.api.takeJobResult.mockImplementation(async () => ({
    ok: true,
    value: { kind: 'pdf', fileName: 'FRA_safer-cities-sample_r1_2026-11-20.pdf', base64: btoa(PDF_TEXT), pages: 12, warnings },
  }));
  return {
    finish: (w: string[] = []) => {
      warnings = w;
      status = { kind: 'pdf', state: 'done', progress: 1 };
    },
    fail: (code: string) => (status = { kind: 'pdf', state: 'failed', progress: 0.4, error: { code } }),
  };
}

const liveRegion = () => document.querySelector('.pdf-export [role="status"]')?.textContent ?? '';

describe('PDF export from the assessment screen', () => {
  it('shows the progress while the report is made, then downloads it under the core’s name as a PDF', async () => {
    const wf = createFakeWorkflow();
    const id = wf.seed({ 'A.1': 'An answer' });
    const job = controlledJob(wf);
    const downloads = catchDownloads('blob:report');
    await openForm(wf, id);

    const button = screen.getByRole('button', { name: 'Export PDF' });
    fireEvent.click(button);
    const progress = (await screen.findByLabelText('Preparing the PDF report')) as HTMLProgressElement;
    await waitFor(() => expect(progress.value).toBe(0.4));
    expect(screen.getByText('40%')).toBeTruthy();
    expect(liveRegion()).toBe('Preparing the PDF report…');
    // A second export cannot start while this one runs.
    expect(button.getAttribute('aria-disabled')).toBe('true');
    button.focus();
    fireEvent.click(button);
    expect(document.activeElement).toBe(button);
    expect(wf.api.exportPdf).toHaveBeenCalledTimes(1);
    expect(wf.api.exportPdf).toHaveBeenCalledWith(id, { paper: 'a4' });

    job.finish();
    await waitFor(() => expect(downloads.clicked).toHaveLength(1));
    expect(downloads.clicked[0]?.download).toBe('FRA_safer-cities-sample_r1_2026-11-20.pdf');
    expect(downloads.clicked[0]?.getAttribute('href')).toBe('blob:report');
    const [blob] = downloads.blobs;
    expect(blob?.type).toBe('application/pdf');
    expect(await blob?.text()).toBe(PDF_TEXT);
    expect(wf.api.takeJobResult).toHaveBeenCalledWith(JOB);
    await waitFor(() => expect(liveRegion()).toBe('The PDF report is ready: FRA_safer-cities-sample_r1_2026-11-20.pdf'));
    expect(screen.queryByLabelText('Preparing the PDF report')).toBeNull();
    expect(button.getAttribute('aria-disabled')).toBe('false');
  });

  it('asks for US Letter when chosen and lists the warnings of the finished report', async () => {
    const wf = createFakeWorkflow();
    const id = wf.seed();
    const job = controlledJob(wf);
    job.finish(['Warning: 1 characters have no glyph in the bundled fonts and are shown as a replacement mark: U+1F600']);
    catchDownloads('blob:report');
    await openForm(wf, id);
    fireEvent.change(screen.getByLabelText('Paper size for the PDF'), { target: { value: 'letter' } });
    fireEvent.click(screen.getByRole('button', { name: 'Export PDF' }));
    expect(await screen.findByText('Points to check in the report:')).toBeTruthy();
    expect(document.querySelector('.pdf-export__warnings li')?.textContent).toMatch(/no glyph .* U\+1F600/);
    expect(wf.api.exportPdf).toHaveBeenCalledWith(id, { paper: 'letter' });
  });

  it('says in the interface language why the report could not be made, and allows another try', async () => {
    const wf = createFakeWorkflow();
    const id = wf.seed();
    const job = controlledJob(wf);
    const downloads = catchDownloads('blob:report');
    await openForm(wf, id, 'es');
    const button = screen.getByRole('button', { name: 'Exportar PDF' });
    fireEvent.click(button);
    await screen.findByLabelText('Preparando el informe PDF');
    job.fail('report:errors.renderFailed');
    expect(await screen.findByText(esReport.errors.renderFailed)).toBeTruthy();
    expect(liveRegion()).toBe('No se pudo exportar el informe PDF.');
    expect(downloads.clicked).toHaveLength(0);
    expect(button.getAttribute('aria-disabled')).toBe('false');
  });

  it('shows a refused start translated, and an unknown code as the general failure', async () => {
    const wf = createFakeWorkflow();
    const id = wf.seed();
    const refusals: ApiResult<{ jobId: string }>[] = [
      { ok: false, error: { code: 'errors.tooManyJobs', params: { max: 8 } } },
      { ok: false, error: { code: 'report:errors.notAKnownCode' } },
    ];
    wf.api.exportPdf.mockImplementation(async () => refusals.shift()!);
    await openForm(wf, id);
    const button = screen.getByRole('button', { name: 'Export PDF' });
    fireEvent.click(button);
    expect(await screen.findByText(/Too many tasks are under way \(at most 8\)/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    fireEvent.click(button);
    expect(await screen.findByText(/An unexpected problem occurred/)).toBeTruthy();
    expect(screen.queryByText(/notAKnownCode/)).toBeNull();
    expect(wf.api.getJob).not.toHaveBeenCalled();
  });
});
