import type { AnswerChanges, ApiError, ApiResult, SaveResult } from '../../../../core/api/contract';
import { createLogger } from '../../log';

const log = createLogger('autosave');

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date; revision: number }
  | { kind: 'error'; error: ApiError };

export interface AutosaverOptions {
  save: (changes: AnswerChanges) => Promise<ApiResult<SaveResult>>;
  /** The answers as the core holds them: only answers that differ from these are sent. */
  baseline: Readonly<Record<string, unknown>>;
  /** Wait after the last change before saving (the issue asks for ≤ 1 s; we use less). */
  delayMs?: number;
  retryMs?: number;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Debounced saving of changed answers. Changes are collected per item; after `delayMs` of quiet only
 * the items whose value differs from what the core last acknowledged are sent. One save runs at a
 * time; a failure keeps the changes, says so, and retries on its own (or when asked).
 */
export class Autosaver {
  private readonly saved = new Map<string, unknown>();
  private readonly pending = new Map<string, unknown>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inFlight: Promise<void> | null = null;
  private state: SaveState = { kind: 'idle' };
  private readonly listeners = new Set<() => void>();
  private disposed = false;

  constructor(private readonly options: AutosaverOptions) {
    for (const [id, value] of Object.entries(options.baseline)) this.saved.set(id, value);
  }

  getState = (): SaveState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Record the new value of one item (null = cleared) and (re)start the quiet-time timer. */
  change(itemId: string, value: unknown): void {
    this.pending.set(itemId, value);
    // Only a change of state is announced: a keystroke must not re-render the status line each time.
    if (this.state.kind !== 'saving' && this.state.kind !== 'pending') this.setState({ kind: 'pending' });
    this.schedule(this.options.delayMs ?? 400);
  }

  /** Save now whatever is pending (route change, tab hidden, window closing, Retry). */
  async flush(): Promise<void> {
    this.clearTimer();
    if (this.inFlight) await this.inFlight;
    const changes = this.takeChanges();
    if (Object.keys(changes).length === 0) {
      if (this.state.kind === 'pending') this.setState(this.lastGoodState());
      return;
    }
    this.inFlight = this.send(changes);
    try {
      await this.inFlight;
    } finally {
      this.inFlight = null;
    }
    // Typing during the save left new changes behind: they get their own save.
    if (this.pending.size > 0 && !this.disposed && this.state.kind !== 'error') this.schedule(this.options.delayMs ?? 400);
  }

  /** Forget the acknowledged answers (after a restore) so the next comparison starts from them. */
  reset(baseline: Readonly<Record<string, unknown>>): void {
    this.clearTimer();
    this.pending.clear();
    this.saved.clear();
    for (const [id, value] of Object.entries(baseline)) this.saved.set(id, value);
    this.setState({ kind: 'idle' });
  }

  /** Undo `dispose` (React may unmount and mount the same session again in development). */
  resume(): void {
    this.disposed = false;
  }

  dispose(): void {
    this.disposed = true;
    this.clearTimer();
  }

  private lastSaved: SaveState = { kind: 'idle' };

  private lastGoodState(): SaveState {
    return this.lastSaved;
  }

  private takeChanges(): AnswerChanges {
    const changes: AnswerChanges = {};
    for (const [id, value] of this.pending) {
      if (!same(value, this.saved.get(id))) changes[id] = (value ?? null) as AnswerChanges[string];
    }
    this.pending.clear();
    return changes;
  }

  private async send(changes: AnswerChanges): Promise<void> {
    this.setState({ kind: 'saving' });
    let result: ApiResult<SaveResult>;
    try {
      result = await this.options.save(changes);
    } catch (err) {
      log.error('save threw', err instanceof Error ? err.message : err);
      result = { ok: false, error: { code: 'errors.unexpected' } };
    }
    if (result.ok) {
      for (const [id, value] of Object.entries(changes)) this.saved.set(id, value);
      this.lastSaved = { kind: 'saved', at: new Date(), revision: result.value.revision };
      this.setState(this.pending.size > 0 ? { kind: 'pending' } : this.lastSaved);
      return;
    }
    log.warn('save failed', result.error.code);
    // Keep the failed changes unless the user has typed something newer for the same item.
    for (const [id, value] of Object.entries(changes)) if (!this.pending.has(id)) this.pending.set(id, value);
    this.setState({ kind: 'error', error: result.error });
    if (!this.disposed) this.schedule(this.options.retryMs ?? 3000);
  }

  private schedule(ms: number): void {
    this.clearTimer();
    if (this.disposed) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, ms);
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private setState(next: SaveState): void {
    this.state = next;
    for (const l of this.listeners) l();
  }
}
