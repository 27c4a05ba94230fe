/** The particulars of one alarm (which device, which log index, which refusal), as a list of labelled values. */
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../electron/common/digits';
import type { Alarm } from '../core/api';
import { useSettings } from '../settings/SettingsContext';
import { detailValue, isLabelledDetail, type DetailValue } from './alarm-detail';

function DetailText(props: { value: DetailValue }) {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const { value } = props;
  switch (value.kind) {
    case 'post':
      return <>{t(`post.${value.post}`)}</>;
    case 'error':
      return <>{t(value.code, { ns: 'errors' })}</>;
    case 'number':
      return <bdi dir="ltr">{formatNumber(value.value, settings.digitStyle)}</bdi>;
    case 'text':
      return <bdi>{value.text}</bdi>;
  }
}

export function AlarmDetail(props: { detail: Alarm['detail'] }) {
  const { t } = useTranslation('alarms');
  const entries = Object.entries(props.detail);
  if (entries.length === 0) return null;
  return (
    <dl className="alarm__detail">
      {entries.map(([name, value]) => (
        <div key={name}>
          <dt>{isLabelledDetail(name) ? t(`detail.${name}`) : <bdi>{name}</bdi>}</dt>
          <dd>
            <DetailText value={detailValue(name, value)} />
          </dd>
        </div>
      ))}
    </dl>
  );
}
