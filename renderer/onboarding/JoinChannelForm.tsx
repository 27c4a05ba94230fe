/**
 * A post's device joins the channel the desk created: it makes its keys, asks the desk to enrol it (post, roles,
 * name), and then waits for the desk's approval with its fingerprint on screen.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Post, Role } from '../../electron/common/protocol/schemas';
import { NewPassphraseFields } from '../components/passphrase/NewPassphraseFields';
import { usePassphraseChoice } from '../components/passphrase/usePassphraseChoice';
import { TextField } from '../components/TextField';
import { getCore } from '../core/client';
import { useCoreAction } from '../core-ui/useCoreAction';
import { useSettings } from '../settings/SettingsContext';
import { OnboardingForm } from './OnboardingForm';
import { PostRolesFields } from './PostRolesFields';
import { useLocalRelay } from './useLocalRelay';

export function JoinChannelForm(props: { onBack: () => void }) {
  const { t } = useTranslation('gate');
  const { settings } = useSettings();
  const [relayUrl, setRelayUrl] = useState(settings.relayUrl);
  const [channelKey, setChannelKey] = useState('');
  const [post, setPost] = useState<Post | null>(null);
  const [roles, setRoles] = useState<readonly Role[]>(['officer']);
  const [deviceName, setDeviceName] = useState('');
  const passphrase = usePassphraseChoice();
  const action = useCoreAction();

  useLocalRelay((relay) => setRelayUrl((current) => (current === settings.relayUrl ? relay.url : current)));

  const submit = async () => {
    if (post === null) return;
    const outcome = await action.run(() =>
      getCore().joinChannel({
        relayUrl: relayUrl.trim(),
        channelKey,
        post,
        roles,
        deviceName: deviceName.trim(),
        passphrase: passphrase.passphrase,
      }),
    );
    if (outcome.ok) passphrase.reset();
  };

  return (
    <OnboardingForm
      title={t('onboarding.join.title')}
      intro={t('onboarding.join.intro')}
      testId="onboarding-join-form"
      submitLabel={t('onboarding.join.submit')}
      canSubmit={passphrase.ready && post !== null && roles.length > 0}
      action={action}
      onSubmit={submit}
      onBack={props.onBack}
    >
      <TextField label={t('onboarding.relayUrl')} hint={t('onboarding.relayUrlHint')} value={relayUrl} onChange={setRelayUrl} testId="onboarding-relay-url" dir="ltr" inputMode="url" />
      <TextField label={t('onboarding.join.channelKey')} hint={t('onboarding.join.channelKeyHint')} value={channelKey} onChange={setChannelKey} testId="onboarding-channel-key" dir="ltr" />
      <PostRolesFields post={post} roles={roles} onPost={setPost} onRoles={setRoles} />
      <TextField label={t('onboarding.deviceName')} hint={t('onboarding.deviceNameHint')} value={deviceName} onChange={setDeviceName} testId="onboarding-device-name" dir="auto" />
      <NewPassphraseFields choice={passphrase} />
    </OnboardingForm>
  );
}
