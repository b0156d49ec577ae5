// The content script as one classic script. It runs in every frame of every page,
// and crxjs would load it as ES modules: a classic loader that imports the entry
// module by URL, which imports its shared chunks (7 files). Each module is a
// request, a compile and an instantiation in every frame: with ten ad frames
// written by script, 43–48 ms of our script events against 31–32 for one classic
// script (`npm run bench:frames`, README "Performance").
//
// So crxjs builds everything but the content script (vite.config.ts gives it the
// manifest without `content_scripts`), and this plugin builds it after the main
// build, with rolldown:
// - the entry and everything it imports statically: one file, wrapped as a
//   classic script (`assets/content-script.js`). What the lazy chunks need from
//   it (the page's settings, timing, the count…: modules with state of their
//   own, which must not be loaded twice) it publishes on its isolated world's
//   global, under a registered symbol the page's world cannot reach.
// - the chunks it loads on demand (the scanner, the card…): ES modules, loaded
//   with `import(chrome.runtime.getURL(…))`, their imports from the entry read
//   from that global, each compiled whole (COMPILE_WHOLE). They are the only
//   web-accessible files.
// Then it writes `content_scripts` and `web_accessible_resources` into the
// built manifest.
import { rolldown, type OutputChunk } from 'rolldown';
import type { Plugin } from 'vite';
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { builtOutput, type BuiltOutput } from './built-output';
import { Script } from 'node:vm';

/** The global (in the content script's isolated world) that carries the entry's exports. */
export const CONTENT_EXPORTS = 'evidence-lens.content-exports';
export const CONTENT_SCRIPT_FILE = 'assets/content-script.js';

interface ContentScriptEntry {
  js: string[];
  [key: string]: unknown;
}

/** The manifest without its content scripts (crxjs must not build them). */
export function withoutContentScripts<M extends { content_scripts?: unknown }>(manifest: M): M {
  const copy = { ...manifest };
  delete copy.content_scripts;
  return copy;
}

const EXPORTS = `globalThis[Symbol.for(${JSON.stringify(CONTENT_EXPORTS)})]`;

