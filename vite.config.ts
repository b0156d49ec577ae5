// Build of the extension: crxjs reads manifest.json and bundles the popup, the
// background worker and the content script (plus its lazily loaded card chunk).
import { defineConfig } from 'vite';
import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import manifest from './manifest.json' with { type: 'json' };

export default defineConfig({
  plugins: [preact(), crx({ manifest })],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Minified: the content script runs on every page, its size matters.
    minify: true,
    sourcemap: false,
    target: 'chrome105',
  },
});
