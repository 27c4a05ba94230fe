/**
 * A certified sentence pair: what the translation memory keeps and the TMX export writes. Declared once, with its
 * schema, because it crosses the vault (stored encrypted, validated when read back) and the channel.
 */
import { z } from 'zod';
import { Time } from '../protocol/schemas';
import { LANGUAGES } from '../settings';

/** Long enough for any sentence a segmenter leaves whole (a paragraph without full stops), short enough to bound work. */
export const MAX_SEGMENT_LENGTH = 4000;

const PairSide = z.object({ lang: z.enum(LANGUAGES), text: z.string().min(1).max(MAX_SEGMENT_LENGTH) }).strict();

export const TranslationPair = z
  .object({
    source: PairSide,
    target: PairSide,
    /** When the translation was certified (ms since the epoch). */
    certifiedAt: Time,
    /** The message the sentence was translated in, to show a match in its context. */
    messageId: z.string().min(1).max(64).optional(),
  })
  .strict()
  .refine((pair) => pair.source.lang !== pair.target.lang, { message: 'a translation pair joins two languages' });
export type TranslationPair = z.infer<typeof TranslationPair>;
