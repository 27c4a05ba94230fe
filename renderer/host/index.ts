/** Picks the host: the preload's bridge when it is there (Electron), browser storage otherwise. */
import { BRIDGE_GLOBAL, type LiaisonBridge } from '../../electron/common/ipc/bridge';
import { createBrowserHost, profileFromLocation } from './browser-host';
import { createDesktopHost } from './desktop-host';
import type { Host } from './host';

export type { Host } from './host';

export async function getHost(): Promise<Host> {
  const bridge = (window as unknown as Record<string, LiaisonBridge | undefined>)[BRIDGE_GLOBAL];
  if (bridge) return createDesktopHost(bridge);
  return createBrowserHost(window.localStorage, profileFromLocation(window.location.search));
}
