/**
 * `npm run relay -- --data DIR --port PORT [--host ADDR]` runs the relay as a service.
 * `npm run relay -- bind --data DIR --token TOKEN --root ROOT_PUBLIC_KEY` binds an unbound relay's data folder to a
 * channel from the command line (for servers), the same as the desk app does over the wire.
 */
import { parseArgs } from 'node:util';
import { fromBase64Url, initCrypto } from '../common/crypto/sodium';
import { channelIdFor } from '../common/protocol/identity';
import { AUTH_NONCE_TTL_MS } from '../common/protocol/limits';
import type { RelayConfig } from './context';
import { bindToChannel, loadBinding, tokenMatches } from './identity';
import { startRelay } from './server';
import { openSqliteStore } from './store/sqlite-store';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    data: { type: 'string' },
    port: { type: 'string', default: '8787' },
    host: { type: 'string', default: '127.0.0.1' },
    token: { type: 'string' },
    root: { type: 'string' },
    'nonce-ttl-ms': { type: 'string', default: String(AUTH_NONCE_TTL_MS) },
    'submit-burst': { type: 'string', default: '2000' },
    'submit-per-second': { type: 'string', default: '200' },
    'open-burst': { type: 'string', default: '20' },
    'open-per-minute': { type: 'string', default: '30' },
  },
});

function fail(message: string): never {
  process.stderr.write(`relay: ${message}\n`);
  process.exit(2);
}

const integer = (name: string, text: string | undefined, min: number, max: number): number => {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) fail(`--${name} must be an integer from ${min} to ${max}`);
  return value;
};

if (!values.data) fail('--data DIR is required (the folder where the relay keeps its database)');

if (positionals[0] === 'bind') {
  if (!values.token || !values.root) fail('bind needs --token TOKEN (printed by the unbound relay) and --root ROOT_PUBLIC_KEY (base64url)');
  await initCrypto();
  const store = openSqliteStore(values.data);
  try {
    if (loadBinding(store)) fail('this relay is already bound to a channel');
    if (!tokenMatches(store, values.token)) fail('wrong bind token');
    let root: Uint8Array;
    try {
      root = fromBase64Url(values.root);
    } catch {
      fail('--root must be the channel root public key in base64url');
    }
    if (root.length !== 32) fail('--root must be a 32-byte Ed25519 public key');
    bindToChannel(store, root);
    process.stdout.write(`relay bound to channel ${channelIdFor(root)}\n`);
  } finally {
    store.close();
  }
} else {
  if (positionals.length > 0) fail(`unknown command ${positionals[0]}`);
  const config: RelayConfig = {
    dataDir: values.data,
    host: values.host,
    port: integer('port', values.port, 0, 65535),
    nonceTtlMs: integer('nonce-ttl-ms', values['nonce-ttl-ms'], 1, 600_000),
    submitBurst: integer('submit-burst', values['submit-burst'], 1, 1_000_000),
    submitPerSecond: integer('submit-per-second', values['submit-per-second'], 1, 1_000_000),
    openBurst: integer('open-burst', values['open-burst'], 1, 1_000_000),
    openPerMinute: integer('open-per-minute', values['open-per-minute'], 1, 1_000_000),
  };
  const relay = await startRelay(config);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    relay.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
