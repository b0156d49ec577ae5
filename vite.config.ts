// Build of the extension: crxjs reads manifest.json and bundles the popup, the
// background worker and the extension pages; the content script (one classic
// script, plus the chunks it loads on demand) is built after it
// (scripts/content-script-bundle.ts).
import { defineConfig } from 'vite';
import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import manifest from './manifest.json' with { type: 'json' };
import { browserManifest, type TargetBrowser } from './scripts/browser-manifest.ts';
import { standalonePopup } from './scripts/standalone-popup.ts';
import { contentScriptBundle, withoutContentScripts } from './scripts/content-script-bundle.ts';

// `vite build` → dist/ for Chrome; `vite build --mode firefox` → dist-firefox/.
export default defineConfig(({ mode }) => {
  const browser: TargetBrowser = mode === 'firefox' ? 'firefox' : 'chrome';
  const outDir = browser === 'firefox' ? 'dist-firefox' : 'dist';
  const target = browser === 'firefox' ? 'firefox140' : 'chrome105';
  const built = browserManifest(manifest, browser);
  return {
  plugins: [
    preact(),
    crx({ manifest: withoutContentScripts(built), browser }),
    standalonePopup({ target }),
    contentScriptBundle({ target, manifest: built }),
  ],
  build: {
    outDir,
    emptyOutDir: true,
    // Minified: the content script runs on every page, its size matters.
    minify: true,
    sourcemap: false,
    target,
    // No <link rel=modulepreload> helper: in a content script it would query the
    // whole page and add links to it before loading the scanner chunk.
    modulePreload: false,
    // Extension pages the manifest does not name (crxjs builds the ones it does):
    // the printable report and the pasted-text page with its annotated frame.
    rolldownOptions: {
      input: {
        report: 'src/report/index.html',
        paste: 'src/paste/index.html',
        pasteFrame: 'src/paste/frame.html',
      },
    },
  },
  };
});
