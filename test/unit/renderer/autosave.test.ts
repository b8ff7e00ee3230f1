import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AnswerChanges, ApiResult, SaveResult } from '../../../core/api/contract';
import { Autosaver } from '../../../renderer/src/features/assessment/autosave';

const saved = (revision: number): ApiResult<SaveResult> => ({ ok: true, value: { revision, updatedAt: '2026-11-20T10:00:00.000Z' } });

describe('autosave', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('waits for a pause in typing, then sends only the items that changed', async () => {
    const save = vi.fn(async (_c: AnswerChanges) => saved(5));
    const saver = new Autosaver({ save, baseline: { 'A.1': 'Ministry', 'A.4': true }, delayMs: 400 });
    saver.change('A.1', 'Ministry of');
    await vi.advanceTimersByTimeAsync(200);
    saver.change('A.1', 'Ministry of Interior');
    saver.change('A.4', true); // same as saved: not sent
    expect(saver.getState().kind).toBe('pending');
    await vi.advanceTimersByTimeAsync(399);
    expect(save).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(save).toHaveBeenCalledTimes(1);
    expect(save.mock.calls[0]?.[0]).toEqual({ 'A.1': 'Ministry of Interior' });
    expect(saver.getState()).toMatchObject({ kind: 'saved', revision: 5 });
  });

  it('sends nothing when a change is undone before the save, and clears with null', async () => {
    const save = vi.fn(async (_c: AnswerChanges) => saved(2));
    const saver = new Autosaver({ save, baseline: { 'A.1': 'x', 'B.1': 'fully' }, delayMs: 100 });
    saver.change('A.1', 'xy');
    saver.change('A.1', 'x');
    await vi.advanceTimersByTimeAsync(100);
    expect(save).not.toHaveBeenCalled();
    saver.change('B.1', null);
    await saver.flush();
    expect(save.mock.calls[0]?.[0]).toEqual({ 'B.1': null });
  });

  it('says so when a save fails, keeps the change and retries until it is saved', async () => {
    const save = vi
      .fn<(c: AnswerChanges) => Promise<ApiResult<SaveResult>>>()
      .mockResolvedValueOnce({ ok: false, error: { code: 'errors.hostUnreachable' } })
      .mockResolvedValue(saved(3));
    const saver = new Autosaver({ save, baseline: {}, delayMs: 100, retryMs: 1000 });
    saver.change('A.2', '2024-05-01');
    await vi.advanceTimersByTimeAsync(100);
    expect(saver.getState()).toMatchObject({ kind: 'error', error: { code: 'errors.hostUnreachable' } });
    await vi.advanceTimersByTimeAsync(1000);
    expect(save).toHaveBeenCalledTimes(2);
    expect(save.mock.calls[1]?.[0]).toEqual({ 'A.2': '2024-05-01' });
    expect(saver.getState().kind).toBe('saved');
  });

  it('saves at once on flush (route change, window closing) without waiting for the pause', async () => {
    const save = vi.fn(async (_c: AnswerChanges) => saved(1));
    const saver = new Autosaver({ save, baseline: {}, delayMs: 10_000 });
    saver.change('C.4', 'Consultations');
    await saver.flush();
    expect(save).toHaveBeenCalledWith({ 'C.4': 'Consultations' });
  });

  it('keeps typing made during a save for the next save', async () => {
    let release: (r: ApiResult<SaveResult>) => void = () => undefined;
    const save = vi
      .fn<(c: AnswerChanges) => Promise<ApiResult<SaveResult>>>()
      .mockImplementationOnce(() => new Promise((r) => (release = r)))
      .mockResolvedValue(saved(2));
    const saver = new Autosaver({ save, baseline: {}, delayMs: 50 });
    saver.change('A.1', 'a');
    await vi.advanceTimersByTimeAsync(50);
    expect(saver.getState().kind).toBe('saving');
    saver.change('A.1', 'ab');
    release(saved(1));
    await vi.advanceTimersByTimeAsync(50);
    expect(save).toHaveBeenCalledTimes(2);
    expect(save.mock.calls[1]?.[0]).toEqual({ 'A.1': 'ab' });
  });
});
