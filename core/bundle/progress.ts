/** Told how many payload bytes are done out of how many in all; called a bounded number of times. */
export type ProgressCallback = (bytesDone: number, bytesTotal: number) => void;

/** Calls per operation at most (plus the final one): enough for a smooth bar, never one per chunk. */
const STEPS = 200;
/** Never report more often than every this many bytes, whatever the total. */
const MIN_STEP = 1024 * 1024;

export interface ProgressMeter {
  /** `bytes` more are done. */
  add(bytes: number): void;
  /** Everything is done: reports the total once, if not reported yet. */
  finish(): void;
}

/**
 * Throttles byte counts to a callback: a report whenever at least max(total/200, 1 MiB) more bytes
 * are done since the last one, and exactly one report of (total, total) at the end. A callback that
 * throws is ignored, so a progress display can never fail an export or a verification.
 */
export function progressMeter(total: number, callback: ProgressCallback | undefined): ProgressMeter {
  if (!callback) return { add: () => undefined, finish: () => undefined };
  const step = Math.max(MIN_STEP, Math.ceil(total / STEPS));
  let done = 0;
  let reported = -1;
  const report = (value: number): void => {
    reported = value;
    try {
      callback(value, total);
    } catch {
      // A display problem is not an export problem.
    }
  };
  return {
    add(bytes) {
      done = Math.min(total, done + bytes);
      if (done - Math.max(reported, 0) >= step && done < total) report(done);
    },
    finish() {
      if (reported !== total) report(total);
    },
  };
}
