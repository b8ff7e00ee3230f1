import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError, MergeViewInfo, ReviewsOverview } from '../../../../core/api/contract';
import { useApi } from '../../api/api-context';
import { useSession } from '../assessment/session';

export type MergeData =
  | { kind: 'loading' }
  | { kind: 'ready'; overview: ReviewsOverview; view: MergeViewInfo }
  | { kind: 'failed'; error: ApiError };

/** The reviews of the open assessment and the merge view, reloaded after each decision (typing is saved first). */
export function useMergeData(): { data: MergeData; reload: () => Promise<void> } {
  const api = useApi();
  const session = useSession();
  const [data, setData] = useState<MergeData>({ kind: 'loading' });
  const live = useRef(true);
  const reload = useCallback(async () => {
    await session.autosaver.flush();
    const [overview, view] = await Promise.all([api.getReviews(session.id), api.getMergeView(session.id)]);
    if (!live.current) return;
    if (!overview.ok) return setData({ kind: 'failed', error: overview.error });
    if (!view.ok) return setData({ kind: 'failed', error: view.error });
    setData({ kind: 'ready', overview: overview.value, view: view.value });
  }, [api, session.id, session.autosaver]);
  useEffect(() => {
    live.current = true;
    void reload();
    return () => {
      live.current = false;
    };
  }, [reload]);
  return { data, reload };
}
