/** Joins a few words as the interface language writes a list ("IL, SY and US"; "IL, SY ו-US"; "IL وSY وUS"). */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

export function useListFormat(): (items: readonly string[]) => string {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useCallback((items) => new Intl.ListFormat(language, { type: 'conjunction' }).format(items), [language]);
}
