/**
 * The working language of each post (DESIGN §2): what its officers read. A message needs a translation into the
 * language of every post it concerns (the sender's, the recipients', the desk's) other than its own, and into any
 * other language someone asks for.
 */
import type { Post } from '../protocol/schemas';
import type { Language } from '../settings';

export const POST_LANGUAGE: Readonly<Record<Post, Language>> = { IL: 'he', SY: 'ar', US: 'en' };

export function languagesNeeded(message: { readonly lang: Language; readonly senderPost: Post; readonly recipients: readonly Post[] }, requested: readonly Language[]): Language[] {
  const wanted = new Set<Language>([POST_LANGUAGE.US, POST_LANGUAGE[message.senderPost], ...message.recipients.map((post) => POST_LANGUAGE[post]), ...requested]);
  wanted.delete(message.lang);
  return [...wanted];
}
