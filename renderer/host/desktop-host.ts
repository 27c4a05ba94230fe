/** The host inside Electron: every call goes through the preload's bridge, and every answer is validated here. */
import { IPC_CONTRACT } from '../../electron/common/ipc/contract';
import type { LiaisonBridge } from '../../electron/common/ipc/bridge';
import type { Host } from './host';

export async function createDesktopHost(bridge: LiaisonBridge): Promise<Host> {
  const info = IPC_CONTRACT['app:info'].result.parse(await bridge.getAppInfo());
  return {
    kind: 'desktop',
    profile: info.profile,
    readSettings: async () => IPC_CONTRACT['settings:get'].result.parse(await bridge.getSettings()),
    updateSettings: async (patch) => IPC_CONTRACT['settings:update'].result.parse(await bridge.updateSettings(patch)),
    localRelay: async () => IPC_CONTRACT['relay:local'].result.parse(await bridge.getLocalRelay()),
    notifyUrgent: async (title) => IPC_CONTRACT['notify:urgent'].result.parse(await bridge.notifyUrgent({ title })),
  };
}
