/** The UI thread's handle on the core worker, started once on first use. */
import type { CoreApi } from './api';
import { connectRpc } from './rpc';

let core: CoreApi | null = null;

export function getCore(): CoreApi {
  if (!core) {
    const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'core' });
    core = connectRpc<CoreApi>(worker);
  }
  return core;
}
