/**
 * The renderer's Content-Security-Policy, built in one place for the desktop shell (a response header from the app://
 * protocol) and for browser mode (a response header from the preview server), so both run under the same rules.
 *
 * - No inline script and no eval. 'wasm-unsafe-eval' lets WebAssembly compile (libsodium is WebAssembly); it does not
 *   allow eval() or new Function().
 * - connect-src names the app's own origin (in browser mode the preview server describes the local relay there) and
 *   the configured relay, and nothing else: the renderer can talk to no other host.
 * - Everything else the app loads (script, style, fonts, worker, sounds) comes from its own origin.
 */
import { parseRelayUrl } from './settings';

export function relayOrigin(relayUrl: string): string {
  const url = parseRelayUrl(relayUrl);
  if (!url) throw new Error(`not a relay URL: ${relayUrl}`);
  return `${url.scheme}://${url.host}${url.port === null ? '' : `:${url.port}`}`;
}

/** What every policy of the app says, whichever way it is delivered. */
const BASE_DIRECTIVES: Readonly<Record<string, string>> = {
  'default-src': "'none'",
  'script-src': "'self' 'wasm-unsafe-eval'",
  'style-src': "'self'",
  'font-src': "'self'",
  'img-src': "'self'",
  'media-src': "'self'",
  'worker-src': "'self'",
  'manifest-src': "'none'",
  'object-src': "'none'",
  'base-uri': "'none'",
  'form-action': "'none'",
  'frame-src': "'none'",
};

const serialize = (directives: Readonly<Record<string, string>>) =>
  Object.entries(directives)
    .map(([name, value]) => `${name} ${value}`)
    .join('; ');

/** The policy sent as a response header: connections only to the configured relay, and no framing by anyone. */
export function buildContentSecurityPolicy(relayUrl: string): string {
  return serialize({ ...BASE_DIRECTIVES, 'connect-src': `'self' ${relayOrigin(relayUrl)}`, 'frame-ancestors': "'none'" });
}

/**
 * The same policy as a `<meta>` tag in index.html, a second line of defence should the page ever be loaded without
 * the header. A document's policies all apply at once, so the header still narrows connections to the one relay;
 * the meta tag, written before any relay is configured, allows WebSocket connections only. (frame-ancestors has no
 * effect in a meta tag, so it is left out.) A unit test keeps index.html equal to this.
 */
export const DOCUMENT_CONTENT_SECURITY_POLICY = serialize({ ...BASE_DIRECTIVES, 'connect-src': "'self' ws: wss:" });
