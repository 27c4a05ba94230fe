/** Undismissed alarms, impossible to miss: an alert at the top of every screen until each one has been dismissed. */
import { useTranslation } from 'react-i18next';

export function AlarmBanner(props: { count: number; panelOpen: boolean; onShow: () => void }) {
  const { t } = useTranslation('alarms');
  return (
    <section className="alarm-region" aria-label={t('banner.region')}>
      <div className="alarm-banner" role="alert" data-testid="alarm-banner">
        <p>{t('banner.text', { count: props.count })}</p>
        {!props.panelOpen && (
          <button type="button" className="button" data-testid="alarm-show" aria-controls="alarm-panel" aria-expanded={false} onClick={props.onShow}>
            {t('banner.show')}
          </button>
        )}
      </div>
    </section>
  );
}
