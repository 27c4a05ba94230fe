/**
 * The bridge object the preload exposes to the renderer. Kept apart from the zod schemas so the sandboxed preload
 * bundles only this table, not the validation library.
 */
import type { IpcArgs, IpcChannel, IpcResult } from './contract';

/** One method per capability, named for what it does rather than for its channel. */
export interface LiaisonBridge {
  readonly getSettings: () => Promise<IpcResult<'settings:get'>>;
  readonly updateSettings: (...args: IpcArgs<'settings:update'>) => Promise<IpcResult<'settings:update'>>;
  readonly getAppInfo: () => Promise<IpcResult<'app:info'>>;
  readonly getLocalRelay: () => Promise<IpcResult<'relay:local'>>;
  readonly notifyUrgent: (...args: IpcArgs<'notify:urgent'>) => Promise<IpcResult<'notify:urgent'>>;
}

/** Which channel each bridge method calls: the preload builds the bridge from this table alone. */
export const BRIDGE_METHODS = {
  getSettings: 'settings:get',
  updateSettings: 'settings:update',
  getAppInfo: 'app:info',
  getLocalRelay: 'relay:local',
  notifyUrgent: 'notify:urgent',
} as const satisfies Record<keyof LiaisonBridge, IpcChannel>;

/** The bridge is `window.liaison`. */
export const BRIDGE_GLOBAL = 'liaison';

/** The origin the renderer is served from inside the desktop app; main trusts IPC only from frames of this origin. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'liaison';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
