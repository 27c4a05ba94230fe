/** Choosing a passphrase: the passphrase with its strength, and the confirmation, which must match. */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { StrengthMeter } from './StrengthMeter';
import type { PassphraseChoice } from './usePassphraseChoice';

export function NewPassphraseFields(props: { choice: PassphraseChoice }) {
  const { t } = useTranslation();
  const { choice } = props;
  const ids = { passphrase: useId(), requirement: useId(), confirmation: useId(), mismatch: useId() };
  const mismatch = choice.confirmation !== '' && !choice.matches;
  return (
    <>
      <div className="form__field">
        <label htmlFor={ids.passphrase}>{t('passphrase.new')}</label>
        <input
          id={ids.passphrase}
          type="password"
          autoComplete="off"
          data-testid="passphrase-new"
          aria-describedby={ids.requirement}
          value={choice.passphrase}
          onChange={(event) => choice.setPassphrase(event.target.value)}
        />
        <p id={ids.requirement} className="form__hint">
          {t('passphrase.requirement')}
        </p>
        <StrengthMeter strength={choice.strength} />
      </div>
      <div className="form__field">
        <label htmlFor={ids.confirmation}>{t('passphrase.confirm')}</label>
        <input
          id={ids.confirmation}
          type="password"
          autoComplete="off"
          data-testid="passphrase-confirm"
          aria-describedby={ids.mismatch}
          aria-invalid={mismatch}
          value={choice.confirmation}
          onChange={(event) => choice.setConfirmation(event.target.value)}
        />
        <p id={ids.mismatch} className="form__hint" aria-live="polite" data-testid="passphrase-mismatch">
          {mismatch ? t('passphrase.mismatch') : ''}
        </p>
      </div>
    </>
  );
}
