/**
 * Alarms in the vault: raised by the sync client, shown until a person dismisses them. An alarm identical to one not
 * yet dismissed (same kind and detail; a relay that keeps failing the same check on every reconnect) is not repeated.
 */
import { randomBytes, toBase64Url } from '../../electron/common/crypto/sodium';
import { ALARM_KINDS, type Alarm, type AlarmKind } from './api';
import type { AlarmRecord, Vault } from './vault';

const KINDS: ReadonlySet<string> = new Set(ALARM_KINDS);

const sameDetail = (a: Readonly<Record<string, string | number>>, b: Readonly<Record<string, string | number>>) =>
  JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());

export async function readAlarms(vault: Vault): Promise<AlarmRecord[]> {
  const { records } = await vault.list('alarms');
  return [...records].sort((a, b) => b.order - a.order);
}

/** Records an alarm; false if an identical one is already showing. */
export async function raiseAlarm(vault: Vault, kind: AlarmKind, detail: Readonly<Record<string, string | number>>, now: number): Promise<boolean> {
  const showing = await readAlarms(vault);
  if (showing.some((alarm) => !alarm.dismissed && alarm.kind === kind && sameDetail(alarm.detail, detail))) return false;
  const order = Math.max(now, (showing[0]?.order ?? 0) + 1);
  await vault.commit({ put: [{ table: 'alarms', record: { id: toBase64Url(randomBytes(12)), order, kind, detail: { ...detail }, dismissed: false } }] });
  return true;
}

export async function dismissAlarm(vault: Vault, id: string): Promise<void> {
  const found = await vault.get('alarms', id);
  if (found.status === 'found') await vault.commit({ put: [{ table: 'alarms', record: { ...found.record, dismissed: true } }] });
}

export const toAlarm = (record: AlarmRecord): Alarm | null =>
  KINDS.has(record.kind) ? { id: record.id, kind: record.kind as AlarmKind, at: record.order, detail: record.detail } : null;
