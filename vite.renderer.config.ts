/**
 * Builds the renderer (UI and core worker) into out/renderer, and serves it for browser mode (`npm run browser`) with
 * the same Content-Security-Policy the desktop shell sends.
 */
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { buildContentSecurityPolicy } from './electron/common/csp';
import { DEFAULT_RELAY_URL } from './electron/common/settings';

const root = fileURLToPath(new URL('./renderer', import.meta.url));
const relayUrl = process.env.LIAISON_RELAY_URL ?? DEFAULT_RELAY_URL;
const securityHeaders = {
  'Content-Security-Policy': buildContentSecurityPolicy(relayUrl),
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

export default defineConfig({
  root,
  base: '/',
  publicDir: false,
  plugins: [react()],
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
