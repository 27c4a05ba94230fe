/**
 * The IPC contract between the renderer and the main process, declared once. Main registers a handler per channel
 * through one validating wrapper; the preload exposes one method per channel. Nothing else crosses the boundary.
 *
 * Each channel names its argument schema (validated in main, since the renderer is not trusted) and its result schema
 * (validated in the renderer's host adapter before use).
 */
import { z } from 'zod';
import { RelayUrlSchema, SettingsPatchSchema, SettingsSchema } from '../settings';

export const AppInfoSchema = z
  .object({
    name: z.string(),
    version: z.string(),
    platform: z.string(),
    profile: z.string(),
  })
  .strict();
export type AppInfo = Readonly<z.infer<typeof AppInfoSchema>>;

/** The relay the desktop shell started on this machine: its address, and its one-time bind token while unbound. */
export const LocalRelaySchema = z.object({ url: RelayUrlSchema, bindToken: z.string().min(1).max(128).nullable() }).strict();
export type LocalRelay = Readonly<z.infer<typeof LocalRelaySchema>>;

const NoArguments = z.tuple([]);

/**
 * An OS notification for an urgent message. Only a title, already translated, and never the message's words: an
 * operating system may keep its notifications on disk, where no message text may go.
 */
export const UrgentNoticeSchema = z.object({ title: z.string().min(1).max(200) }).strict();
export type UrgentNotice = Readonly<z.infer<typeof UrgentNoticeSchema>>;

export const IPC_CONTRACT = {
  'settings:get': { args: NoArguments, result: SettingsSchema },
  'settings:update': { args: z.tuple([SettingsPatchSchema]), result: SettingsSchema },
  'app:info': { args: NoArguments, result: AppInfoSchema },
  'relay:local': { args: NoArguments, result: LocalRelaySchema.nullable() },
  'notify:urgent': { args: z.tuple([UrgentNoticeSchema]), result: z.boolean() },
} as const;

export type IpcChannel = keyof typeof IPC_CONTRACT;
export type IpcArgs<C extends IpcChannel> = z.infer<(typeof IPC_CONTRACT)[C]['args']>;
export type IpcResult<C extends IpcChannel> = z.infer<(typeof IPC_CONTRACT)[C]['result']>;

export const IPC_CHANNELS = Object.keys(IPC_CONTRACT) as IpcChannel[];
