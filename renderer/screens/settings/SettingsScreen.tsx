/**
 * The device's settings: interface language, digit style, auto-lock, the relay address, the crypto library, and the
 * vault's passphrase.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DIGIT_STYLES, type DigitStyle } from '../../../electron/common/digits';
import { LANGUAGES, type Language, type SettingsPatch } from '../../../electron/common/settings';
import { Ltr } from '../../components/Ltr';
import { useSettings } from '../../settings/SettingsContext';
import { ChangePassphrase } from './ChangePassphrase';
import { CryptoStatus } from './CryptoStatus';

const AUTO_LOCK_CHOICES = [1, 2, 5, 10, 15, 30, 60] as const;

export function SettingsScreen() {
  const { t } = useTranslation('settings');
  const { settings, update } = useSettings();
  const [saveState, setSaveState] = useState<'idle' | 'saved' | 'failed'>('idle');
  const ids = { language: useId(), digits: useId(), digitsHint: useId(), autoLock: useId() };

  const save = async (patch: SettingsPatch) => {
    try {
      await update(patch);
      setSaveState('saved');
    } catch {
      setSaveState('failed');
    }
  };

  return (
    <section className="screen" aria-labelledby="screen-title">
      <h1 id="screen-title" className="screen__title">
        {t('title')}
      </h1>
      <p>{t('intro')}</p>
      <div className="form">
        <div className="form__field">
          <label htmlFor={ids.language}>{t('language.label')}</label>
          <select
            id={ids.language}
            data-testid="settings-language"
            value={settings.language}
            onChange={(event) => void save({ language: event.target.value as Language })}
          >
            {LANGUAGES.map((language) => (
              <option key={language} value={language} lang={language}>
                {t(`languageName.${language}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="form__field">
          <label htmlFor={ids.digits}>{t('digits.label')}</label>
          <select
            id={ids.digits}
            data-testid="settings-digits"
            aria-describedby={ids.digitsHint}
            value={settings.digitStyle}
            onChange={(event) => void save({ digitStyle: event.target.value as DigitStyle })}
          >
            {DIGIT_STYLES.map((style) => (
              <option key={style} value={style}>
                {t(`digits.${style}`)}
              </option>
            ))}
          </select>
          <p id={ids.digitsHint} className="form__hint">
            {t('digits.hint')}
          </p>
        </div>
        <div className="form__field">
          <label htmlFor={ids.autoLock}>{t('autoLock.label')}</label>
          <select
            id={ids.autoLock}
            data-testid="settings-autolock"
            value={settings.autoLockMinutes}
            onChange={(event) => void save({ autoLockMinutes: Number(event.target.value) })}
          >
            {AUTO_LOCK_CHOICES.map((minutes) => (
              <option key={minutes} value={minutes}>
                {t('autoLock.minutes', { count: minutes })}
              </option>
            ))}
          </select>
        </div>
        <dl className="facts">
          <div>
            <dt>{t('relay.label')}</dt>
            <dd>
              <Ltr>{settings.relayUrl}</Ltr>
            </dd>
          </div>
          <div>
            <dt>{t('crypto.label')}</dt>
            <dd>
              <CryptoStatus />
            </dd>
          </div>
        </dl>
        <p className="form__status" role="status" data-testid="settings-save-state">
          {saveState === 'saved' ? t('saved') : saveState === 'failed' ? t('errors.settingsSave', { ns: 'common' }) : ''}
        </p>
      </div>
      <ChangePassphrase />
    </section>
  );
}
