// Hashing a bundle's files two at a time must never run more at once than asked, and a verification
// that stops at a wrong file must not start reading the files after it.
import { describe, expect, it } from 'vitest';
import { inTurn } from '../../../core/bundle/in-turn';

const tick = () => new Promise((r) => setTimeout(r, 1));

describe('inTurn', () => {
  it('runs at most the limit at once and gives the results in the items order', async () => {
    let running = 0;
    let most = 0;
    const { results } = inTurn([5, 1, 4, 2, 3], 2, async (n) => {
      running += 1;
      most = Math.max(most, running);
      for (let i = 0; i < n; i++) await tick();
      running -= 1;
      return n * 10;
    });
    expect(await Promise.all(results)).toEqual([50, 10, 40, 20, 30]);
    expect(most).toBe(2);
  });

  it('after stop, items not started never start; the running one finishes', async () => {
    const started: number[] = [];
    const job = inTurn([1, 2, 3, 4], 1, async (n) => {
      started.push(n);
      await tick();
      return n;
    });
    expect(await job.results[0]).toBe(1);
    job.stop();
    const settled = await Promise.allSettled(job.results);
    expect(started).toEqual([1, 2]);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'rejected']);
  });

  it('a failure is the failing item’s alone', async () => {
    const { results } = inTurn([1, 2, 3], 2, async (n) => {
      if (n === 2) throw new Error('bad');
      return n;
    });
    const settled = await Promise.allSettled(results);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });
});