/** `import("./x.js")` in the entry → by extension URL: a classic script has no URL of its own to resolve against. */
function absoluteDynamicImports(code: string): string {
  return code.replace(/import\(\s*([`'"])\.\/([\w.-]+\.js)\1\s*\)/g, (_m, _q, file: string) => `import(chrome.runtime.getURL(${JSON.stringify(`assets/${file}`)}))`);
}

/**
 * The entry chunk (an ES module without static imports) as a classic script: its
 * `export{…}` becomes getters on the global, so a lazy chunk reads each binding's
 * value when it loads, after the entry has run.
 */
export function entryAsClassicScript(code: string): string {
  const exportsAt = /export\s*\{([^}]*)\}\s*;?\s*$/.exec(code);
  let body = code;
  if (exportsAt) {
    const getters = (exportsAt[1] as string)
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .map((spec) => {
        const [local, exported = local] = spec.split(/\s+as\s+/) as [string, string?];
        return `get ${exported}(){return ${local}}`;
      });
    // `??=`: injected again into the same world (an extension update), the second copy
    // stops at the entry's own guard (one run per document), and the first copy's lazy
    // chunks must keep reading the first copy's state.
    body = `${code.slice(0, exportsAt.index)}${EXPORTS}??={${getters.join(',')}};`;
  }
  const script = `(function(){"use strict";${absoluteDynamicImports(body)}})();\n`;
  try {
    new Script(script); // parses it as a classic script: an import or export statement, or import.meta, throws
  } catch (error) {
    throw new Error(`content script: the entry is not a classic script (${String(error)})`);
  }
  return script;
}

/** A lazy chunk's imports from the entry → reads from the global the entry filled. */
export function importsFromEntry(code: string, entryFile: string): string {
  const name = entryFile.slice(entryFile.lastIndexOf('/') + 1).replace(/[.]/g, '\\.');
  const re = new RegExp(`import\\s*(\\{[^}]*\\}|[^{;]*?)\\s*from\\s*(["'\`])\\./${name}\\2\\s*;?`, 'g');
  return code.replace(re, (_m, clause: string) => {
    if (!clause.startsWith('{')) throw new Error(`content script: unsupported import of the entry: ${clause}`);
    const fields = clause
      .slice(1, -1)
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .map((spec) => {
        const [imported, local = imported] = spec.split(/\s+as\s+/) as [string, string?];
        return imported === local ? imported : `${imported}:${local}`;
      });
    return `const{${fields.join(',')}}=${EXPORTS};`;
  });
}

/**
 * First line of every lazy chunk: V8's explicit compile hint, which compiles each of
 * its functions when the chunk is compiled instead of at its first call. The browser
 * keeps a module's compiled code (its code cache) after the first page that loads it,
 * but only the functions compiled by then: the rest were compiled again on every page,
 * inside our slices (6.4 ms of the 1 MB bench page's first pass, traced). With the
 * hint the cache holds them all; reading the larger cache costs more outside our
 * slices (~0.7 ms in round 16; 1–3 ms in round 41, on Chromium 156, for the 20 KB
 * page's ~6 ms less work and a late paragraph ~1.5 ms cheaper). Not on the entry: a content script's classic script gets no code cache
 * in Chromium, so compiling it whole only costs (0.8 → 1.6 ms, measured). A comment
 * elsewhere (Firefox).
 */
export const COMPILE_WHOLE = '//# allFunctionsCalledOnLoad';

export interface ContentScriptFiles {
  /** Path under the output directory → code: the classic script and the lazy chunks. */
  files: Map<string, string>;
  /** The lazy chunks (web-accessible). */
  lazy: string[];
}

/** Builds the content script whose entry module is `entry`. */
export async function buildContentScript(entry: string, target: string, minify = true): Promise<ContentScriptFiles> {
  const bundle = await rolldown({ input: { 'content-script': entry }, platform: 'browser', logLevel: 'warn', transform: { target } });
  try {
    const { output } = await bundle.generate({
      format: 'es',
      minify,
      entryFileNames: CONTENT_SCRIPT_FILE,
      chunkFileNames: 'assets/content-[name]-[hash].js',
    });
    const chunks = output.filter((o): o is OutputChunk => o.type === 'chunk');
    const main = chunks.find((c) => c.isEntry);
    if (!main) throw new Error('content script: no entry chunk');
    if (main.imports.length > 0) throw new Error(`content script: the entry imports ${main.imports.join(', ')} statically`);
    const files = new Map<string, string>();
    for (const chunk of chunks) {
      files.set(chunk.fileName, chunk === main ? entryAsClassicScript(chunk.code) : `${COMPILE_WHOLE}\n${importsFromEntry(chunk.code, main.fileName)}`);
    }
    return { files, lazy: chunks.filter((c) => c !== main).map((c) => c.fileName).sort() };
  } finally {
    await bundle.close();
  }
}

export function contentScriptBundle(options: { target: string; manifest: { content_scripts?: ContentScriptEntry[] } }): Plugin {
  const root = resolve(import.meta.dirname, '..');
  const scripts = options.manifest.content_scripts ?? [];
  let output: BuiltOutput = { outDir: '', minify: true };
  return {
    name: 'evidence-lens:content-script',
    apply: 'build',
    configResolved(config) {
      output = builtOutput(config);
    },
    async closeBundle() {
      const { outDir, minify } = output;
      if (scripts.length !== 1 || scripts[0]?.js.length !== 1) throw new Error('content script: expected one script in the manifest');
      const { files, lazy } = await buildContentScript(resolve(root, scripts[0].js[0] as string), options.target, minify);
      for (const [file, code] of files) await writeFile(join(outDir, file), code);
      const path = join(outDir, 'manifest.json');
      const manifest = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
      manifest.content_scripts = [{ ...scripts[0], js: [CONTENT_SCRIPT_FILE] }];
      // Not use_dynamic_url: see scripts/browser-manifest.ts.
      manifest.web_accessible_resources = [{ matches: ['<all_urls>'], resources: lazy, use_dynamic_url: false }];
      await writeFile(path, `${JSON.stringify(manifest, null, 2)}\n`);
    },
  };
}
