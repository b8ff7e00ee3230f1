import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAutosaver, type AutosaveState } from '../../../core/store/autosave';
import { quietLogs } from './helpers';

beforeEach(() => {
  quietLogs();
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function recorder(fail?: (value: number) => boolean) {
  const saved: number[] = [];
  const states: AutosaveState[] = [];
  let release: (() => void) | null = null;
  let hold = false;
  const saver = createAutosaver<number>({
    delayMs: 800,
    onState: (s) => states.push(s),
    save: async (v) => {
      if (hold) await new Promise<void>((r) => (release = r));
      if (fail?.(v)) throw new Error('disk full');
      saved.push(v);
    },
  });
  return {
    saver,
    saved,
    states,
    holdNext: () => (hold = true),
    release: () => {
      hold = false;
      release?.();
    },
  };
}

describe('autosave', () => {
  it('saves once, within a second of the last change, with only the newest value', async () => {
    const r = recorder();
    r.saver.schedule(1);
    await vi.advanceTimersByTimeAsync(300);
    r.saver.schedule(2);
    await vi.advanceTimersByTimeAsync(300);
    r.saver.schedule(3);
    expect(r.saved).toEqual([]);
    expect(r.saver.state).toBe('pending');
    await vi.advanceTimersByTimeAsync(1000);
    expect(r.saved).toEqual([3]);
    expect(r.states).toEqual(['pending', 'pending', 'pending', 'saving', 'saved']);
  });

  it('still saves during continuous typing (at most every few seconds)', async () => {
    const r = recorder();
    for (let i = 1; i <= 40; i++) {
      r.saver.schedule(i);
      await vi.advanceTimersByTimeAsync(200);
    }
    expect(r.saved.length).toBeGreaterThanOrEqual(2);
    expect(r.saved.at(-1)).toBeLessThan(40);
    await r.saver.flush();
    expect(r.saved.at(-1)).toBe(40);
  });

  it('flush writes at once; changes made during a write are coalesced into one more write', async () => {
    const r = recorder();
    r.holdNext();
    r.saver.schedule(1);
    const flushed = r.saver.flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(r.saver.state).toBe('saving');
    r.saver.schedule(2);
    r.saver.schedule(3);
    r.release();
    await flushed;
    await r.saver.flush();
    expect(r.saved).toEqual([1, 3]);
    expect(r.saver.state).toBe('saved');
  });

  it('reports an error, keeps the value, and retries on flush', async () => {
    let broken = true;
    const r = recorder(() => broken);
    r.saver.schedule(7);
    await vi.advanceTimersByTimeAsync(1000);
    expect(r.saver.state).toBe('error');
    expect(r.saved).toEqual([]);
    broken = false;
    await r.saver.flush();
    expect(r.saved).toEqual([7]);
    expect(r.saver.state).toBe('saved');
  });

  it('never waits more than a second even if asked to', async () => {
    const saved: number[] = [];
    const s = createAutosaver<number>({ delayMs: 5000, save: async (v) => void saved.push(v) });
    s.schedule(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(saved).toEqual([1]);
  });
});
