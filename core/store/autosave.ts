import { createLogger } from '../log';

const log = createLogger('autosave');

/** `pending`: changes not yet saved; `saving`: a write in flight; `saved`: all changes on disk; `error`: the last write failed (the changes are kept and retried). */
export type AutosaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'error';

export interface AutosaveOptions<T> {
  /** Writes one value; typically `(d) => store.save(d)`. */
  save: (value: T) => Promise<unknown>;
  /** Quiet time after the last change before saving; at most 1000 (default 750 ms). */
  delayMs?: number;
  /** Longest a stream of changes may go unsaved (default 3000 ms). */
  maxWaitMs?: number;
  onState?: (state: AutosaveState, error?: unknown) => void;
}

export interface Autosaver<T> {
  /** Note a new value; only the newest scheduled value is written (coalescing). */
  schedule(value: T): void;
  /** Write whatever is pending now and wait until everything scheduled so far is on disk; rejects if the write fails. */
  flush(): Promise<void>;
  readonly state: AutosaveState;
  /** Flush, then stop accepting values. */
  dispose(): Promise<void>;
}

const NOTHING = Symbol('nothing');

/**
 * Debounced, coalescing autosave for the main process or the web host. One write at a time; a value
 * scheduled during a write is written right after it. A failed write keeps the value and reports
 * `error`; the next schedule or flush tries again.
 */
export function createAutosaver<T>(options: AutosaveOptions<T>): Autosaver<T> {
  const delay = Math.min(options.delayMs ?? 750, 1000);
  const maxWait = Math.max(options.maxWaitMs ?? 3000, delay);
  let pending: T | typeof NOTHING = NOTHING;
  let firstPendingAt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | null = null;
  let state: AutosaveState = 'idle';
  let disposed = false;

  const setState = (next: AutosaveState, error?: unknown) => {
    state = next;
    options.onState?.(next, error);
  };

  const clear = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };

  // Write pending values until none is left; a failure leaves the value pending and rejects.
  const drain = async (): Promise<void> => {
    while (pending !== NOTHING) {
      const value = pending;
      pending = NOTHING;
      setState('saving');
      try {
        await options.save(value);
      } catch (err) {
        if (pending === NOTHING) pending = value;
        setState('error', err);
        log.warn('autosave failed; will retry on the next change or flush', err);
        throw err;
      }
    }
    setState('saved');
  };

  const start = (): Promise<void> => {
    clear();
    if (!running) {
      running = drain().finally(() => {
        running = null;
      });
    }
    return running;
  };

  const arm = () => {
    clear();
    const wait = Math.max(0, Math.min(delay, firstPendingAt + maxWait - Date.now()));
    timer = setTimeout(() => {
      timer = undefined;
      start().catch(() => undefined);
    }, wait);
  };

  return {
    schedule(value: T) {
      if (disposed) return;
      if (pending === NOTHING) firstPendingAt = Date.now();
      pending = value;
      if (state !== 'saving') setState('pending');
      // While a write runs, drain() picks the new value up when it finishes.
      if (!running) arm();
    },
    async flush() {
      clear();
      while (running) await running;
      if (pending !== NOTHING) await start();
    },
    get state() {
      return state;
    },
    async dispose() {
      await this.flush();
      disposed = true;
    },
  };
}
