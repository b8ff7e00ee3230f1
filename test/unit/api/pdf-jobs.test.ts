// PDF export through the API: a background job per export, polled for progress, taken once.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPdfHandlers, type PdfOptions } from '../../../core/features/pdf/handlers';
import { createJobHandlers } from '../../../core/features/jobs/handlers';
import { JobQueue, type JobQueueOptions } from '../../../core/jobs/job-queue';
import { loadExample } from '../../../core/checklist/examples';
import type { Draft } from '../../../core/draft/schema';
import { setLogSink } from '../../../core/log';
import type { RenderedReport } from '../../../core/pdf/report';
import { EVERY_TYPE, META, SAMPLE, makeCore, tempDir, type TestCore } from './harness';
import { pageCount, qpdfCheck } from '../pdf/pdf-tools';

interface Opened {
  draft: Draft;
}
interface JobStatus {
  state: 'queued' | 'running' | 'done' | 'failed';
  progress: number;
  pages?: number;
  warnings?: string[];
  error?: { code: string };
}

let dir: string;
let core: TestCore;
beforeAll(async () => {
  setLogSink(null);
  dir = await tempDir('pdf-jobs');
  core = makeCore(dir);
});
afterAll(async () => {
  await core.service.dispose();
  await fs.rm(dir, { recursive: true, force: true });
  setLogSink((line) => process.stderr.write(line + '\n'));
});

async function until(check: () => Promise<boolean>): Promise<void> {
  while (!(await check())) await new Promise((resolve) => setTimeout(resolve, 20));
}

describe('exportPdf, getJob, takeJobResult', () => {
  it('renders an assessment in the background and hands the PDF over once', async () => {
    const { draft } = await core.ok<Opened>('createAssessment', { ...META, responseLanguage: 'fr' }, SAMPLE);
    // Export clicked while the last answers are still being saved: the report waits for them.
    const saving = core.ok<{ revision: number }>('saveAnswers', draft.id, EVERY_TYPE);
    const { jobId } = await core.ok<{ jobId: string }>('exportPdf', draft.id, { paper: 'letter' });
    const { revision } = await saving;
    expect(revision).toBeGreaterThan(draft.revision);
    const seen: number[] = [];
    let status: JobStatus = { state: 'running', progress: 0 };
    await until(async () => {
      status = await core.ok<JobStatus>('getJob', jobId);
      seen.push(status.progress);
      return status.state !== 'running' && status.state !== 'queued';
    });
    expect(status).toMatchObject({ kind: 'pdf', state: 'done', progress: 1 });
    expect(seen.every((p, i) => p >= 0 && p <= 1 && (i === 0 || p >= (seen[i - 1] ?? 0)))).toBe(true);

    const result = await core.ok<{ kind: string; fileName: string; base64: string; pages: number; warnings: string[] }>('takeJobResult', jobId);
    expect(result).toMatchObject({ kind: 'pdf', warnings: [] });
    const today = new Date().toISOString().slice(0, 10);
    expect(result.fileName).toBe(`FRA_safer-cities-sample_r${revision}_${today}.pdf`);
    const bytes = Buffer.from(result.base64, 'base64');
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const file = path.join(dir, result.fileName);
    await fs.writeFile(file, bytes);
    expect(qpdfCheck(file).status).toBe(0);
    expect(pageCount(file)).toBe(result.pages);

    const again = await core.call('takeJobResult', jobId);
    expect(again).toEqual({ ok: false, error: { code: 'errors.resultTaken' } });
  }, 120_000);

  it('names unknown and malformed jobs and unknown assessments with clear codes', async () => {
    expect(await core.call('getJob', randomUUID())).toEqual({ ok: false, error: { code: 'errors.jobNotFound' } });
    expect(await core.call('takeJobResult', randomUUID())).toEqual({ ok: false, error: { code: 'errors.jobNotFound' } });
    expect(await core.call('getJob', '../../etc/passwd')).toEqual({ ok: false, error: { code: 'errors.badRequest' } });
    expect(await core.call('exportPdf', 'no-such-assessment', { paper: 'a4' })).toEqual({ ok: false, error: { code: 'drafts:errors.notFound' } });
    expect(await core.call('exportPdf', 'no-such-assessment', { paper: 'a5' })).toEqual({ ok: false, error: { code: 'errors.badRequest' } });
  });
});

