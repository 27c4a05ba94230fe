/**
 * The relay that `npm run browser` starts on this machine: the preview server describes it at `/local-relay.json` on
 * the page's own origin, so the desk's onboarding can offer its address and one-time bind token instead of asking the
 * user to copy them from a terminal. Anything unexpected means "no local relay": the user types the values in.
 */
import { LocalRelaySchema, type LocalRelay } from '../../electron/common/ipc/contract';

export async function fetchLocalRelay(fetcher: typeof fetch): Promise<LocalRelay | null> {
  try {
    const response = await fetcher('/local-relay.json', { cache: 'no-store' });
    if (!response.ok) return null;
    const parsed = LocalRelaySchema.safeParse(await response.json());
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
