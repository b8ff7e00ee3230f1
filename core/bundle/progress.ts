/** Told how many payload bytes are done out of how many in all; called a bounded number of times. */
export type ProgressCallback = (bytesDone: number, bytesTotal: number) => void;

/** Calls per operation at most (plus the final one): enough for a smooth bar, never one per chunk. */
const STEPS = 200;
/** Never report more often than every this many bytes, whatever the total. */
const MIN_STEP = 1024 * 1024;

export interface ProgressMeter {
  /** `bytes` more are done. */
  add(bytes: number): void;
  /** `bytes` more are to be done: only before `seal`. */
  expect(bytes: number): void;
  /** The total is final: reports start (an unsealed meter counts, but reports nothing). */
  seal(): void;
  /** Everything is done: reports the total once, if not reported yet. */
  finish(): void;
}

/**
 * Throttles byte counts to a callback: a report whenever at least max(total/200, 1 MiB) more bytes
 * are done since the last one, and exactly one report of (total, total) at the end. With `sealed`
 * false the total may still grow (`expect`) and nothing is reported until `seal`. A callback that
 * throws is ignored, so a progress display can never fail an export or a verification.
 */
export function progressMeter(total: number, callback: ProgressCallback | undefined, sealed = true): ProgressMeter {
  if (!callback) return { add: () => undefined, expect: () => undefined, seal: () => undefined, finish: () => undefined };
  let all = total;
  let open = !sealed;
  let done = 0;
  let reported = 0;
  let finished = false;
  const step = (): number => Math.max(MIN_STEP, Math.ceil(all / STEPS));
  const report = (value: number): void => {
    reported = value;
    try {
      callback(value, all);
    } catch {
      // A display problem is not an export problem.
    }
  };
  const maybeReport = (): void => {
    if (!open && done - reported >= step() && done < all) report(done);
  };
  return {
    add(bytes) {
      done = Math.min(all, done + bytes);
      maybeReport();
    },
    expect(bytes) {
      if (open) all += bytes;
    },
    seal() {
      open = false;
      maybeReport();
    },
    finish() {
      if (finished) return;
      finished = true;
      open = false;
      report(all);
    },
  };
}
