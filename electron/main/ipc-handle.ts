/**
 * The only place main listens to the renderer. `handle()` registers a channel of the IPC contract and, on every call,
 * checks that the sender is the app's own top-level frame and that the arguments match the channel's schema before the
 * implementation runs. Raw `ipcMain.handle` is used nowhere else.
 */
import type { IpcMainInvokeEvent } from 'electron';
import { IPC_CONTRACT, type IpcArgs, type IpcChannel, type IpcResult } from '../common/ipc/contract';
import { APP_ORIGIN } from '../common/ipc/bridge';

/** Stable codes: the renderer sees only these in the rejection's message, never a stack or internal detail. */
export type IpcRefusalCode = 'ipc.foreignSender' | 'ipc.badArguments' | 'ipc.failed';

export class IpcRefusal extends Error {
  constructor(readonly code: IpcRefusalCode) {
    super(code);
    this.name = 'IpcRefusal';
  }
}

type Implementation<C extends IpcChannel> = (...args: IpcArgs<C>) => IpcResult<C> | Promise<IpcResult<C>>;

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown): void;
}

/** True when the call comes from the top-level frame of the app's own origin in the expected window. */
export function isTrustedSender(event: IpcMainInvokeEvent, trustedWebContentsId: () => number | undefined): boolean {
  const frame = event.senderFrame;
  if (!frame || event.sender.id !== trustedWebContentsId()) return false;
  if (frame.parent !== null) return false;
  return originOf(frame.url) === APP_ORIGIN;
}

export function createIpcRegistry(ipcMain: IpcMainLike, isTrusted: (event: IpcMainInvokeEvent) => boolean) {
  return {
    handle<C extends IpcChannel>(channel: C, implementation: Implementation<C>): void {
      const schema = IPC_CONTRACT[channel];
      ipcMain.handle(channel, async (event, ...rawArgs) => {
        if (!isTrusted(event)) throw new IpcRefusal('ipc.foreignSender');
        const parsed = schema.args.safeParse(rawArgs);
        if (!parsed.success) throw new IpcRefusal('ipc.badArguments');
        try {
          return schema.result.parse(await implementation(...(parsed.data as IpcArgs<C>)));
        } catch (error) {
          // Details stay in main's log; the renderer learns only that the call failed.
          console.error(`[ipc] ${channel} failed:`, error);
          throw new IpcRefusal('ipc.failed');
        }
      });
    },
  };
}

function originOf(url: string): string | null {
  const match = /^([a-z][a-z0-9+.-]*:\/\/[^/?#]*)/i.exec(url);
  return match ? match[1]!.toLowerCase() : null;
}
