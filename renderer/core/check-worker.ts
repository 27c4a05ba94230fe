/**
 * The envelope-check worker, started by the core worker for each unlock (worker.ts): verifies signatures and opens
 * payloads of delivered envelopes on the machine's other core while the core worker stores (sync/check-service.ts).
 */
import type { CheckPort } from './sync/check-protocol';
import { serveChecks } from './sync/check-service';

const scope = self as unknown as CheckPort & { close(): void };
serveChecks(scope, () => scope.close());
