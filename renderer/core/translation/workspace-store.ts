/**
 * What a translator keeps on this device, sealed in the vault: the languages they cover (a profile setting), and the
 * translation they are writing for each message and language, saved as it is typed so a crash or restart loses none
 * of it. Whether the channel has been told a draft exists is kept with it, so the claim goes out once.
 */
import { z } from 'zod';
import { MAX_SUBJECT_LENGTH, MAX_TEXT_LENGTH } from '../../../electron/common/message/payload';
import { LANGUAGES, type Language } from '../../../electron/common/settings';
import type { RecordWrite, Vault } from '../vault';

export const TranslatorLanguages = z.strictObject({ id: z.literal('translator'), languages: z.array(z.enum(LANGUAGES)).max(LANGUAGES.length) });
export type TranslatorLanguages = z.infer<typeof TranslatorLanguages>;

export const TranslationWork = z.strictObject({
  id: z.string().min(1).max(80),
  messageId: z.string().min(1).max(64),
  language: z.enum(LANGUAGES),
  /** The body as typed (the vault's record shape calls it `text`). */
  text: z.string().max(MAX_TEXT_LENGTH),
  subject: z.string().max(MAX_SUBJECT_LENGTH),
  /** The channel has been told this translator is drafting it. */
  claimed: z.boolean(),
  savedAt: z.number(),
});
export type TranslationWork = z.infer<typeof TranslationWork>;

export const workId = (messageId: string, language: Language): string => `${messageId}.${language}`;

export async function readWork(vault: Vault, messageId: string, language: Language): Promise<TranslationWork | null> {
  const found = await vault.get('translations', workId(messageId, language));
  if (found.status !== 'found') return null;
  const parsed = TranslationWork.safeParse(found.record);
  return parsed.success ? parsed.data : null;
}

export const workWrite = (work: TranslationWork): RecordWrite => ({ table: 'translations', record: TranslationWork.parse(work) });
