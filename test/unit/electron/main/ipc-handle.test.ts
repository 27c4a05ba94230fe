import type { IpcMainInvokeEvent } from 'electron';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, SettingsSchema } from '../../../../electron/common/settings';
import { createIpcRegistry, isTrustedSender, type IpcMainLike } from '../../../../electron/main/ipc-handle';

type Listener = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;

/** Stands in for Electron's ipcMain: keeps the registered listeners so a test can call them as the renderer would. */
function fakeIpcMain() {
  const listeners = new Map<string, Listener>();
  const ipcMain: IpcMainLike = { handle: (channel, listener) => void listeners.set(channel, listener) };
  const invoke = (channel: string, event: IpcMainInvokeEvent, ...args: unknown[]) => Promise.resolve(listeners.get(channel)!(event, ...args));
  return { ipcMain, invoke, listeners };
}

const WINDOW_ID = 7;
const frameEvent = (url: string, options: { senderId?: number; parent?: object | null } = {}) =>
  ({ sender: { id: options.senderId ?? WINDOW_ID }, senderFrame: { url, parent: options.parent ?? null } }) as unknown as IpcMainInvokeEvent;

describe('isTrustedSender', () => {
  const trusted = (event: IpcMainInvokeEvent) => isTrustedSender(event, () => WINDOW_ID);

  it("accepts the app's own top-level frame", () => {
    expect(trusted(frameEvent('app://liaison/index.html'))).toBe(true);
  });

  it('refuses other origins, look-alike origins, subframes, other windows and missing frames', () => {
    expect(trusted(frameEvent('https://evil.example/'))).toBe(false);
    expect(trusted(frameEvent('app://liaison.evil.example/'))).toBe(false);
    expect(trusted(frameEvent('file:///etc/passwd'))).toBe(false);
    expect(trusted(frameEvent('app://liaison/', { parent: {} }))).toBe(false);
    expect(trusted(frameEvent('app://liaison/', { senderId: 99 }))).toBe(false);
    expect(trusted({ sender: { id: WINDOW_ID }, senderFrame: null } as unknown as IpcMainInvokeEvent)).toBe(false);
  });
});

describe('the IPC handle() wrapper', () => {
  function registry() {
    const fake = fakeIpcMain();
    const calls: unknown[] = [];
    const ipc = createIpcRegistry(fake.ipcMain, (event) => isTrustedSender(event, () => WINDOW_ID));
    ipc.handle('settings:update', (patch) => {
      calls.push(patch);
      return SettingsSchema.parse({ ...DEFAULT_SETTINGS, ...patch });
    });
    return { ...fake, calls };
  }
  const appFrame = frameEvent('app://liaison/');

  it('runs the implementation for a trusted sender with valid arguments', async () => {
    const { invoke, calls } = registry();
    await expect(invoke('settings:update', appFrame, { language: 'ar' })).resolves.toMatchObject({ language: 'ar' });
    expect(calls).toEqual([{ language: 'ar' }]);
  });

  it('refuses a foreign sender without running the implementation', async () => {
    const { invoke, calls } = registry();
    await expect(invoke('settings:update', frameEvent('https://evil.example/'), { language: 'ar' })).rejects.toThrow('ipc.foreignSender');
    expect(calls).toEqual([]);
  });

  it('refuses bad arguments without running the implementation', async () => {
    const { invoke, calls } = registry();
    for (const args of [[], [{ language: 'fr' }], [{ autoLockMinutes: 0 }], [{ relayUrl: 'http://evil.example' }], [{ extra: 1 }], [{}, 'second'], ['text']]) {
      await expect(invoke('settings:update', appFrame, ...args), JSON.stringify(args)).rejects.toThrow('ipc.badArguments');
    }
    expect(calls).toEqual([]);
  });

  it('hides an implementation failure behind a stable code', async () => {
    const fake = fakeIpcMain();
    const ipc = createIpcRegistry(fake.ipcMain, () => true);
    ipc.handle('settings:get', () => {
      throw new Error('disk path /home/secret/settings.json unreadable');
    });
    const originalError = console.error;
    console.error = () => {};
    try {
      await expect(fake.invoke('settings:get', appFrame)).rejects.toThrow(/^ipc\.failed$/);
    } finally {
      console.error = originalError;
    }
  });
});
