/**
 * The U.S. desk creates the channel: this device makes the channel root key and its own keys, and binds a fresh
 * relay to the channel with the one-time token the relay printed. A relay started for this app prefills both.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NewPassphraseFields } from '../components/passphrase/NewPassphraseFields';
import { usePassphraseChoice } from '../components/passphrase/usePassphraseChoice';
import { TextField } from '../components/TextField';
import { getCore } from '../core/client';
import { useCoreAction } from '../core-ui/useCoreAction';
import { useSettings } from '../settings/SettingsContext';
import { OnboardingForm } from './OnboardingForm';
import { useLocalRelay } from './useLocalRelay';

export function CreateChannelForm(props: { onBack: () => void }) {
  const { t } = useTranslation('gate');
  const { settings } = useSettings();
  const [relayUrl, setRelayUrl] = useState(settings.relayUrl);
  const [bindToken, setBindToken] = useState('');
  const [deviceName, setDeviceName] = useState('');
  const passphrase = usePassphraseChoice();
  const action = useCoreAction();

  useLocalRelay((relay) => {
    // Only what the user has not typed yet: the answer may come after they started.
    setRelayUrl((current) => (current === settings.relayUrl ? relay.url : current));
    const token = relay.bindToken;
    if (token !== null) setBindToken((current) => (current === '' ? token : current));
  });

  const submit = async () => {
    const outcome = await action.run(() =>
      getCore().createChannel({
        relayUrl: relayUrl.trim(),
        bindToken: bindToken.trim(),
        deviceName: deviceName.trim(),
        passphrase: passphrase.passphrase,
      }),
    );
    if (outcome.ok) passphrase.reset();
  };

  return (
    <OnboardingForm
      title={t('onboarding.create.title')}
      intro={t('onboarding.create.intro')}
      testId="onboarding-create-form"
      submitLabel={t('onboarding.create.submit')}
      canSubmit={passphrase.ready}
      action={action}
      onSubmit={submit}
      onBack={props.onBack}
    >
      <TextField label={t('onboarding.relayUrl')} hint={t('onboarding.relayUrlHint')} value={relayUrl} onChange={setRelayUrl} testId="onboarding-relay-url" dir="ltr" inputMode="url" />
      <TextField label={t('onboarding.create.bindToken')} hint={t('onboarding.create.bindTokenHint')} value={bindToken} onChange={setBindToken} testId="onboarding-bind-token" dir="ltr" />
      <TextField label={t('onboarding.deviceName')} hint={t('onboarding.deviceNameHint')} value={deviceName} onChange={setDeviceName} testId="onboarding-device-name" dir="auto" />
      <NewPassphraseFields choice={passphrase} />
    </OnboardingForm>
  );
}
