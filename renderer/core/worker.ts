/** The core worker: everything that touches keys, crypto or storage runs here, off the UI thread. */
import { initCrypto, libraryVersion } from '../../electron/common/crypto/sodium';
import type { CoreApi } from './api';
import { serveRpc } from './rpc';

const cryptoReady = initCrypto();

const api: CoreApi = {
  async cryptoInfo() {
    await cryptoReady;
    return { library: 'libsodium', version: libraryVersion() };
  },
};

serveRpc(self as unknown as Parameters<typeof serveRpc>[0], api);
