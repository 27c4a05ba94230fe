/** First start: this device either creates the channel (the U.S. desk) or joins one the desk created. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GateLayout } from '../gate/GateLayout';
import { CreateChannelForm } from './CreateChannelForm';
import { JoinChannelForm } from './JoinChannelForm';

type OnboardingPath = 'choose' | 'create' | 'join';

export function Onboarding() {
  const { t } = useTranslation('gate');
  const [path, setPath] = useState<OnboardingPath>('choose');
  const back = () => setPath('choose');
  if (path === 'create') return <CreateChannelForm onBack={back} />;
  if (path === 'join') return <JoinChannelForm onBack={back} />;
  return (
    <GateLayout title={t('onboarding.title')} testId="onboarding">
      <p>{t('onboarding.intro')}</p>
      <div className="choices">
        <button type="button" className="choice" data-testid="onboarding-create" onClick={() => setPath('create')}>
          <span className="choice__title">{t('onboarding.create.choice')}</span>
          <span className="choice__body">{t('onboarding.create.choiceBody')}</span>
        </button>
        <button type="button" className="choice" data-testid="onboarding-join" onClick={() => setPath('join')}>
          <span className="choice__title">{t('onboarding.join.choice')}</span>
          <span className="choice__body">{t('onboarding.join.choiceBody')}</span>
        </button>
      </div>
    </GateLayout>
  );
}
