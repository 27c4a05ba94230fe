/**
 * The OS notification for an urgent message (FLASH, IMMEDIATE). The renderer sends a translated title and nothing
 * else: no message words reach the operating system, which may keep notifications on disk.
 */
import { Notification } from 'electron';
import type { UrgentNotice } from '../common/ipc/contract';

export function showUrgentNotice(notice: UrgentNotice): boolean {
  if (!Notification.isSupported()) return false;
  new Notification({ title: notice.title, urgency: 'critical', timeoutType: 'never' }).show();
  return true;
}
