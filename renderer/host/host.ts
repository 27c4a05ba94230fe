/**
 * What the UI needs from the place it runs in. Inside Electron that is the preload's bridge; in a plain browser
 * (tests, demo) it is browser storage. The UI imports only this interface, via `getHost()`.
 */
import type { Settings, SettingsPatch } from '../../electron/common/settings';
import type { LocalRelay } from './local-relay';

export interface Host {
  readonly kind: 'desktop' | 'browser';
  /** The local profile this window belongs to (one device's data). */
  readonly profile: string;
  readSettings(): Promise<Settings>;
  updateSettings(patch: SettingsPatch): Promise<Settings>;
  /** A relay started on this machine for this app, to prefill onboarding with; null when there is none. */
  localRelay(): Promise<LocalRelay | null>;
}
