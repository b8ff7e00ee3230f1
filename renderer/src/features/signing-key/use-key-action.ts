import { useEffect, useRef, useState } from 'react';
import type { ApiError, ApiResult } from '../../../../core/api/contract';

/**
 * What the signing-key forms share around their one call: busy while it runs, the error it ended
 * with (cleared when it starts again, and as soon as the user changes one of `inputs`, since it was
 * about what they were), and the value handed on when it succeeds.
 */
export function useKeyAction(inputs: readonly unknown[] = []) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const last = useRef(inputs);
  useEffect(() => {
    const changed = inputs.length !== last.current.length || inputs.some((value, i) => !Object.is(value, last.current[i]));
    last.current = inputs;
    if (changed) setError(null);
  });

  const run = async <T>(call: () => Promise<ApiResult<T>>, onDone: (value: T) => void): Promise<void> => {
    setBusy(true);
    setError(null);
    const result = await call();
    setBusy(false);
    if (result.ok) onDone(result.value);
    else setError(result.error);
  };

  return { busy, error, setError, run };
}
