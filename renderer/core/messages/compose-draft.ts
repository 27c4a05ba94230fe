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
