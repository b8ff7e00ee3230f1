import { useCallback, useEffect, useRef, useState } from 'react';
import type { Api, ApiError, MergePage } from '../../../../core/api/contract';
import { useApi } from '../../api/api-context';
import { useSession } from '../assessment/session';

/** Items asked for at a time: ten replies on a 300-item draft are thousands of suggestions. */
export const MERGE_PAGE = 10;

export type MergeData =
  | { kind: 'loading' }
  /** `view.items`: the items loaded so far (the first pages), `view.total` how many the list has. */
  | { kind: 'ready'; view: MergePage }
  | { kind: 'failed'; error: ApiError };

/**
 * The merge view of the open assessment, a page at a time: the first page on opening, the next
 * ones on "show more", and the pages already shown again after each decision (typing is saved first).
 */
export function useMergeData(openOnly: boolean): { data: MergeData; reload: () => Promise<void>; more: () => Promise<void> } {
  const api = useApi();
  const session = useSession();
  const [data, setData] = useState<MergeData>({ kind: 'loading' });
  // How many items are shown (kept across reloads, so a decision does not fold the list back), and
  // which request is the latest: an answer to an older one is dropped.
  const shown = useRef(MERGE_PAGE);
  const latest = useRef(0);
  const current = useRef<MergePage | null>(null);
  const live = useRef(true);

  const show = useCallback((r: Awaited<ReturnType<Api['getMergePage']>>, request: number) => {
    if (!live.current || request !== latest.current) return;
    if (!r.ok) return setData({ kind: 'failed', error: r.error });
    current.current = r.value;
    shown.current = Math.max(MERGE_PAGE, r.value.items.length);
    setData({ kind: 'ready', view: r.value });
  }, []);

  const reload = useCallback(async () => {
    const request = ++latest.current;
    await session.autosaver.flush();
    const r = await api.getMergePage(session.id, { openOnly, offset: 0, limit: shown.current });
    show(r, request);
  }, [api, session.id, session.autosaver, openOnly, show]);

  const more = useCallback(async () => {
    const before = current.current;
    if (!before) return;
    const request = ++latest.current;
    const r = await api.getMergePage(session.id, { openOnly, offset: before.items.length, limit: MERGE_PAGE });
    // The list changed in between (a decision elsewhere, a reply imported): read the pages shown again.
    if (!r.ok || r.value.total !== before.total || r.value.revision !== before.revision) {
      shown.current = before.items.length + MERGE_PAGE;
      return reload();
    }
    show({ ok: true, value: { ...r.value, offset: 0, items: [...before.items, ...r.value.items] } }, request);
  }, [api, session.id, openOnly, reload, show]);

  useEffect(() => {
    live.current = true;
    shown.current = MERGE_PAGE;
    void reload();
    return () => {
      live.current = false;
    };
  }, [reload]);
  return { data, reload, more };
}
