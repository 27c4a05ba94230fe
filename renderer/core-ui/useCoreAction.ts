/**
 * A call into the core made by a user's action (a button, a form): whether it is running, and how it failed. The
 * caller decides what success means; a failure is kept for display until the next attempt.
 */
import { useCallback, useState } from 'react';
import { RpcError } from '../core/rpc';

export type ActionOutcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false };

export interface CoreAction {
  readonly pending: boolean;
  readonly error: unknown;
  run<T>(call: () => Promise<T>): Promise<ActionOutcome<T>>;
}

export function useCoreAction(): CoreAction {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const run = useCallback(async <T,>(call: () => Promise<T>): Promise<ActionOutcome<T>> => {
    setPending(true);
    setError(undefined);
    try {
      return { ok: true, value: await call() };
    } catch (failure) {
      // A coded failure is the core's answer; anything else is a bug on this side, worth a trace in the console.
      if (!(failure instanceof RpcError)) console.error('core call failed unexpectedly', failure);
      setError(failure);
      return { ok: false };
    } finally {
      setPending(false);
    }
  }, []);
  return { pending, error, run };
}
