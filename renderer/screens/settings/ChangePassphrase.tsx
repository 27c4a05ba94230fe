/** A new passphrase for the vault. The core re-wraps the data key only; nothing else is re-encrypted. */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { NewPassphraseFields } from '../../components/passphrase/NewPassphraseFields';
import { usePassphraseChoice } from '../../components/passphrase/usePassphraseChoice';
import { getCore } from '../../core/client';
import { ErrorMessage } from '../../core-ui/ErrorMessage';
import { useCoreAction } from '../../core-ui/useCoreAction';

export function ChangePassphrase() {
  const { t } = useTranslation('settings');
  const ids = { title: useId(), current: useId() };
  const [current, setCurrent] = useState('');
  const [changed, setChanged] = useState(false);
  const next = usePassphraseChoice();
  const action = useCoreAction();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setChanged(false);
    const outcome = await action.run(() => getCore().changePassphrase(current, next.passphrase));
    setCurrent('');
    if (outcome.ok) {
      next.reset();
      setChanged(true);
    }
  };

  return (
    <section className="panel" aria-labelledby={ids.title}>
      <h2 id={ids.title} className="panel__title">
        {t('passphrase.title')}
      </h2>
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        <div className="form__field">
          <label htmlFor={ids.current}>{t('passphrase.current')}</label>
          <input
            id={ids.current}
            type="password"
            autoComplete="off"
            data-testid="change-passphrase-current"
            value={current}
            onChange={(event) => setCurrent(event.target.value)}
          />
        </div>
        <NewPassphraseFields choice={next} />
        <ErrorMessage error={action.error} testId="change-passphrase-error" />
        <p className="form__status" role="status" data-testid="change-passphrase-result">
          {changed ? t('passphrase.changed') : ''}
        </p>
        <div className="form__actions">
          <button
            type="submit"
            className="button button--primary"
            data-testid="change-passphrase-submit"
            disabled={action.pending || current === '' || !next.ready}
          >
            {t('passphrase.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
