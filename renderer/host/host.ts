/**
 * What the UI needs from the place it runs in. Inside Electron that is the preload's bridge; in a plain browser
 * (tests, demo) it is browser storage. The UI imports only this interface, via `getHost()`.
 */
import type { LocalRelay } from '../../electron/common/ipc/contract';
import type { Settings, SettingsPatch } from '../../electron/common/settings';

export interface Host {
  readonly kind: 'desktop' | 'browser';
  /** The local profile this window belongs to (one device's data). */
  readonly profile: string;
  readSettings(): Promise<Settings>;
  updateSettings(patch: SettingsPatch): Promise<Settings>;
  /** The relay started on this machine for this app, to prefill the desk's onboarding with; null when there is none. */
  localRelay(): Promise<LocalRelay | null>;
  /** Shows an OS notification (desktop) or a browser one where permitted; false if none could be shown. */
  notifyUrgent(title: string): Promise<boolean>;
}
