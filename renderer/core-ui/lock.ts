/** Locks the vault now: the worker wipes the keys and reports the new status, which brings back the unlock screen. */
import { getCore } from '../core/client';

export function lockVault(): void {
  getCore()
    .lock()
    .catch((error: unknown) => console.error('the vault could not be locked', error));
}
