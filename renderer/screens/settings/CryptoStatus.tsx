/**
 * Which crypto library the core worker loaded. Asking the worker (not importing libsodium here) proves the whole path:
 * worker start, WebAssembly under the CSP, and the RPC.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CryptoInfo } from '../../core/api';
import { getCore } from '../../core/client';
import { Ltr } from '../../components/Ltr';

export function CryptoStatus() {
  const { t } = useTranslation('settings');
  const [state, setState] = useState<{ info?: CryptoInfo; failed?: boolean }>({});
  useEffect(() => {
    let live = true;
    getCore()
      .cryptoInfo()
      .then((info) => live && setState({ info }))
      .catch((error: unknown) => {
        console.error('core worker: crypto library failed to load', error);
        if (live) setState({ failed: true });
      });
    return () => {
      live = false;
    };
  }, []);
  if (state.failed) return <span role="alert">{t('crypto.failed')}</span>;
  if (!state.info) return <span>{t('crypto.loading')}</span>;
  return (
    <Ltr testId="crypto-version">{t('crypto.version', { version: state.info.version })}</Ltr>
  );
}
