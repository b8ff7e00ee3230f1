// The one job system: what a screen relies on when it starts long work, follows it and takes its result.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../core/errors';
import { JobQueue, type JobContext } from '../../../core/jobs/job-queue';
import { setLogSink } from '../../../core/log';

setLogSink(null);
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Work the test moves along by hand: it reports `progress` and waits for `finish`. */
function held<R>() {
  const runs: Array<{ ctx: JobContext; finish: (r: R | Error) => void }> = [];
  const work = (ctx: JobContext) =>
    new Promise<R>((resolve, reject) => {
      runs.push({ ctx, finish: (r) => (r instanceof Error ? reject(r) : resolve(r)) });
    });
  return { runs, work };
}

describe('JobQueue', () => {
  it('runs jobs of one lane one after another, and different lanes side by side up to the limit', async () => {
    const jobs = new JobQueue({ maxRunning: 2 });
    const a = held<number>();
    const first = jobs.start({ kind: 'export', lane: 'export', work: a.work });
    const second = jobs.start({ kind: 'export', lane: 'export', work: a.work });
    const b = held<number>();
    const check1 = jobs.start({ kind: 'check', work: b.work });
    const check2 = jobs.start({ kind: 'check', work: b.work });
    await flush();
    expect(a.runs).toHaveLength(1);
    expect(b.runs).toHaveLength(1);
    expect(jobs.status(second.jobId).state).toBe('queued');
    expect(jobs.status(check2.jobId).state).toBe('queued');
    a.runs[0]?.finish(1);
    await flush();
    // The export lane's next job waits for a running slot, which the first check still holds with it.
    expect(jobs.status(first.jobId).state).toBe('done');
    expect(a.runs.length + b.runs.length).toBe(3);
    b.runs[0]?.finish(2);
    await flush();
    expect(a.runs).toHaveLength(2);
    expect(b.runs).toHaveLength(2);
    expect(jobs.status(check1.jobId).state).toBe('done');
    jobs.dispose();
  });

  it('keeps progress between 0 and 1 and never going back, and hands the result over once', async () => {
    const jobs = new JobQueue();
    const h = held<{ answer: number }>();
    const { jobId } = jobs.start({ kind: 'pdf', work: h.work });
    await flush();
    h.runs[0]?.ctx.progress(0.5);
    h.runs[0]?.ctx.progress(0.2);
    h.runs[0]?.ctx.progress(7);
    expect(jobs.status(jobId)).toEqual({ kind: 'pdf', state: 'running', progress: 1 });
    h.runs[0]?.finish({ answer: 42 });
    await flush();
    expect(jobs.take(jobId)).toEqual({ kind: 'pdf', result: { answer: 42 } });
    expect(() => jobs.take(jobId)).toThrow(expect.objectContaining({ code: 'errors.resultTaken' }));
    expect(() => jobs.status(jobId)).toThrow(expect.objectContaining({ code: 'errors.resultTaken' }));
    jobs.dispose();
  });

  it('cancels a running job at its next progress report and a queued one before it starts, cleaning up once each', async () => {
    const jobs = new JobQueue({ maxRunning: 1 });
    const h = held<number>();
    const settled: string[] = [];
    const running = jobs.start({ kind: 'export', work: h.work, onSettled: () => settled.push('running') });
    const waiting = jobs.start({ kind: 'export', work: h.work, onSettled: () => settled.push('waiting') });
    await flush();
    expect(jobs.cancel(waiting.jobId).state).toBe('cancelled');
    jobs.cancel(running.jobId);
    expect(() => h.runs[0]?.ctx.progress(0.5)).toThrow(expect.objectContaining({ code: 'errors.jobCancelled' }));
    h.runs[0]?.finish(new AppError('errors.jobCancelled'));
    await flush();
    expect(jobs.status(running.jobId).state).toBe('cancelled');
    expect(() => jobs.take(running.jobId)).toThrow(expect.objectContaining({ code: 'errors.jobCancelled' }));
    expect(h.runs).toHaveLength(1);
    expect(settled.sort()).toEqual(['running', 'waiting']);
    // A cancelled job frees its slot: the next one runs.
    const next = jobs.start({ kind: 'export', work: h.work });
    await flush();
    expect(jobs.status(next.jobId).state).toBe('running');
    jobs.dispose();
  });

  it('reports a failure with its translated reason, and anything else as unexpected', async () => {
    const jobs = new JobQueue();
    const h = held<number>();
    const known = jobs.start({ kind: 'check', work: h.work });
    const unknown = jobs.start({ kind: 'check', work: h.work });
    await flush();
    h.runs[0]?.finish(new AppError('bundle:errors.notAFile'));
    h.runs[1]?.finish(new Error('disk on fire'));
    await flush();
    expect(jobs.status(known.jobId)).toMatchObject({ state: 'failed', error: { code: 'bundle:errors.notAFile' } });
    expect(jobs.status(unknown.jobId)).toMatchObject({ state: 'failed', error: { code: 'errors.unexpected' } });
    expect(() => jobs.take(known.jobId)).toThrow(expect.objectContaining({ code: 'bundle:errors.notAFile' }));
    jobs.dispose();
  });

  it('refuses a job when every slot holds unfinished work, and cleans up the refused one', () => {
    const jobs = new JobQueue({ maxJobs: 1 });
    const h = held<number>();
    jobs.start({ kind: 'pdf', work: h.work });
    let cleaned = 0;
    expect(() => jobs.start({ kind: 'pdf', work: h.work, onSettled: () => cleaned++ })).toThrow(expect.objectContaining({ code: 'errors.tooManyJobs', params: { max: 1 } }));
    expect(cleaned).toBe(1);
    expect(() => jobs.status('6f1c7d0e-8a57-4c1b-9d1e-0b6f5d1d2a11')).toThrow(expect.objectContaining({ code: 'errors.jobNotFound' }));
    jobs.dispose();
  });
});
