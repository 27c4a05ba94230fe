/** Every device of the channel, from the verified directory, with whether its certificate holds. */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Fingerprint } from '../../components/Fingerprint';
import { useListFormat } from '../../components/useListFormat';
import { ErrorMessage } from '../../core-ui/ErrorMessage';
import { useDevices } from '../../core-ui/queries';

export function DeviceList(props: { ownDeviceId: string }) {
  const { t } = useTranslation('desk');
  const list = useListFormat();
  const titleId = useId();
  const { data: devices, error } = useDevices();
  return (
    <section className="panel" aria-labelledby={titleId} data-testid="device-list">
      <h2 id={titleId} className="panel__title">
        {t('devices.title')}
      </h2>
      <ErrorMessage error={error} testId="device-list-error" />
      {devices?.length === 0 && <p>{t('devices.none')}</p>}
      {devices !== undefined && devices.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('devices.name')}</th>
              <th scope="col">{t('devices.post')}</th>
              <th scope="col">{t('devices.roles')}</th>
              <th scope="col">{t('devices.fingerprint')}</th>
              <th scope="col">{t('devices.status')}</th>
            </tr>
          </thead>
          <tbody>
            {devices.map((device) => (
              <tr key={device.deviceId} data-testid={`device-${device.deviceId}`} data-status={device.status}>
                <td>
                  <bdi>{device.name}</bdi>
                  {device.deviceId === props.ownDeviceId && <span className="badge">{t('devices.thisDevice')}</span>}
                </td>
                <td>{t(`post.${device.post}`, { ns: 'common' })}</td>
                <td>{list(device.roles.map((role) => t(`role.${role}`, { ns: 'common' })))}</td>
                <td>
                  <Fingerprint value={device.fingerprint} />
                </td>
                <td>{t(`devices.state.${device.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
