/**
 * The one place a failure of a core call becomes something to translate: the key in the `errors` namespace (the
 * error's code) and its parameters, with the few that need shaping for display.
 */
import { isCoreErrorCode, type CoreErrorCode } from '../core/core-error';
import { RpcError } from '../core/rpc';

export interface ErrorTranslation {
  readonly key: CoreErrorCode;
  readonly params: Readonly<Record<string, string | number>>;
}

export function errorTranslation(error: unknown): ErrorTranslation {
  if (!(error instanceof RpcError) || !isCoreErrorCode(error.code)) return { key: 'core.internal', params: {} };
  const params: Record<string, string | number> = { ...error.params };
  // A wait is shown in whole seconds, rounded up so that "0 seconds" never shows while it still runs; `count` picks
  // the plural form.
  if (typeof params.retryAfterMs === 'number') params.count = Math.max(1, Math.ceil(params.retryAfterMs / 1000));
  return { key: error.code, params };
}
