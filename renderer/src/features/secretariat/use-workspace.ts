import { useCallback, useEffect, useState } from 'react';
import type { ApiError, ApiResult, RendererApi, WorkspaceStatus } from '../../../../core/api/contract';
import { useApi } from '../../api/api-context';

/** Groups of eight hex digits, as the official letter prints a fingerprint. */
export const groupedFingerprint = (fp: string) => (fp.match(/.{1,8}/g) ?? [fp]).join(' ');

/** The workspace open in the app session (undefined while asked; null: none), refreshed on demand. */
export function useWorkspace() {
  const api = useApi();
  const [status, setStatus] = useState<WorkspaceStatus | null | undefined>(undefined);
  const [error, setError] = useState<ApiError | null>(null);
  const refresh = useCallback(async () => {
    const r = await api.getWorkspace();
    if (r.ok) {
      setStatus(r.value);
      setError(null);
    } else setError(r.error);
  }, [api]);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  return { status, error, refresh, setStatus };
}

/** A call's value, loaded when the screen opens and again on `reload`; the error to show otherwise. */
export function useLoaded<T>(load: (api: RendererApi) => Promise<ApiResult<T>>) {
  const api = useApi();
  const [value, setValue] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let alive = true;
    void load(api).then((r) => {
      if (!alive) return;
      if (r.ok) {
        setValue(r.value);
        setError(null);
      } else setError(r.error);
    });
    return () => {
      alive = false;
    };
    // `load` is a new function each render; what it loads changes only with the key the caller gives.
  }, [api, tick]);
  return { value, error, reload: useCallback(() => setTick((n) => n + 1), []) };
}
