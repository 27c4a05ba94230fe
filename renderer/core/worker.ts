/** The core worker: everything that touches keys, crypto or storage runs here, off the UI thread. */
import type { CoreApi } from './api';
import { serveRpc } from './rpc';
import { loadSodium } from './sodium';

const api: CoreApi = {
  async cryptoInfo() {
    const sodium = await loadSodium();
    return { library: 'libsodium', version: sodium.sodium_version_string() };
  },
};

serveRpc(self as unknown as Parameters<typeof serveRpc>[0], api);