/** A render that waits until the test lets it finish, reporting half-way progress first. */
function controlledRender() {
  const calls: { finish: (r: RenderedReport | Error) => void }[] = [];
  const render = (_model: unknown, onProgress: (done: number, total: number) => void) =>
    new Promise<RenderedReport>((resolve, reject) => {
      onProgress(1, 2);
      calls.push({ finish: (r) => (r instanceof Error ? reject(r) : resolve(r)) });
    });
  return { calls, render };
}

const FAKE_PDF: RenderedReport = { bytes: Buffer.from('%PDF-1.7 fake'), pages: 2, warnings: [{ code: 'truncated', itemId: 'A.7', omitted: 5000 }] };

describe('PDF jobs on the job queue', () => {
  const example = loadExample('en');
  const options = (render: ReturnType<typeof controlledRender>['render'], extra: Partial<PdfOptions> = {}, queue: JobQueueOptions = {}) => {
    const jobs = new JobQueue(queue);
    const pdf = createPdfHandlers({ jobs, readDraft: async () => example, uiLanguage: async () => 'es', render, ...extra });
    const taken = createJobHandlers(jobs);
    return {
      start: (id: string, o: { paper: 'a4' | 'letter' }) => pdf.exportPdf(id, o),
      status: (id: string) => jobs.status(id),
      take: (id: string) => jobs.take(id),
      takeResult: (id: string) => taken.takeJobResult(id),
      dispose: () => jobs.dispose(),
    };
  };
  const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

  it('runs one job at a time, reports progress and words warnings in the interface language', async () => {
    const { calls, render } = controlledRender();
    const jobs = options(render, { now: () => new Date('2026-05-02T09:00:00Z') });
    const first = await jobs.start(example.id, { paper: 'a4' });
    const second = await jobs.start(example.id, { paper: 'a4' });
    await flush();
    expect(calls).toHaveLength(1);
    expect(jobs.status(first.jobId)).toEqual({ kind: 'pdf', state: 'running', progress: 0.5 });
    expect(jobs.status(second.jobId)).toEqual({ kind: 'pdf', state: 'queued', progress: 0 });
    expect(() => jobs.take(first.jobId)).toThrow(expect.objectContaining({ code: 'errors.jobNotDone' }));
    calls[0]?.finish(FAKE_PDF);
    await flush();
    expect(calls).toHaveLength(2);
    expect(jobs.status(first.jobId)).toMatchObject({ state: 'done', progress: 1 });
    const done = await jobs.takeResult(first.jobId);
    expect(done).toMatchObject({ kind: 'pdf', pages: 2, fileName: 'XXX_safer-cities-sacl_r1_2026-05-02.pdf', base64: FAKE_PDF.bytes.toString('base64') });
    const warnings = (done as unknown as { warnings: string[] }).warnings;
    expect(warnings[0]).toContain('A.7');
    expect(warnings[0]).toMatch(/Advertencia/);
    calls[1]?.finish(new Error('boom'));
    await flush();
    expect(jobs.status(second.jobId)).toMatchObject({ state: 'failed', error: { code: 'report:errors.renderFailed' } });
    expect(() => jobs.take(second.jobId)).toThrow(expect.objectContaining({ code: 'report:errors.renderFailed' }));
    jobs.dispose();
  });

  it('keeps a bounded number of jobs, making room by dropping finished ones', async () => {
    const { calls, render } = controlledRender();
    const jobs = options(render, {}, { maxJobs: 2 });
    const a = await jobs.start(example.id, { paper: 'a4' });
    await jobs.start(example.id, { paper: 'a4' });
    await expect(jobs.start(example.id, { paper: 'a4' })).rejects.toMatchObject({ code: 'errors.tooManyJobs' });
    await flush();
    calls[0]?.finish(FAKE_PDF);
    await flush();
    // the finished job gives way to a new one
    await jobs.start(example.id, { paper: 'a4' });
    expect(() => jobs.status(a.jobId)).toThrow(expect.objectContaining({ code: 'errors.jobNotFound' }));
    jobs.dispose();
  });

  it('drops a result nobody collected once its time is up', async () => {
    const { calls, render } = controlledRender();
    const jobs = options(render, {}, { ttlMs: 1 });
    const { jobId } = await jobs.start(example.id, { paper: 'a4' });
    await flush();
    calls[0]?.finish(FAKE_PDF);
    await flush();
    expect(jobs.status(jobId).state).toBe('done');
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(() => jobs.take(jobId)).toThrow(expect.objectContaining({ code: 'errors.jobNotFound' }));
    jobs.dispose();
  });
});
