/** The interface language, changeable on every screen before the app itself opens (onboarding, unlock, enrolment). */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../electron/common/settings';
import { useSettings } from '../settings/SettingsContext';

export function LanguageSwitcher() {
  const { t } = useTranslation('settings');
  const { settings, update } = useSettings();
  const id = useId();
  const choose = (language: Language) =>
    update({ language }).catch((error: unknown) => console.error('the language could not be saved', error));
  return (
    <div className="language-switcher">
      <label htmlFor={id}>{t('language.label')}</label>
      <select
        id={id}
        data-testid="language-switcher"
        value={settings.language}
        onChange={(event) => void choose(event.target.value as Language)}
      >
        {LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {t(`languageName.${language}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
