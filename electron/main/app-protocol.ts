/**
 * Serves the built renderer from app://liaison/ instead of file://. A real origin lets the CSP and the IPC sender
 * check name it exactly, and every response carries the CSP header. Paths are resolved inside the renderer folder
 * only: anything that would climb out of it is refused.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { buildContentSecurityPolicy } from '../common/csp';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
  '.ogg': 'audio/ogg',
  '.wav': 'audio/wav',
};

/** Maps a URL path to a file inside `root`, or null when it would leave it. `/` is the app's index page. */
export function resolveAppFile(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const resolved = path.resolve(root, relative);
  const rootWithSeparator = path.resolve(root) + path.sep;
  return resolved.startsWith(rootWithSeparator) ? resolved : null;
}

export function responseHeaders(filePath: string, relayUrl: string): Record<string, string> {
  return {
    'content-type': CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream',
    'content-security-policy': buildContentSecurityPolicy(relayUrl),
    'x-content-type-options': 'nosniff',
    'cross-origin-opener-policy': 'same-origin',
    'referrer-policy': 'no-referrer',
  };
}

export async function serveAppRequest(root: string, requestUrl: string, relayUrl: string): Promise<Response> {
  const file = resolveAppFile(root, new URL(requestUrl).pathname);
  if (!file) return new Response('Not found', { status: 404 });
  try {
    return new Response(await readFile(file), { headers: responseHeaders(file, relayUrl) });
  } catch {
    return new Response('Not found', { status: 404 });
  }
}
