/** The terminology the safety checks use here: the shipped glossary and gazetteer, with the channel's entries over them. */
import { useMemo } from 'react';
import { channelTerminology, type Terminology } from '../../../electron/common/translation/terminology';
import { useGlossary } from '../../core-ui/queries';

export function useTerminology(): Terminology {
  const { data } = useGlossary();
  return useMemo(() => channelTerminology(data ?? []), [data]);
}
