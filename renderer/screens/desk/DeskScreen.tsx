/**
 * The Desk section. At the U.S. desk: what to hand to joining posts, the line checks, the enrolment requests to approve or refuse, and
 * the channel's devices. At a post the section stays (the same navigation everywhere) and shows the devices only.
 */
import { useTranslation } from 'react-i18next';
import { DESK_POST } from '../../../electron/common/protocol/schemas';
import type { Identity } from '../../core/api';
import { LineCheckPanel } from '../../line-checks/LineCheckPanel';
import { ChannelHandout } from './ChannelHandout';
import { DeviceList } from './DeviceList';
import { PendingEnrolmentList } from './PendingEnrolmentList';
import { PolicyPanel } from './PolicyPanel';

export function DeskScreen(props: { identity: Identity }) {
  const { t } = useTranslation('desk');
  const atDesk = props.identity.post === DESK_POST;
  return (
    <section className="screen" aria-labelledby="screen-title">
      <h1 id="screen-title" className="screen__title">
        {t('desk.title', { ns: 'screens' })}
      </h1>
      <p>{atDesk ? t('introDesk') : t('introPost')}</p>
      {atDesk && <ChannelHandout identity={props.identity} />}
      {atDesk && <LineCheckPanel />}
      {atDesk && <PolicyPanel />}
      {atDesk && <PendingEnrolmentList />}
      <DeviceList ownDeviceId={props.identity.deviceId} />
    </section>
  );
}
