/**
 * vault-unlock, in the page: a fresh vault under the default Argon2id parameters, then lock/unlock cycles timed one by
 * one, each followed by the bare crypto_pwhash with the same parameters and a random salt, so both see the same
 * moment of the shared machine. What separates the two is the vault's own work around the KDF: reading the metadata
 * and the throttle row, two IndexedDB writes of the throttle counter, unwrapping the data key, deriving the search key.
 */
import { argon2id, randomBytes, utf8Encode } from '../../../electron/common/crypto/sodium';
import { Vault } from '../../../renderer/core/vault';
import { DEFAULT_KDF, KEY_BYTES, SALT_BYTES } from '../../../renderer/core/vault/kdf';
import type { UnlockInput, UnlockResult } from './bench-api';

export async function unlockBench(input: UnlockInput): Promise<UnlockResult> {
  const vault = await Vault.open({ profile: input.profile });
  try {
    if (vault.state === 'absent') await vault.create(input.passphrase);
    const password = utf8Encode(input.passphrase.normalize('NFC'));
    const unlockMs: number[] = [];
    const bareMs: number[] = [];
    const timeUnlock = async () => {
      vault.lock();
      const t0 = performance.now();
      await vault.unlock(input.passphrase);
      return performance.now() - t0;
    };
    const timeBare = () => {
      const salt = randomBytes(SALT_BYTES);
      const t0 = performance.now();
      argon2id(KEY_BYTES, password, salt, DEFAULT_KDF.opsLimit, DEFAULT_KDF.memLimit);
      return performance.now() - t0;
    };
    for (let i = 0; i < input.warmup + input.count; i += 1) {
      // Alternating which goes first keeps any order effect (a warm cache, the heap just grown) out of the ratio.
      let unlock: number;
      let bare: number;
      if (i % 2 === 0) {
        unlock = await timeUnlock();
        bare = timeBare();
      } else {
        bare = timeBare();
        unlock = await timeUnlock();
      }
      if (i < input.warmup) continue;
      unlockMs.push(unlock);
      bareMs.push(bare);
    }
    return { kdf: { ...DEFAULT_KDF }, unlockMs, bareMs };
  } finally {
    vault.close();
  }
}
