// Size of the content script's initial bundle: the loader crxjs writes into the
// manifest, the module it imports, and that module's static imports (not the
// lazily imported scanner chunk).
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

export interface BundleSize {
  files: string[];
  gzipBytes: number;
  /** The lazily loaded scanner (session + core), for reference. */
  lazyGzipBytes: number;
}

const STATIC_IMPORT = /(?:^|[;}\n])\s*import\s*(?:[\w{}\s,*$]+from\s*)?["']\.\/([^"']+)["']/g;

const gz = (path: string): number => gzipSync(readFileSync(path)).length;

export function contentScriptSize(dist: string): BundleSize {
  const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8')) as {
    content_scripts: { js: string[] }[];
  };
  const loader = manifest.content_scripts[0]?.js[0];
  if (loader === undefined) throw new Error('no content script in the manifest');
  const files = [loader];
  const loaderText = readFileSync(join(dist, loader), 'utf8');
  // crxjs's loader imports the entry with chrome.runtime.getURL("assets/…").
  const entry = /getURL\(\s*["']([^"']+)["']\s*\)/.exec(loaderText)?.[1];
  const queue = entry ? [entry] : [];
  while (queue.length > 0) {
    const file = queue.shift() as string;
    if (files.includes(file)) continue;
    files.push(file);
    const text = readFileSync(join(dist, file), 'utf8');
    const dir = file.slice(0, file.lastIndexOf('/') + 1);
    for (const m of text.matchAll(STATIC_IMPORT)) queue.push(dir + (m[1] as string));
  }
  // The scanner: the entry's dynamic import of session-*.js (and what it imports that the entry did not).
  const lazy = /session-[\w-]+\.js/.exec(readFileSync(join(dist, entry ?? loader), 'utf8'))?.[0];
  const lazyFiles: string[] = [];
  const lazyQueue = lazy ? [`assets/${lazy}`] : [];
  while (lazyQueue.length > 0) {
    const file = lazyQueue.shift() as string;
    if (files.includes(file) || lazyFiles.includes(file)) continue;
    lazyFiles.push(file);
    const text = readFileSync(join(dist, file), 'utf8');
    const dir = file.slice(0, file.lastIndexOf('/') + 1);
    for (const m of text.matchAll(STATIC_IMPORT)) lazyQueue.push(dir + (m[1] as string));
  }
  return {
    files,
    gzipBytes: files.reduce((a, f) => a + gz(join(dist, f)), 0),
    lazyGzipBytes: lazyFiles.length > 0 ? lazyFiles.reduce((a, f) => a + gz(join(dist, f)), 0) : Number.NaN,
  };
}
