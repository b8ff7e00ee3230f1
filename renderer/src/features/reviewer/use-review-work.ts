import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError, RendererApi } from '../../../../core/api/contract';
import type { ReviewWork } from '../../../../core/review/work';
import { AppError } from '../../../../core/errors';

/** How long typing may pause before the work is saved. */
const AUTOSAVE_MS = 600;

export type SaveState = { kind: 'saved' } | { kind: 'pending' } | { kind: 'saving' } | { kind: 'failed'; error: ApiError };

/** An edit of the work (core/review/work.ts) that the core refused as it would: its message, never a throw. */
export function editError(err: unknown): ApiError {
  if (err instanceof AppError) return err.toApiError();
  return { code: 'errors.unexpected' };
}

/**
 * The reviewer's work as the screen edits it, autosaved like a draft: every change is kept here at
 * once and saved shortly after, in order; `flush` waits for the last save (before "Return").
 */
export function useReviewWork(api: RendererApi, reviewId: string, initial: ReviewWork) {
  const [work, setWork] = useState(initial);
  const [save, setSave] = useState<SaveState>({ kind: 'saved' });
  const latest = useRef(initial);
  const saved = useRef(initial);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const chain = useRef<Promise<boolean>>(Promise.resolve(true));

  const saveNow = useCallback((): Promise<boolean> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    chain.current = chain.current.then(async () => {
      const next = latest.current;
      if (next === saved.current) return true;
      setSave({ kind: 'saving' });
      const result = await api.saveReviewerWork(reviewId, next).catch((): { ok: false; error: ApiError } => ({ ok: false, error: { code: 'errors.unexpected' } }));
      if (!result.ok) {
        setSave({ kind: 'failed', error: result.error });
        return false;
      }
      saved.current = next;
      setSave(latest.current === next ? { kind: 'saved' } : { kind: 'pending' });
      return true;
    });
    return chain.current;
  }, [api, reviewId]);

  const change = useCallback(
    (next: ReviewWork) => {
      latest.current = next;
      setWork(next);
      setSave({ kind: 'pending' });
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void saveNow(), AUTOSAVE_MS);
    },
    [saveNow],
  );

  // Leaving the screen (or the page) saves what is not saved yet.
  useEffect(() => {
    const flush = () => void saveNow();
    window.addEventListener('beforeunload', flush);
    return () => {
      window.removeEventListener('beforeunload', flush);
      flush();
    };
  }, [saveNow]);

  return { work, change, save, flush: saveNow };
}
