/** The core's views the UI shows, each re-read when the worker reports its topic changed. */
import { useCallback } from 'react';
import type { Alarm, CoreStatus, DeviceSummary, InboxFilter, InboxPage, LineCheckView, MessageSummary, PendingEnrolment, PolicyView, TranslationQueueItem } from '../core/api';
import type { Language } from '../../electron/common/settings';
import type { GlossaryEntry } from '../../electron/common/translation/glossary-entry';
import { getCore } from '../core/client';
import { useCoreQuery, type CoreQuery } from './useCoreQuery';

const readStatus = () => getCore().status();
const readAlarms = () => getCore().alarms();
const readPendingEnrolments = () => getCore().pendingEnrolments();
const readDevices = () => getCore().devices();

export const useCoreStatus = (): CoreQuery<CoreStatus> => useCoreQuery(['status'], readStatus);
export const useAlarms = (): CoreQuery<readonly Alarm[]> => useCoreQuery(['alarms'], readAlarms);
// The core watches the relay for new requests and reports them as an 'enrolments' change.
export const usePendingEnrolments = (): CoreQuery<readonly PendingEnrolment[]> => useCoreQuery(['enrolments'], readPendingEnrolments);
export const useDevices = (): CoreQuery<readonly DeviceSummary[]> => useCoreQuery(['devices'], readDevices);

/** A page of the inbox as filtered; `now` is the screen's clock (what is overdue). */
export function useInboxPage(filter: InboxFilter, now: number, offset: number, limit: number): CoreQuery<InboxPage> {
  const read = useCallback(() => getCore().inboxPage(filter, now, offset, limit), [filter, now, offset, limit]);
  return useCoreQuery(['messages'], read);
}

/** One message, as it moves on (null if this device holds none with that id). */
export function useMessage(id: string): CoreQuery<MessageSummary | null> {
  const read = useCallback(() => getCore().message(id), [id]);
  return useCoreQuery(['messages'], read);
}

/** Incoming FLASH and IMMEDIATE messages this post has not acknowledged: what the alert banner holds up. */
export const useUrgentMessages = (): CoreQuery<readonly MessageSummary[]> => useCoreQuery(['messages'], readUrgent);
const readUrgent = () => getCore().urgent();

/** Open messages this device watches over (its post's, or all at the desk): the overdue banner's candidates. */
export const useOpenMessages = (): CoreQuery<readonly MessageSummary[]> => useCoreQuery(['messages'], readOpen);
const readOpen = () => getCore().openMessages();

/** The line checks seen through the log, newest first. */
export const useLineChecks = (): CoreQuery<LineCheckView> => useCoreQuery(['line-checks', 'policy'], readLineChecks);
const readLineChecks = () => getCore().lineChecks();

/** Messages waiting for this translator, most urgent then oldest first. */
export const useTranslationQueue = (): CoreQuery<readonly TranslationQueueItem[]> => useCoreQuery(['messages'], readTranslationQueue);
const readTranslationQueue = () => getCore().translationQueue();

/** The languages this translator covers. */
export const useTranslatorLanguages = (): CoreQuery<readonly Language[]> => useCoreQuery(['messages'], readTranslatorLanguages);
const readTranslatorLanguages = () => getCore().translatorLanguages();

/** The channel's own glossary entries (over the shipped ones). */
export const useGlossary = (): CoreQuery<readonly GlossaryEntry[]> => useCoreQuery(['glossary'], readGlossary);
const readGlossary = () => getCore().glossary();

/** The channel policy in force (deadlines, line-check interval) and who set it. */
export const usePolicy = (): CoreQuery<PolicyView> => useCoreQuery(['policy'], readPolicy);
const readPolicy = () => getCore().policy();
