/**
 * The host in a plain browser. Settings (no secrets, no message content) live in localStorage under the profile's
 * name, so `?profile=NAME` keeps several posts apart in one browser.
 */
import { DEFAULT_PROFILE, isProfileName } from '../../electron/common/profile';
import { SettingsPatchSchema, settingsFromStored, type Settings } from '../../electron/common/settings';
import type { Host } from './host';
import { fetchLocalRelay } from './local-relay';

export function profileFromLocation(search: string): string {
  const requested = new URLSearchParams(search).get('profile');
  if (requested === null) return DEFAULT_PROFILE;
  if (!isProfileName(requested)) throw new Error(`profile must be 1-64 letters, digits, '-' or '_'`);
  return requested;
}

export function createBrowserHost(storage: Storage, profile: string): Host {
  const key = `liaison-hotline:${profile}:settings`;
  const read = (): Settings => {
    try {
      return settingsFromStored(JSON.parse(storage.getItem(key) ?? '{}'));
    } catch {
      return settingsFromStored({});
    }
  };
  return {
    kind: 'browser',
    profile,
    readSettings: async () => read(),
    updateSettings: async (patch) => {
      const next = { ...read(), ...SettingsPatchSchema.parse(patch) };
      storage.setItem(key, JSON.stringify(next));
      return read();
    },
    localRelay: () => fetchLocalRelay(window.fetch.bind(window)),
    notifyUrgent: async (title) => {
      // Only where the person already allowed it: asking needs a gesture of theirs, and a FLASH must not wait on one.
      if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return false;
      new Notification(title, { requireInteraction: true });
      return true;
    },
  };
}
