import Conf from 'conf';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, SettingsPatchSchema, settingsFromStored } from '../../../../electron/common/settings';
import { SettingsStore, settingsStoreSchema } from '../../../../electron/main/settings-store';

/** electron-store is conf plus Electron's paths; conf with the same schema is the store without needing Electron. */
function openStore() {
  const conf = new Conf<Record<string, unknown>>({
    cwd: mkdtempSync(path.join(os.tmpdir(), 'settings-')),
    projectName: 'liaison-hotline-test',
    schema: settingsStoreSchema(),
    defaults: { ...DEFAULT_SETTINGS },
  });
  return { conf, store: new SettingsStore(conf) };
}

const BAD_VALUES: Record<string, unknown[]> = {
  language: ['fr', '', 'EN', 3, null],
  digitStyle: ['roman', 'hanidec', 1],
  relayUrl: ['http://127.0.0.1:8787', 'ws://relay.example.org', 'wss://user:pw@relay.example.org', 'wss://x.org/?q=1', 'javascript:alert(1)', ''],
  autoLockMinutes: [0, -5, 2.5, 241, '10', Number.NaN],
};

describe('settings schema', () => {
  it('accepts the defaults and good values', () => {
    const { store } = openStore();
    expect(store.read()).toEqual(DEFAULT_SETTINGS);
    expect(store.update({ language: 'he', digitStyle: 'arab', relayUrl: 'wss://relay.example.org:9443/line', autoLockMinutes: 30 })).toEqual({
      language: 'he',
      digitStyle: 'arab',
      relayUrl: 'wss://relay.example.org:9443/line',
      autoLockMinutes: 30,
    });
  });

  for (const [field, values] of Object.entries(BAD_VALUES)) {
    it(`rejects bad ${field} values, in the shared schema and in the store on disk`, () => {
      for (const value of values) {
        expect(SettingsPatchSchema.safeParse({ [field]: value }).success, String(value)).toBe(false);
        const { conf, store } = openStore();
        expect(() => store.update({ [field]: value } as never), String(value)).toThrow();
        expect(() => conf.set(field, value), String(value)).toThrow();
        expect(store.read()).toEqual(DEFAULT_SETTINGS);
      }
    });
  }

  it('rejects a relay port out of range (checked in code: JSON schema patterns cannot count)', () => {
    const { store } = openStore();
    expect(() => store.update({ relayUrl: 'ws://127.0.0.1:70000' })).toThrow();
    expect(store.read()).toEqual(DEFAULT_SETTINGS);
  });

  it('rejects unknown fields', () => {
    expect(SettingsPatchSchema.safeParse({ theme: 'dark' }).success).toBe(false);
  });

  it('falls back to the default field by field when a stored value is corrupted', () => {
    expect(settingsFromStored({ language: 'ar', autoLockMinutes: 'lots', digitStyle: 'arabext' })).toEqual({
      ...DEFAULT_SETTINGS,
      language: 'ar',
      digitStyle: 'arabext',
    });
    expect(settingsFromStored('garbage')).toEqual(DEFAULT_SETTINGS);
  });
});
