/**
 * A device's key fingerprint, as two people read it to each other: six groups of five digits, in the reader's digit
 * style, as one left-to-right isolate so the groups never reorder inside right-to-left text.
 */
import { toDigitStyle } from '../../electron/common/digits';
import { useSettings } from '../settings/SettingsContext';
import { Ltr } from './Ltr';

export function Fingerprint(props: { value: string; testId?: string; className?: string }) {
  const { settings } = useSettings();
  return (
    <Ltr className={`fingerprint ${props.className ?? ''}`.trim()} testId={props.testId}>
      {toDigitStyle(props.value, settings.digitStyle)}
    </Ltr>
  );
}
