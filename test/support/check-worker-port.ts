/**
 * The check worker for Node tests: the worker's own code (check-service.ts) behind a real MessageChannel, and the core
 * worker's WorkerChecker on the other end — what worker.ts starts in the app, minus the thread. Each checker started
 * is recorded with the key pair copy its worker received, so a test can see that locking wipes it.
 */
import { MessageChannel } from 'node:worker_threads';
import type { BoxKeyPair } from '../../electron/common/crypto/sodium';
import type { CheckPort } from '../../renderer/core/sync/check-protocol';
import { serveChecks } from '../../renderer/core/sync/check-service';
import { WorkerChecker } from '../../renderer/core/sync/envelope-checker';
import type { Opener } from '../../renderer/core/sync/envelope-facts';

export interface StartedChecker {
  readonly checker: WorkerChecker;
  /** The key pair as the worker received it (its own copy). */
  workerKey: BoxKeyPair | null;
  ended: boolean;
  /** How many requests the worker answered. */
  answered: number;
}

export function checkWorkers(): { readonly start: (opener: Opener) => WorkerChecker; readonly started: StartedChecker[] } {
  const started: StartedChecker[] = [];
  const start = (opener: Opener): WorkerChecker => {
    const channel = new MessageChannel();
    const inside = channel.port2 as unknown as CheckPort;
    const post = inside.postMessage.bind(inside);
    const entry: { -readonly [K in keyof StartedChecker]: StartedChecker[K] } = { checker: null as unknown as WorkerChecker, workerKey: null, ended: false, answered: 0 };
    inside.postMessage = (message: unknown, transfer?: Transferable[]) => {
      entry.answered += 1;
      post(message, transfer);
    };
    serveChecks(inside, () => {
      entry.ended = true;
      channel.port2.close();
    });
    const serve = inside.onmessage!;
    inside.onmessage = (event) => {
      const request = event.data as { type: string; box?: BoxKeyPair };
      if (request.type === 'keys') entry.workerKey = request.box!;
      serve(event);
    };
    entry.checker = new WorkerChecker(channel.port1 as unknown as CheckPort, opener, () => setTimeout(() => channel.port1.close(), 100));
    started.push(entry);
    return entry.checker;
  };
  return { start, started };
}
