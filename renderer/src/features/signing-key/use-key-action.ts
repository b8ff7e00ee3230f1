import { useState } from 'react';
import type { ApiError, ApiResult } from '../../../../core/api/contract';

/**
 * What the signing-key forms share around their one call: busy while it runs, the error it ended
 * with (cleared when it starts again), and the value handed on when it succeeds.
 */
export function useKeyAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

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
