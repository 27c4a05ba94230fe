/** The host the window runs in, for the few screens that ask it something beyond settings (the local relay). */
import { createContext, useContext, type PropsWithChildren } from 'react';
import type { Host } from './host';

const HostContext = createContext<Host | null>(null);

export function HostProvider(props: PropsWithChildren<{ host: Host }>) {
  return <HostContext.Provider value={props.host}>{props.children}</HostContext.Provider>;
}

export function useHost(): Host {
  const host = useContext(HostContext);
  if (!host) throw new Error('useHost outside HostProvider');
  return host;
}
