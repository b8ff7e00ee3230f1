import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const __dirname = path.dirname(fileURLToPath(import.meta.url));

/**
 * The @fontsource CSS offers each font as woff2, then woff as a fallback. Electron's Chromium, and
 * every browser that can run this renderer at all, takes woff2, so the woff files were ~10 MB shipped
 * for nothing. This drops the woff alternative before Vite resolves the url()s, so none is emitted.
 */
function woff2Only(): Plugin {
  const woffSource = /,\s*url\(\s*['"]?[^'")]+\.woff['"]?\s*\)\s*format\(\s*['"]woff['"]\s*\)/g;
  return {
    name: 'scsa-woff2-only',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]@fontsource[\\/][^?]+\.css(\?|$)/.test(id)) return null;
      const trimmed = code.replace(woffSource, '');
      // A layout change in @fontsource must fail the build, not silently ship woff files again.
      if (/\.woff['"]?\s*\)/.test(trimmed)) this.error(`woff source left in ${id}`);
      return { code: trimmed, map: null };
    },
  };
}

export default defineConfig({
  root: path.resolve(__dirname, 'renderer'),
  base: './',
  plugins: [woff2Only(), react()],
  build: {
    outDir: path.resolve(__dirname, 'dist/renderer'),
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: false,
    chunkSizeWarningLimit: 2000,
    // Never inline assets as data: URLs: the CSP allows fonts from 'self' only.
    assetsInlineLimit: 0,
  },
  server: { host: '127.0.0.1' },
});
