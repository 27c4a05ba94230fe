/**
 * The relay that `npm run browser` starts on this machine: the preview server describes it at `/local-relay.json` on
 * the page's own origin, so the desk's onboarding can offer its address and one-time bind token instead of asking the
 * user to copy them from a terminal. Anything unexpected means "no local relay": the user types the values in.
 */
import { z } from 'zod';
import { RelayUrlSchema } from '../../electron/common/settings';

export interface LocalRelay {
  readonly url: string;
  /** Null once the relay is bound (the token is single-use). */
  readonly bindToken: string | null;
}

const LocalRelaySchema = z.object({ url: RelayUrlSchema, bindToken: z.string().min(1).max(128).nullable() });

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
