/**
 * The translation resources, bundled at build time (no network fetch), and the type that makes `t('...')` a compile
 * error for any key the English files do not have.
 */
import arCommon from '../../locales/ar/common.json';
import arScreens from '../../locales/ar/screens.json';
import arSettings from '../../locales/ar/settings.json';
import enCommon from '../../locales/en/common.json';
import enScreens from '../../locales/en/screens.json';
import enSettings from '../../locales/en/settings.json';
import heCommon from '../../locales/he/common.json';
import heScreens from '../../locales/he/screens.json';
import heSettings from '../../locales/he/settings.json';

export const NAMESPACES = ['common', 'screens', 'settings'] as const;
export const DEFAULT_NAMESPACE = 'common';

export const englishResources = { common: enCommon, screens: enScreens, settings: enSettings };

export const resources = {
  en: englishResources,
  he: { common: heCommon, screens: heScreens, settings: heSettings },
  ar: { common: arCommon, screens: arScreens, settings: arSettings },
} as const;

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: typeof DEFAULT_NAMESPACE;
    resources: typeof englishResources;
    strictKeyChecks: true;
  }
}
