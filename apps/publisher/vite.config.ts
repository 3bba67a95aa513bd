import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The client is built into dist/client and served by the package's own server: every asset is in
// the package (no CDN), so `npx nianbao serve` works offline and needs no build step at run time.
export default defineConfig({
  root: fileURLToPath(new URL('./src/client', import.meta.url)),
  base: '/',
  build: {
    outDir: fileURLToPath(new URL('./dist/client', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    target: 'es2022',
  },
  oxc: { jsx: { runtime: 'automatic' } },
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
});
