/** Asks the host once for a relay started on this machine, and hands it to `onFound` if there is one. */
import { useEffect, useEffectEvent } from 'react';
import type { LocalRelay } from '../../electron/common/ipc/contract';
import { useHost } from '../host/HostContext';

export function useLocalRelay(onFound: (relay: LocalRelay) => void): void {
  const host = useHost();
  const found = useEffectEvent(onFound);
  useEffect(() => {
    let live = true;
    void host.localRelay().then((relay) => {
      if (live && relay) found(relay);
    });
    return () => {
      live = false;
    };
  }, [host]);
}
