/**
 * Builds the benchmark page (index.html + main.ts here) the way the app's renderer is built (vite.renderer.config.ts:
 * the React plugin, ES module workers, es2023), so the page runs the project's code as the app ships it.
 * lib/browser-page.ts builds it into a temporary folder and serves it with `vite preview`.
 */
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  publicDir: false,
  plugins: [react()],
  logLevel: 'warn',
  build: {
    target: 'es2023',
    emptyOutDir: true,
    sourcemap: false,
    // Unminified, so the worker's CPU profile names the app's functions (lib/browser-profile.ts). V8 runs minified
    // and unminified code at the same speed once parsed: only the names differ.
    minify: false,
    reportCompressedSize: false,
    chunkSizeWarningLimit: 4096,
    assetsInlineLimit: 0,
  },
  worker: { format: 'es' },
  preview: {
    host: '127.0.0.1',
    strictPort: true,
    // Cross-origin isolation gives performance.now() 5 µs resolution instead of 100 µs: the floor's per-envelope
    // phases are a fraction of a millisecond each. Everything the page loads is same-origin, so nothing else changes.
    headers: { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' },
  },
});
