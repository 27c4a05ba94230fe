/**
 * User settings: the one schema for the desktop store (electron-store, in main) and for browser storage (renderer host).
 * Settings hold no secrets and no message content, so they may live unencrypted on disk.
 */
import { z } from 'zod';
import { DIGIT_STYLES } from './digits';

export const LANGUAGES = ['en', 'he', 'ar'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Right-to-left interface languages: the whole layout mirrors for these. */
export const RTL_LANGUAGES: ReadonlySet<Language> = new Set(['he', 'ar']);

export const directionOf = (language: Language): 'rtl' | 'ltr' => (RTL_LANGUAGES.has(language) ? 'rtl' : 'ltr');

/**
 * The relay is reached over WebSocket: wss:// anywhere, plain ws:// only on loopback, where nothing crosses a network.
 * No credentials, query or fragment. Written as one pattern so the JSON schema of the desktop store (which cannot
 * carry code) enforces exactly the same rule as zod does here.
 */
const ANY_HOST = String.raw`\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+`;
const LOOPBACK_HOST = String.raw`localhost|127(?:\.\d{1,3}){3}|\[::1\]`;
export const RELAY_URL_PATTERN = new RegExp(
  String.raw`^(?:wss://(?:${ANY_HOST})|ws://(?:${LOOPBACK_HOST}))(?::\d{1,5})?(?:/[A-Za-z0-9._~/-]*)?$`,
);

export const RelayUrlSchema = z
  .string()
  .max(2048)
  .regex(RELAY_URL_PATTERN, 'relay URL must be wss://, or ws:// on a loopback address')
  .refine((value) => parseRelayUrl(value) !== null, 'relay port must be 1-65535');

export const SettingsSchema = z
  .object({
    language: z.enum(LANGUAGES),
    digitStyle: z.enum(DIGIT_STYLES),
    relayUrl: RelayUrlSchema,
    /** 0 would mean "never lock", which the security model does not allow. */
    autoLockMinutes: z.number().int().min(1).max(240),
  })
  .strict();

export type Settings = Readonly<z.infer<typeof SettingsSchema>>;

/** A change sent from the UI: any subset of the fields, each validated on its own. */
export const SettingsPatchSchema = SettingsSchema.partial().strict();
export type SettingsPatch = Readonly<z.infer<typeof SettingsPatchSchema>>;

export const DEFAULT_RELAY_URL = 'ws://127.0.0.1:8787';

export const DEFAULT_SETTINGS: Settings = {
  language: 'en',
  digitStyle: 'latn',
  relayUrl: DEFAULT_RELAY_URL,
  autoLockMinutes: 10,
};

/** Reads stored settings, falling back field by field to defaults so one corrupted value does not reset the rest. */
export function settingsFromStored(stored: unknown): Settings {
  const record = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  const result: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const [key, field] of Object.entries(SettingsSchema.shape)) {
    const parsed = field.safeParse(record[key]);
    if (parsed.success) result[key] = parsed.data;
  }
  return SettingsSchema.parse(result);
}

/**
 * `URL` is a web/Node global, not ECMAScript, so this environment-free module reads the few parts it needs itself:
 * scheme, host (name, IPv4 or bracketed IPv6), optional port and path; no credentials, query or fragment.
 */
const RELAY_URL_PARTS = /^(wss?):\/\/(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)(?::(\d{1,5}))?(\/[A-Za-z0-9._~/-]*)?$/;

export function parseRelayUrl(value: string): { scheme: 'ws' | 'wss'; host: string; port: number | null; path: string } | null {
  const match = RELAY_URL_PARTS.exec(value);
  if (!match) return null;
  const [, scheme, host, port, path] = match;
  const portNumber = port === undefined ? null : Number(port);
  if (portNumber !== null && (portNumber < 1 || portNumber > 65535)) return null;
  return { scheme: scheme as 'ws' | 'wss', host: host!.toLowerCase(), port: portNumber, path: path ?? '/' };
}
