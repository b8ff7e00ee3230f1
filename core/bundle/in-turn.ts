/** Work started in order with a limit on how much runs at once (verify.ts hashes two files at a time). */
export interface InTurn<R> {
  /** One promise per item, in the items' order. A failure is seen only by whoever awaits it (never unhandled). */
  results: Promise<R>[];
  /** Items not started yet never start (their promises reject); running ones finish. */
  stop(): void;
}

export function inTurn<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): InTurn<R> {
  const waiting: Array<() => void> = [];
  let running = 0;
  let stopped = false;
  const release = () => {
    running -= 1;
    waiting.shift()?.();
  };
  const results = items.map((item) => {
    const turn = running < limit ? ((running += 1), Promise.resolve()) : new Promise<void>((go) => waiting.push(() => ((running += 1), go())));
    const done = turn.then(() => (stopped ? Promise.reject(new Error('stopped')) : work(item))).finally(release);
    done.catch(() => undefined);
    return done;
  });
  return {
    results,
    stop() {
      stopped = true;
    },
  };
}
