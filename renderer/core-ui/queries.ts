/** The core's views the UI shows, each re-read when the worker reports its topic changed. */
import { useCallback } from 'react';
import type { Alarm, CoreStatus, DeviceSummary, MessageSummary, PendingEnrolment } from '../core/api';
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

/** Every message, or those matching `query` when it has any words; newest first either way. */
export function useMessages(query: string): CoreQuery<readonly MessageSummary[]> {
  const words = query.trim();
  const read = useCallback(() => (words === '' ? getCore().messages() : getCore().search(words)), [words]);
  return useCoreQuery(['messages'], read);
}
