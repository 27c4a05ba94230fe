/**
 * Settings on disk, in electron-store. Its JSON schema is derived from the shared zod schema, so the store on disk and
 * the browser host enforce the same rules; values that fail it are refused before they are written.
 */
import { z } from 'zod';
import { SettingsPatchSchema, SettingsSchema, settingsFromStored, type Settings, type SettingsPatch } from '../common/settings';

type JsonSchemaProperties = Record<string, Record<string, unknown>>;

/** The per-field JSON schema electron-store (ajv, draft-07) validates on every write. */
export function settingsStoreSchema(): JsonSchemaProperties {
  const schema = z.toJSONSchema(SettingsSchema, { target: 'draft-07' }) as { properties: JsonSchemaProperties };
  return schema.properties;
}

export interface SettingsBackend {
  get store(): unknown;
  set(values: Record<string, unknown>): void;
}

export class SettingsStore {
  constructor(private readonly backend: SettingsBackend) {}

  read(): Settings {
    return settingsFromStored(this.backend.store);
  }

  update(patch: SettingsPatch): Settings {
    const checked = SettingsPatchSchema.parse(patch);
    this.backend.set({ ...checked });
    return this.read();
  }
}
