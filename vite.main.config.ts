/** Builds the Electron main process (ESM, Node) into out/main. Dependencies stay external, loaded from node_modules. */
import { defineConfig } from 'vite';

export default defineConfig({
  build: {
    ssr: 'electron/main/index.ts',
    outDir: 'out/main',
    emptyOutDir: true,
    target: 'node22',
    sourcemap: true,
    minify: false,
    rollupOptions: { external: ['electron'], output: { format: 'es', entryFileNames: 'index.js' } },
  },
});
