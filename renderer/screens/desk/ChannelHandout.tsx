/** What the desk hands to a joining post, by voice or in writing: the channel key and the relay's address. */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Identity } from '../../core/api';
import { Ltr } from '../../components/Ltr';

export function ChannelHandout(props: { identity: Identity }) {
  const { t } = useTranslation('desk');
  const titleId = useId();
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const { channelKey, relayUrl } = props.identity;
  const copy = () =>
    navigator.clipboard.writeText(channelKey).then(
      () => setCopyState('copied'),
      () => setCopyState('failed'),
    );
  return (
    <section className="panel" aria-labelledby={titleId}>
      <h2 id={titleId} className="panel__title">
        {t('handout.title')}
      </h2>
      <p>{t('handout.intro')}</p>
      <dl className="facts">
        <div>
          <dt>{t('handout.channelKey')}</dt>
          <dd className="handout__value">
            <Ltr testId="channel-key" className="code">
              {channelKey}
            </Ltr>
            <button type="button" className="button" data-testid="channel-key-copy" onClick={() => void copy()}>
              {t('handout.copy')}
            </button>
          </dd>
        </div>
        <div>
          <dt>{t('handout.relayUrl')}</dt>
          <dd>
            <Ltr testId="channel-relay-url" className="code">
              {relayUrl}
            </Ltr>
          </dd>
        </div>
      </dl>
      <p className="form__status" role="status" data-testid="channel-key-copy-state">
        {copyState === 'copied' ? t('handout.copied') : copyState === 'failed' ? t('handout.copyFailed') : ''}
      </p>
    </section>
  );
}
