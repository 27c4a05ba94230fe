/** What the core worker offers the UI thread. Crypto, the vault and sync will live behind this interface. */
export interface CryptoInfo {
  readonly library: 'libsodium';
  readonly version: string;
}

export interface CoreApi {
  [method: string]: (...args: never[]) => Promise<unknown>;
  cryptoInfo(): Promise<CryptoInfo>;
}
