/** Turns a failed core call into a sentence in the interface language. */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { errorTranslation } from './error-translation';

export function useCoreErrorText(): (error: unknown) => string {
  const { t } = useTranslation('errors');
  return useCallback(
    (error: unknown) => {
      const { key, params } = errorTranslation(error);
      return t(key, params);
    },
    [t],
  );
}
