/**
 * The keys of an unlocked vault, and every secret handed out while it is unlocked. Lock wipes them all in place
 * (memzero), so a key array anyone still holds reads as zeros afterwards, and every later use fails with
 * `vault.locked` instead of encrypting under a zeroed key.
 */
import { deriveSubkey, wipe } from '../../../electron/common/crypto/sodium';
import { VaultError } from './errors';

const SEARCH_KEY_CONTEXT = 'lhsearch';
const SEARCH_KEY_ID = 1;

export class KeyRing {
  #dataKey: Uint8Array | null;
  #searchKey: Uint8Array | null;
  #leased: Uint8Array[] = [];

  /** Takes ownership of `dataKey`: it is wiped with the ring. */
  constructor(dataKey: Uint8Array) {
    this.#dataKey = dataKey;
    // Search hashes use their own key, derived one way from the data key: the index never holds the data key's output.
    this.#searchKey = deriveSubkey(32, SEARCH_KEY_ID, SEARCH_KEY_CONTEXT, dataKey);
  }

  get isOpen(): boolean {
    return this.#dataKey !== null;
  }

  /** Encrypts every record. Read it at the moment of use, never cache it across an await. */
  get dataKey(): Uint8Array {
    if (this.#dataKey === null) throw new VaultError('vault.locked');
    return this.#dataKey;
  }

  get searchKey(): Uint8Array {
    if (this.#searchKey === null) throw new VaultError('vault.locked');
    return this.#searchKey;
  }

  /** Registers a secret given to a caller (a private key read from the vault), to be wiped on lock. */
  lease(secret: Uint8Array): Uint8Array {
    if (this.#dataKey === null) {
      wipe(secret);
      throw new VaultError('vault.locked');
    }
    this.#leased.push(secret);
    return secret;
  }

  wipe(): void {
    for (const secret of [this.#dataKey, this.#searchKey, ...this.#leased]) if (secret) wipe(secret);
    this.#dataKey = null;
    this.#searchKey = null;
    this.#leased = [];
  }
}
