/**
 * The channel's glossary as this device has verified it through the log: each entry's newest version, and entries
 * removed (kept as removals, so an older version arriving late cannot bring one back). Kept in the vault's state
 * table (encrypted), written by the receiver alone. Translators and supervisors edit it (DESIGN §4).
 */
import { z } from 'zod';
import type { GlossaryContent } from '../../../electron/common/message/payload';
import { Time } from '../../../electron/common/protocol/schemas';
import { GlossaryEntry } from '../../../electron/common/translation/glossary-entry';
import type { Arrival } from '../messages/message-batch';

/** Entries a channel glossary holds at most (the shipped one has a few dozen). */
export const MAX_CHANNEL_GLOSSARY = 5000;

const Version = z.strictObject({ at: Time, source: z.string().min(1).max(64), deviceName: z.string().max(64), entry: GlossaryEntry.nullable() });
export type GlossaryVersion = z.infer<typeof Version>;

export const GlossaryLog = z.strictObject({ id: z.literal('glossary'), entries: z.record(z.string(), Version) });
export type GlossaryLog = z.infer<typeof GlossaryLog>;

export const EMPTY_GLOSSARY_LOG: GlossaryLog = { id: 'glossary', entries: {} };

const newer = (a: { at: number; source: string }, b: { at: number; source: string }) => a.at > b.at || (a.at === b.at && a.source > b.source);

export function applyGlossary(log: GlossaryLog, arrival: Arrival, content: GlossaryContent): GlossaryLog {
  const { roles, name } = arrival.sender.body;
  if (!roles.includes('translator') && !roles.includes('supervisor')) return log;
  const stamp = { at: content.at, source: arrival.envelope.header.id, deviceName: name };
  const entries = { ...log.entries };
  let changed = false;
  const put = (id: string, entry: GlossaryEntry | null) => {
    const held = entries[id];
    if (held && !newer(stamp, held)) return;
    if (!held && Object.keys(entries).length >= MAX_CHANNEL_GLOSSARY) return;
    entries[id] = { ...stamp, entry };
    changed = true;
  };
  for (const entry of content.entries) put(entry.id, entry);
  for (const id of content.removed) put(id, null);
  return changed ? { ...log, entries } : log;
}

/** The entries in force (removals left out), by id. */
export const glossaryEntries = (log: GlossaryLog): GlossaryEntry[] =>
  Object.values(log.entries)
    .flatMap((version) => (version.entry ? [version.entry] : []))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
