/**
 * The message's translations beside its original (DESIGN §3): each in its own language and direction, labelled with
 * its stage. Anything not certified is marked as such, with the reminder that the original is authoritative; a
 * certification over failed checks shows the certifier's reasons; a review every client refused shows why.
 */
import { useTranslation } from 'react-i18next';
import { directionOf } from '../../../electron/common/settings';
import { Timestamp } from '../../components/Timestamp';
import type { MessageSummary } from '../../core/api';
import type { TranslationSummary } from '../../core/messages/translation-view';

export function TranslationsView(props: { message: MessageSummary }) {
  const shown = props.message.translations.filter((translation) => translation.stage !== 'draft');
  return (
    <>
      {shown.map((translation) => (
        <TranslationColumn key={translation.lang} translation={translation} />
      ))}
    </>
  );
}

function TranslationColumn(props: { translation: TranslationSummary }) {
  const { t } = useTranslation('translation');
  const { translation } = props;
  const certified = translation.stage === 'certified';
  const language = t(`languageInText.${translation.lang}`, { ns: 'settings' });
  return (
    <section
      className={certified ? 'message-view__translation' : 'message-view__translation message-view__translation--uncertified'}
      aria-labelledby={`translation-${translation.lang}`}
      data-testid={`view-translation-${translation.lang}`}
      data-stage={translation.stage}
    >
      <h2 id={`translation-${translation.lang}`}>
        {language} <span className={certified ? 'badge badge--certified' : 'badge badge--uncertified'} data-testid={`view-translation-${translation.lang}-stage`}>{t(`stage.${translation.stage}`)}</span>
      </h2>
      {!certified && (
        <p className="form__hint" data-testid={`view-translation-${translation.lang}-warning`}>
          {t('view.uncertified')}
        </p>
      )}
      <div lang={translation.lang} dir={directionOf(translation.lang)}>
        <p className="message-view__translation-subject" data-testid={`view-translation-${translation.lang}-subject`}>
          {translation.subject}
        </p>
        <p className="message-view__body" data-testid={`view-translation-${translation.lang}-body`}>
          {translation.body}
        </p>
      </div>
      <p className="form__hint">
        <span>{t('view.translatedBy')}</span> <bdi>{translation.translator.deviceName}</bdi> <Timestamp at={translation.translator.at} />
      </p>
      {translation.review && (
        <p className="form__hint" data-testid={`view-translation-${translation.lang}-review`}>
          <span>{certified ? t('view.certifiedBy') : t('view.returnedBy')}</span> <bdi>{translation.review.deviceName}</bdi> <Timestamp at={translation.review.at} />
        </p>
      )}
      {translation.review?.comment && (
        <p>
          <span>{t('view.comment')}</span> <bdi dir="auto">{translation.review.comment}</bdi>
        </p>
      )}
      {translation.review?.overrides.map((override) => (
        <p key={override.check} className="form__hint" data-testid="view-translation-override">
          <span>{t('view.override', { check: t(`check.${override.check}`) })}</span> <bdi dir="auto">{override.reason}</bdi>
        </p>
      ))}
      {translation.refused.map((refusal, i) => (
        <p key={i} className="error" data-testid="view-translation-refused">
          {t(`refused.${refusal.reason}`, { name: `\u2068${refusal.deviceName}\u2069` })}
        </p>
      ))}
    </section>
  );
}
