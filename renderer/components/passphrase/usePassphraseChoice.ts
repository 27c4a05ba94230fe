/** A new passphrase being chosen: the two entries, how strong it is, and whether the form may go ahead with it. */
import { useMemo, useState } from 'react';
import { passphraseStrength, type PassphraseStrength } from '../../../electron/common/passphrase/strength';

export interface PassphraseChoice {
  readonly passphrase: string;
  readonly confirmation: string;
  readonly strength: PassphraseStrength;
  /** The confirmation is typed and equals the passphrase. */
  readonly matches: boolean;
  /** Strong enough for a vault and confirmed: the form may submit it. */
  readonly ready: boolean;
  setPassphrase(value: string): void;
  setConfirmation(value: string): void;
  /** Forgets both entries (after they were used). */
  reset(): void;
}

export function usePassphraseChoice(): PassphraseChoice {
  const [passphrase, setPassphrase] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const strength = useMemo(() => passphraseStrength(passphrase), [passphrase]);
  const matches = confirmation !== '' && confirmation === passphrase;
  return {
    passphrase,
    confirmation,
    strength,
    matches,
    ready: strength.acceptable && matches,
    setPassphrase,
    setConfirmation,
    reset: () => {
      setPassphrase('');
      setConfirmation('');
    },
  };
}
