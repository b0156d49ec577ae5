// Size of the content script's initial bundle: the script the manifest names (one
// classic script, scripts/content-script-bundle.ts) and whatever it imports
// statically or through a loader (nothing, now), not the lazily imported scanner
// chunk.
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

/** Files reached from `first` by static imports, skipping those in `seen`. */
function staticClosure(dist: string, first: string[], seen: string[] = []): string[] {
  const out: string[] = [];
  const queue = [...first];
  while (queue.length > 0) {
    const file = queue.shift() as string;
    if (seen.includes(file) || out.includes(file)) continue;
    out.push(file);
    const text = readFileSync(join(dist, file), 'utf8');
    const dir = file.slice(0, file.lastIndexOf('/') + 1);
    for (const m of text.matchAll(STATIC_IMPORT)) queue.push(dir + (m[1] as string));
  }
  return out;
}

export function contentScriptSize(dist: string): BundleSize {
  const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8')) as {
    content_scripts: { js: string[] }[];
  };
  const scripts = manifest.content_scripts[0]?.js ?? [];
  if (scripts.length === 0) throw new Error('no content script in the manifest');
  const files = staticClosure(dist, scripts);
  // The scanner: the entry's dynamic import of …session-*.js (and what it imports that the entry did not).
  const lazy = files.map((f) => /assets\/[\w-]*session-[\w-]+\.js/.exec(readFileSync(join(dist, f), 'utf8'))?.[0]).find(Boolean);
  const lazyFiles = lazy ? staticClosure(dist, [lazy], files) : [];
  return {
    files,
    gzipBytes: files.reduce((a, f) => a + gz(join(dist, f)), 0),
    lazyGzipBytes: lazyFiles.length > 0 ? lazyFiles.reduce((a, f) => a + gz(join(dist, f)), 0) : Number.NaN,
  };
}
