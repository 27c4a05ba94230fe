/** Live feedback on a new passphrase: a 0-4 meter with its name, and whether a vault will accept it. */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { PassphraseStrength } from '../../../electron/common/passphrase/strength';

export function StrengthMeter(props: { strength: PassphraseStrength }) {
  const { t } = useTranslation();
  const ids = { label: useId(), level: useId() };
  const { score, acceptable } = props.strength;
  return (
    <div className="strength" data-testid="passphrase-strength" data-score={score} data-acceptable={acceptable}>
      <span id={ids.label}>{t('passphrase.strength')}</span>
      <meter min={0} max={4} low={2} high={3} optimum={4} value={score} aria-labelledby={`${ids.label} ${ids.level}`} />
      <span id={ids.level} className="strength__level">
        {t(`passphrase.score.${score}`)}
      </span>
      <span className="strength__verdict" data-acceptable={acceptable}>
        {acceptable ? t('passphrase.acceptable') : t('passphrase.notAcceptable')}
      </span>
    </div>
  );
}
