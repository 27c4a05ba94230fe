/**
 * The sandboxed preload: exposes one frozen object with one method per capability (see the bridge table in
 * electron/common). The renderer never sees ipcRenderer, and can call no channel that is not in the contract.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_GLOBAL, BRIDGE_METHODS, type LiaisonBridge } from '../common/ipc/bridge';

const bridge = Object.fromEntries(
  Object.entries(BRIDGE_METHODS).map(([method, channel]) => [method, (...args: unknown[]) => ipcRenderer.invoke(channel, ...args)]),
) as unknown as LiaisonBridge;

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, Object.freeze(bridge));
