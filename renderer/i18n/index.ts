/**
 * The app's one i18next instance. A key missing from the active language is reported as an error (the end-to-end
 * tests fail on it) and never shown raw: English is the fallback, and the locale tests keep every language complete.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { formatNumber, type DigitStyle } from '../../electron/common/digits';
import { DEFAULT_SETTINGS, directionOf, type Language } from '../../electron/common/settings';
import { DEFAULT_NAMESPACE, NAMESPACES, resources } from './resources';

export const MISSING_KEY_MARKER = 'i18n: missing translation key';

export const i18n = i18next.createInstance();

export async function initI18n(language: Language = DEFAULT_SETTINGS.language): Promise<void> {
  await i18n.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'en',
    ns: [...NAMESPACES],
    defaultNS: DEFAULT_NAMESPACE,
    interpolation: { escapeValue: false }, // React escapes; double escaping would show "&amp;" to users.
    returnNull: false,
    saveMissing: true,
    missingKeyHandler: (languages, namespace, key) => {
      console.error(`${MISSING_KEY_MARKER}: ${namespace}:${key} (${languages.join(',')})`);
    },
  });
  // `{{count, digits}}` in a string shows the number in the user's digit style (pinned, never the locale's default),
  // wrapped in a left-to-right isolate (U+2066 … U+2069) so it cannot reorder inside right-to-left text.
  i18n.services.formatter?.add('digits', (value: unknown) =>
    typeof value === 'number' ? `\u2066${formatNumber(value, digitStyle)}\u2069` : String(value),
  );
  applyDocumentLanguage(language);
}

let digitStyle: DigitStyle = DEFAULT_SETTINGS.digitStyle;

/** The digit style interpolated numbers are shown in; set from the user's settings. */
export function setDigitStyle(style: DigitStyle): void {
  digitStyle = style;
}

/** `<html lang dir>` follows the interface language, so the whole layout mirrors and screen readers switch voice. */
export function applyDocumentLanguage(language: Language): void {
  document.documentElement.lang = language;
  document.documentElement.dir = directionOf(language);
}

export async function changeLanguage(language: Language): Promise<void> {
  await i18n.changeLanguage(language);
  applyDocumentLanguage(language);
}
