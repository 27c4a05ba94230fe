/**
 * The translation resources, bundled at build time (no network fetch), and the type that makes `t('...')` a compile
 * error for any key the English files do not have.
 */
import arAlarms from '../../locales/ar/alarms.json';
import arCommon from '../../locales/ar/common.json';
import arDesk from '../../locales/ar/desk.json';
import arErrors from '../../locales/ar/errors.json';
import arGate from '../../locales/ar/gate.json';
import arLocation from '../../locales/ar/location.json';
import arMessages from '../../locales/ar/messages.json';
import arScreens from '../../locales/ar/screens.json';
import arSettings from '../../locales/ar/settings.json';
import arTranslation from '../../locales/ar/translation.json';
import enAlarms from '../../locales/en/alarms.json';
import enCommon from '../../locales/en/common.json';
import enDesk from '../../locales/en/desk.json';
import enErrors from '../../locales/en/errors.json';
import enGate from '../../locales/en/gate.json';
import enLocation from '../../locales/en/location.json';
import enMessages from '../../locales/en/messages.json';
import enScreens from '../../locales/en/screens.json';
import enSettings from '../../locales/en/settings.json';
import enTranslation from '../../locales/en/translation.json';
import heAlarms from '../../locales/he/alarms.json';
import heCommon from '../../locales/he/common.json';
import heDesk from '../../locales/he/desk.json';
import heErrors from '../../locales/he/errors.json';
import heGate from '../../locales/he/gate.json';
import heLocation from '../../locales/he/location.json';
import heMessages from '../../locales/he/messages.json';
import heScreens from '../../locales/he/screens.json';
import heSettings from '../../locales/he/settings.json';
import heTranslation from '../../locales/he/translation.json';

export const NAMESPACES = ['common', 'screens', 'settings', 'gate', 'messages', 'desk', 'alarms', 'errors', 'location', 'translation'] as const;
export const DEFAULT_NAMESPACE = 'common';

export const englishResources = {
  common: enCommon,
  screens: enScreens,
  settings: enSettings,
  gate: enGate,
  messages: enMessages,
  desk: enDesk,
  alarms: enAlarms,
  errors: enErrors,
  location: enLocation,
  translation: enTranslation,
};

export const resources = {
  en: englishResources,
  he: {
    common: heCommon,
    screens: heScreens,
    settings: heSettings,
    gate: heGate,
    messages: heMessages,
    desk: heDesk,
    alarms: heAlarms,
    errors: heErrors,
    location: heLocation,
    translation: heTranslation,
  },
  ar: {
    common: arCommon,
    screens: arScreens,
    settings: arSettings,
    gate: arGate,
    messages: arMessages,
    desk: arDesk,
    alarms: arAlarms,
    errors: arErrors,
    location: arLocation,
    translation: arTranslation,
  },
} as const;

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: typeof DEFAULT_NAMESPACE;
    resources: typeof englishResources;
    strictKeyChecks: true;
  }
}
