/**
 * The device's settings as React state: read from the host once at start, written through it on every change. The
 * interface language is applied to i18next and `<html lang dir>` as part of the change.
 */
import { createContext, useCallback, useContext, useMemo, useState, type PropsWithChildren } from 'react';
import type { Settings, SettingsPatch } from '../../electron/common/settings';
import type { Host } from '../host';
import { changeLanguage, setDigitStyle } from '../i18n';

interface SettingsState {
  readonly settings: Settings;
  readonly update: (patch: SettingsPatch) => Promise<void>;
}

const SettingsContext = createContext<SettingsState | null>(null);

export function SettingsProvider(props: PropsWithChildren<{ host: Host; initial: Settings }>) {
  const { host } = props;
  const [settings, setSettings] = useState(props.initial);
  const update = useCallback(
    async (patch: SettingsPatch) => {
      const saved = await host.updateSettings(patch);
      setDigitStyle(saved.digitStyle);
      if (saved.language !== settings.language) await changeLanguage(saved.language);
      setSettings(saved);
    },
    [host, settings.language],
  );
  const value = useMemo(() => ({ settings, update }), [settings, update]);
  return <SettingsContext.Provider value={value}>{props.children}</SettingsContext.Provider>;
}

export function useSettings(): SettingsState {
  const state = useContext(SettingsContext);
  if (!state) throw new Error('useSettings outside SettingsProvider');
  return state;
}
