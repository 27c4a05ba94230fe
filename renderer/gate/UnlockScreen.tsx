/** The vault is locked: the passphrase opens it. Wrong attempts get a translated error, and slow down further ones. */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { getCore } from '../core/client';
import { ErrorMessage } from '../core-ui/ErrorMessage';
import { useCoreAction } from '../core-ui/useCoreAction';
import { GateLayout } from './GateLayout';

export function UnlockScreen() {
  const { t } = useTranslation('gate');
  const id = useId();
  const [passphrase, setPassphrase] = useState('');
  const action = useCoreAction();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await action.run(() => getCore().unlock(passphrase));
    // Success brings the app (the core reports the new status); either way the passphrase is not kept around.
    setPassphrase('');
  };

  return (
    <GateLayout title={t('unlock.title')} testId="unlock-screen">
      <p>{t('unlock.intro')}</p>
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        <div className="form__field">
          <label htmlFor={id}>{t('unlock.passphrase')}</label>
          <input
            id={id}
            type="password"
            autoComplete="off"
            data-testid="unlock-passphrase"
            value={passphrase}
            onChange={(event) => setPassphrase(event.target.value)}
          />
        </div>
        <ErrorMessage error={action.error} testId="unlock-error" />
        <div className="form__actions">
          <button type="submit" className="button button--primary" data-testid="unlock-submit" disabled={action.pending || passphrase === ''}>
            {action.pending ? t('unlock.unlocking') : t('unlock.submit')}
          </button>
        </div>
      </form>
    </GateLayout>
  );
}
