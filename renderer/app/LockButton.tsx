/** Locks the vault at once: keys wiped in the worker, back to the unlock screen. */
import { useTranslation } from 'react-i18next';
import { lockVault } from '../core-ui/lock';

export function LockButton() {
  const { t } = useTranslation();
  return (
    <button type="button" className="button lock-button" data-testid="lock" onClick={lockVault}>
      {t('lock')}
    </button>
  );
}
