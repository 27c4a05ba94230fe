/**
 * The message being composed, kept in the vault (encrypted, like everything else) as it is typed, so a crash, a
 * reload or a restart loses none of it. One draft per device: the composer's. Nothing about it is readable on disk.
 */
import { z } from 'zod';
import { CategorySchema, PrecedenceSchema } from '../../../electron/common/message/precedence';
import { TEMPLATE_KINDS } from '../../../electron/common/message/template';
import { MAX_SUBJECT_LENGTH, MAX_TEXT_LENGTH } from '../../../electron/common/message/payload';
import { PostSchema } from '../../../electron/common/protocol/schemas';
import { LANGUAGES } from '../../../electron/common/settings';
import type { Vault } from '../vault';

export const COMPOSE_DRAFT_ID = 'compose';

/** Translations a translator at the sending post writes before sending: one per other language at most. */
export const MAX_PRESEND_TRANSLATIONS = LANGUAGES.length - 1;

export const PresendTranslation = z.strictObject({
  lang: z.enum(LANGUAGES),
  subject: z.string().max(MAX_SUBJECT_LENGTH * 2),
  body: z.string().max(MAX_TEXT_LENGTH),
});
export type PresendTranslation = z.infer<typeof PresendTranslation>;

/** What the compose form holds, as typed (template values are strings until sent). */
export const ComposeDraft = z.strictObject({
  recipients: z.array(PostSchema).max(3),
  precedence: PrecedenceSchema,
  category: CategorySchema,
  template: z.enum(['none', ...TEMPLATE_KINDS]),
  values: z.record(z.string().max(32), z.string().max(MAX_TEXT_LENGTH)),
  zone: z.enum(['UTC', 'IL', 'SY']),
  subject: z.string().max(MAX_SUBJECT_LENGTH * 2),
  body: z.string().max(MAX_TEXT_LENGTH),
  lang: z.enum(LANGUAGES),
  replyTo: z.string().max(64).optional(),
  /** Absent in drafts kept before translations could be written here. */
  translations: z.array(PresendTranslation).max(MAX_PRESEND_TRANSLATIONS).optional(),
});
export type ComposeDraft = z.infer<typeof ComposeDraft>;

export async function readDraft(vault: Vault): Promise<ComposeDraft | null> {
  const found = await vault.get('drafts', COMPOSE_DRAFT_ID);
  if (found.status !== 'found') return null;
  const { id: _id, text: _text, ...fields } = found.record;
  const parsed = ComposeDraft.safeParse(fields);
  return parsed.success ? parsed.data : null;
}

/** Refuses a draft that is not one (the UI is not trusted with the vault's shapes). Returns whether it was stored. */
export async function saveDraft(vault: Vault, draft: unknown): Promise<boolean> {
  const parsed = ComposeDraft.safeParse(draft);
  if (!parsed.success) return false;
  // `text` is what the drafts table requires of every record: the body.
  await vault.put('drafts', { id: COMPOSE_DRAFT_ID, text: parsed.data.body, ...parsed.data });
  return true;
}

export const discardDraft = (vault: Vault): Promise<void> => vault.delete('drafts', COMPOSE_DRAFT_ID);
