// The popup built on its own: one entry script, one stylesheet, and the one chunk
// it imports itself (the report's view). crxjs builds the popup with the rest of
// the extension, where code shared with other pages is split into a dozen chunks;
// each is a separate request when the popup opens, and together they cost its
// first render ~40 ms in the benchmark (issue 4: ≤ 100 ms). After the main build,
// this plugin builds the popup page again, alone, over the copy crxjs wrote (same
// path, so the manifest is unchanged), and removes the entry script and
// stylesheet that copy used.
import { build, type Plugin } from 'vite';
import preact from '@preact/preset-vite';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { builtOutput, type BuiltOutput } from './built-output';

const POPUP_HTML = 'src/popup/index.html';

export function standalonePopup(options: { target: string }): Plugin {
  const root = resolve(import.meta.dirname, '..');
  let output: BuiltOutput = { outDir: '', minify: true };
  return {
    name: 'evidence-lens:standalone-popup',
    apply: 'build',
    configResolved(config) {
      output = builtOutput(config);
    },
    async closeBundle() {
      const { outDir, minify } = output;
      const old = await readFile(join(outDir, POPUP_HTML), 'utf8');
      const oldFiles = [...old.matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)].map((m) => m[1] as string);
      await build({
        configFile: false,
        root,
        base: '/',
        logLevel: 'warn',
        plugins: [preact()],
        build: {
          outDir,
          emptyOutDir: false,
          minify,
          sourcemap: false,
          target: options.target,
          modulePreload: false,
          rolldownOptions: {
            input: { popup: resolve(root, POPUP_HTML) },
            output: {
              entryFileNames: 'assets/popup-[hash].js',
              chunkFileNames: 'assets/popup-[name]-[hash].js',
              assetFileNames: 'assets/popup-[hash][extname]',
            },
          },
        },
      });
      // The old copy's entry script and stylesheet, unless another page uses them,
      // and the chunks only its entry loaded (its copy of the report's view).
      const pages = await Promise.all(
        (await readdir(join(outDir, 'src'), { recursive: true }))
          .filter((f) => f.endsWith('.html') && !f.endsWith(join('popup', 'index.html')))
          .map((f) => readFile(join(outDir, 'src', f), 'utf8')),
      );
      const lazy: string[] = [];
      for (const file of oldFiles.filter((f) => f.endsWith('.js'))) {
        const code = await readFile(join(outDir, file), 'utf8').catch(() => '');
        for (const m of code.matchAll(/import\(\s*[`'"]\.\/([^`'"]+\.js)[`'"]\s*\)/g)) lazy.push(`assets/${m[1] as string}`);
      }
      for (const file of oldFiles) {
        if (!pages.some((page) => page.includes(file))) await rm(join(outDir, file), { force: true });
      }
      const assets = (await readdir(join(outDir, 'assets'))).filter((f) => f.endsWith('.js'));
      for (const file of lazy) {
        const name = file.slice('assets/'.length);
        const users = await Promise.all(assets.filter((f) => f !== name).map((f) => readFile(join(outDir, 'assets', f), 'utf8')));
        if (!users.some((code) => code.includes(name))) await rm(join(outDir, file), { force: true });
      }
    },
  };
}
