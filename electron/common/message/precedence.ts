/**
 * Precedence and category (DESIGN §3): how urgent a message is, and what it is about. Precedence sets the time by which
 * each recipient post must acknowledge; the channel policy, signed by the desk, may change those times, and until it
 * does these defaults hold.
 */
import { z } from 'zod';

/** Highest first: the order an inbox shows open messages in. */
export const PRECEDENCES = ['FLASH', 'IMMEDIATE', 'PRIORITY', 'ROUTINE'] as const;
export type Precedence = (typeof PRECEDENCES)[number];
export const PrecedenceSchema = z.enum(PRECEDENCES);

/** 0 for FLASH … 3 for ROUTINE: a lower rank comes first. */
export const precedenceRank = (precedence: Precedence): number => PRECEDENCES.indexOf(precedence);

export const CATEGORIES = [
  'deconfliction',
  'incident',
  'query',
  'reply',
  'line-check',
  'medical',
  'energy',
  'agriculture',
  'administrative',
] as const;
export type Category = (typeof CATEGORIES)[number];
export const CategorySchema = z.enum(CATEGORIES);

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Acknowledgement deadlines, counted from the moment the relay logged the message. */
export type AckDeadlines = Readonly<Record<Precedence, number>>;
export const DEFAULT_ACK_DEADLINES: AckDeadlines = { FLASH: 10 * MINUTE, IMMEDIATE: 30 * MINUTE, PRIORITY: 3 * HOUR, ROUTINE: 6 * HOUR };

/** FLASH and IMMEDIATE interrupt the reader (banner and sound) and ask the author to confirm before sending. */
export const isUrgent = (precedence: Precedence): boolean => precedence === 'FLASH' || precedence === 'IMMEDIATE';

/** The convention for urgent messages: under this many words. Longer ones get a warning, not a refusal. */
export const URGENT_WORD_LIMIT = 200;

/** Words as a reader counts them, in any script: runs of letters or digits. */
export function wordCount(text: string): number {
  return text.match(/[\p{L}\p{N}][\p{L}\p{N}\p{M}'’-]*/gu)?.length ?? 0;
}
