/** Which posts missed which line checks, by this window's clock (re-judged as each answer window closes). */
import { useDeadlineClock } from '../messages/useOverdue';
import { missedBy } from '../../electron/common/message/line-check';
import type { LineCheckView } from '../core/api';
import type { Post } from '../../electron/common/protocol/schemas';

export function useMissedLineChecks(view: LineCheckView | undefined): ReadonlyMap<string, readonly Post[]> {
  const checks = view?.checks ?? [];
  const window = view?.answerWindow ?? 0;
  const now = useDeadlineClock(checks.map((check) => check.sentAt + window));
  return new Map(checks.map((check) => [check.id, missedBy(check, now, window)] as const).filter(([, posts]) => posts.length > 0));
}
