/**
 * Builds the renderer (UI and core worker) into out/renderer, and serves it for browser mode (`npm run browser`) with
 * the same Content-Security-Policy the desktop shell sends, and a local relay beside it (DESIGN.md §7).
 *
 * The local relay keeps its data in LIAISON_RELAY_DATA (default ~/.local/share/liaison-hotline/browser-relay), so the
 * channel survives restarts like the browser profiles do; LIAISON_LOCAL_RELAY=0 serves the app alone (the end-to-end
 * tests start their own relays). While the relay is unbound, `/local-relay.json` tells the desk's onboarding form its
 * address and one-time bind token; it is same-origin only (no CORS), like everything the preview serves.
 */
import react from '@vitejs/plugin-react';
import { mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { buildContentSecurityPolicy } from './electron/common/csp';
import { DEFAULT_RELAY_URL, parseRelayUrl } from './electron/common/settings';
import { launchRelay } from './electron/relay/launcher';

const root = fileURLToPath(new URL('./renderer', import.meta.url));
const relayUrl = process.env.LIAISON_RELAY_URL ?? DEFAULT_RELAY_URL;
const securityHeaders = {
  'Content-Security-Policy': buildContentSecurityPolicy(relayUrl),
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

function localRelay(): Plugin {
  return {
    name: 'liaison-local-relay',
    async configurePreviewServer(server) {
      if (process.env.LIAISON_LOCAL_RELAY === '0') return;
      const target = parseRelayUrl(relayUrl);
      if (!target || target.scheme !== 'ws' || target.port === null) throw new Error(`the local relay needs a ws://127.0.0.1:PORT address, not ${relayUrl}`);
      const dataDir = process.env.LIAISON_RELAY_DATA ?? path.join(os.homedir(), '.local', 'share', 'liaison-hotline', 'browser-relay');
      mkdirSync(dataDir, { recursive: true });
      const relay = await launchRelay({ dataDir, port: target.port, host: '127.0.0.1' });
      const stop = () => relay.child.kill('SIGTERM');
      server.httpServer?.once('close', stop);
      process.once('exit', stop);
      // A signal ends the preview without 'exit' handlers running: stop the relay first (Ctrl-C reaches it anyway).
      for (const signal of ['SIGTERM', 'SIGHUP'] as const) {
        process.once(signal, () => {
          stop();
          process.exit(128 + (signal === 'SIGTERM' ? 15 : 1));
        });
      }
      server.config.logger.info(`  local relay: ${relayUrl} (data in ${dataDir})${relay.bindToken ? `, unbound: bind token ${relay.bindToken}` : ', bound'}`);
      server.middlewares.use('/local-relay.json', (_request, response) => {
        void fetch(`http://127.0.0.1:${target.port}/health`)
          .then((answer) => answer.json() as Promise<{ state?: string }>)
          .catch(() => ({ state: 'unreachable' }))
          .then((health) => {
            response.setHeader('Content-Type', 'application/json');
            response.setHeader('Cache-Control', 'no-store');
            response.end(JSON.stringify({ url: relayUrl, bindToken: health.state === 'unbound' ? relay.bindToken : null }));
          });
      });
    },
  };
}

export default defineConfig({
  root,
  base: '/',
  publicDir: false,
  plugins: [react(), localRelay()],
  build: {
    outDir: fileURLToPath(new URL('./out/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'es2023',
    sourcemap: true,
    chunkSizeWarningLimit: 1024, // libsodium's inlined WebAssembly is ~535 kB by itself.
    assetsInlineLimit: 0, // no data: URLs: the CSP allows fonts and images from the app's own origin only.
  },
  worker: { format: 'es' },
  preview: {
    host: '127.0.0.1',
    port: Number(process.env.PORT ?? 4173),
    strictPort: true,
    headers: securityHeaders,
  },
});
