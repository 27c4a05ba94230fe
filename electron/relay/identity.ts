/**
 * The relay's own identity and its binding to a channel. On first start the relay makes an Ed25519 key (it signs
 * checkpoints) and a one-time bind token. Until the desk binds it — presenting the token and the channel's root key —
 * it serves no channel; once bound it serves only that channel, across restarts.
 */
import { bytesEqual, fromBase64Url, generateSigningKeyPair, randomBytes, sha256, toBase64Url, toHex, utf8Encode } from '../common/crypto/sodium';
import { channelIdFor } from '../common/protocol/identity';
import type { RelayStore } from './store/relay-store';

export interface RelayKeys {
  readonly publicKey: Uint8Array;
  readonly secretKey: Uint8Array;
}

export interface ChannelBinding {
  readonly rootPublicKey: Uint8Array;
  readonly channelId: string;
}

export function loadOrCreateRelayKeys(store: RelayStore): RelayKeys {
  const stored = store.getMeta('relay.secretKey');
  if (stored) {
    const secretKey = fromBase64Url(stored);
    return { secretKey, publicKey: secretKey.slice(32) };
  }
  const keys = generateSigningKeyPair();
  store.setMeta('relay.secretKey', toBase64Url(keys.secretKey));
  return keys;
}

export function loadBinding(store: RelayStore): ChannelBinding | null {
  const root = store.getMeta('channel.rootPublicKey');
  if (!root) return null;
  const rootPublicKey = fromBase64Url(root);
  return { rootPublicKey, channelId: channelIdFor(rootPublicKey) };
}

/** The bind token of an unbound relay, made once and kept until it is used. */
export function bindToken(store: RelayStore): string {
  const existing = store.getMeta('bind.token');
  if (existing) return existing;
  // Hex, so it can never look like a command-line option or be mangled by a shell.
  const token = toHex(randomBytes(16));
  store.setMeta('bind.token', token);
  return token;
}

/** Compares by hash so the comparison takes the same time whatever the guess. */
export function tokenMatches(store: RelayStore, presented: string): boolean {
  const expected = store.getMeta('bind.token');
  if (!expected) return false;
  return bytesEqual(sha256(utf8Encode(expected)), sha256(utf8Encode(presented)));
}

/** Binds the relay to the channel of `rootPublicKey` and spends the token. */
export function bindToChannel(store: RelayStore, rootPublicKey: Uint8Array): ChannelBinding {
  store.setMeta('channel.rootPublicKey', toBase64Url(rootPublicKey));
  store.deleteMeta('bind.token');
  return { rootPublicKey, channelId: channelIdFor(rootPublicKey) };
}
