// The one place a failed contract call becomes the error notice: the main process already words
// its errors in Vietnamese, naming what and where, so the screen shows them as they are.
import { useCallback } from 'react';
import { errorMessage } from '../lib/api';
import { useNotice } from '../components/Notice';

/**
 * `run(work)` runs `work` (contract calls and what follows them); on failure it shows the error
 * notice and resolves to undefined, so the caller carries on with nothing changed.
 */
export function useCall(): <T>(work: () => Promise<T>) => Promise<T | undefined> {
  const notice = useNotice();
  return useCallback(
    async <T>(work: () => Promise<T>): Promise<T | undefined> => {
      try {
        return await work();
      } catch (err) {
        notice('error', errorMessage(err));
        return undefined;
      }
    },
    [notice],
  );
}
